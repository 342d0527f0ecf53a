/**
 * Opens pages the way the kiosk app shows them: with a bridge shaped like the
 * app's preload (window.kiosk: the clinic's settings, the app's info, and
 * "unsupported" for every other call), so the renderer takes the app's paths
 * (no web-mode config reader, no in-page print copy) rather than web mode's.
 */
import { CHANNELS } from '../../electron/channels.ts'
import { DEFAULT_CONFIG } from '../../electron/default-config.ts'

/** A new page in `context` that gets the preload-shaped bridge before any script runs. */
export async function newKioskAppPage(context) {
  const page = await context.newPage()
  await page.addInitScript(
    ([channels, config]) => {
      const unsupported = async () => ({ ok: false, error: { code: 'unsupported', message: 'not in the benchmark' } })
      const answers = {
        getConfig: async () => ({ ok: true, value: config }),
        getAppInfo: async () => ({
          ok: true,
          value: { name: 'leg-cramp-kiosk', version: 'bench', runtime: 'electron' },
        }),
      }
      window.kiosk = Object.fromEntries(channels.map((name) => [name, answers[name] ?? unsupported]))
    },
    [Object.keys(CHANNELS), DEFAULT_CONFIG],
  )
  return page
}
