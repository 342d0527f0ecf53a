import { z } from 'zod'
import { KioskConfigSchema, type KioskConfig } from '../../electron/contract'
import { DEFAULT_CONFIG } from '../../electron/default-config'

/** The optional configuration file of a web-mode kiosk, served next to index.html. */
const WEB_CONFIG_FILE = 'kiosk-config.json'

/**
 * Reads a web-mode kiosk's configuration: the fields of kiosk-config.json over
 * the defaults. No file means the defaults; a broken file means the defaults
 * and a console error naming the problem, so the kiosk always starts.
 */
export async function loadWebConfig(
  fetchFile: () => Promise<Response> = () => fetch(WEB_CONFIG_FILE, { cache: 'no-store' }),
): Promise<KioskConfig> {
  const defaults = structuredClone(DEFAULT_CONFIG) as KioskConfig
  let response: Response
  try {
    response = await fetchFile()
  } catch {
    return defaults
  }
  // A static server may answer a missing file with its index page: only JSON counts.
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) return defaults
  let fields: unknown
  try {
    fields = await response.json()
  } catch (error) {
    console.error(`${WEB_CONFIG_FILE} is not valid JSON (${String(error)}); the kiosk uses its defaults`)
    return defaults
  }
  const parsed = KioskConfigSchema.safeParse(
    typeof fields === 'object' && fields !== null && !Array.isArray(fields) ? { ...defaults, ...fields } : fields,
  )
  if (parsed.success) return parsed.data
  console.error(`${WEB_CONFIG_FILE} is invalid; the kiosk uses its defaults:\n${z.prettifyError(parsed.error)}`)
  return defaults
}
