import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { CHANNELS, type ChannelName, type KioskConfig } from '../../electron/contract'
import { CONFIG_VERSION } from '../../electron/main/config-store'
import { createHandoutPrinter } from '../../electron/main/handout-printer'
import { createWarmHandoutWindow, type HandoutWindow } from '../../electron/main/handout-window'
import { registerIpcHandlers } from '../../electron/main/ipc'
import { hashPin } from '../../electron/main/pin-hash'
import { openKioskFiles } from '../../electron/main/kiosk-files'
import { createKioskHandlers } from '../../electron/main/kiosk-handlers'

/** How the stand-in kiosk machine is set up. */
export interface MainProcessOptions {
  /** Settings already saved in config.json on this machine. */
  settings?: Partial<KioskConfig>
  /** Or the exact text of config.json (to try a faulty one). */
  configFileText?: string
  /** A staff PIN already set on this machine, or the exact text of its PIN file (to try a broken one). */
  staffPin?: { pin: string } | { fileText: string }
  /** The system's printers (default: one, "Front_Desk"). */
  printers?: { name: string }[]
  /** Receives the PDF of every handout "printed". */
  printed?: Buffer[]
  /** The fleet's provisioning file (version 2 is added), as clinic IT would push it. */
  provisioning?: Record<string, unknown>
}

/**
 * Wires the page's `window.kiosk` to the main process's real handlers, through
 * the real IPC gate (sender check, payload validation, staff-only channels):
 * configuration, PIN and usage files live in a fresh temporary user-data
 * folder. Only Electron's windows are stood in for: the hidden handout window
 * is a second browser page, warmed up at once as main does once the kiosk
 * shows, and "printing" makes a PDF of it.
 */
export async function wireToMainProcess(page: Page, baseURL: string, options: MainProcessOptions = {}) {
  const userData = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'))
  const configText =
    options.configFileText ??
    (options.settings && JSON.stringify({ version: CONFIG_VERSION, settings: options.settings }))
  if (configText !== undefined) await writeFile(join(userData, 'config.json'), configText)
  if (options.staffPin) {
    const text =
      'pin' in options.staffPin
        ? JSON.stringify({ version: 1, pin: await hashPin(options.staffPin.pin) })
        : options.staffPin.fileText
    await writeFile(join(userData, 'staff-pin.json'), text)
  }
  const log = { info: () => {}, warn: () => {}, error: () => {} }
  let provisioningFile: string | null = null
  if (options.provisioning) {
    provisioningFile = join(userData, 'provisioning.json')
    await writeFile(provisioningFile, JSON.stringify({ version: CONFIG_VERSION, ...options.provisioning }))
  }
  const { store, staff, counters } = await openKioskFiles(userData, { provisioningFile, log })
  const printers = options.printers ?? [{ name: 'Front_Desk' }]
  const handoutWindow = createWarmHandoutWindow({
    openWindow: handoutWindowStandIn(page, options.printed),
    pageUrl: new URL('/handout.html', baseURL).href,
    log,
  })
  handoutWindow.warm()
  const printer = createHandoutPrinter({
    handoutWindow,
    listPrinters: async () => printers,
    config: () => store.config(),
    count: (counter) => counters.increment(counter),
    log,
  })
  const handlers = createKioskHandlers({
    store,
    staff,
    counters,
    printer,
    appInfo: { name: 'leg-cramp-kiosk', version: 'e2e', runtime: 'electron' },
    listPrinters: async () => printers.map((each) => each.name),
    clearVisitorStorage: async () => {},
    heartbeat: () => {},
    saveUsageCsv: async () => ({ state: 'cancelled' }),
    quit: () => {},
    log,
  })
  const registered = new Map<string, (event: unknown, payload: unknown) => unknown>()
  registerIpcHandlers(
    { handle: (channel: string, handler: never) => void registered.set(channel, handler) } as never,
    handlers,
    { appOrigin: new URL(baseURL).origin, log, staffOpen: () => staff.isOpen() },
  )
  await page.exposeBinding('kioskMain', ({ frame }, name: ChannelName, payload: unknown) =>
    registered.get(CHANNELS[name])!({ senderFrame: { url: frame.url(), parent: frame.parentFrame() } }, payload),
  )
  await page.addInitScript((names: string[]) => {
    const call = (window as unknown as { kioskMain: (name: string, payload?: unknown) => Promise<unknown> }).kioskMain
    const kiosk = Object.fromEntries(names.map((name) => [name, (payload?: unknown) => call(name, payload)]))
    Object.assign(window, { kiosk })
  }, Object.keys(CHANNELS))
  return { userData, store, counters, staff }
}

/**
 * A browser page standing in for main's hidden handout window, in a browser
 * context of its own as the window has a session of its own: the same page API
 * calls run in it, print() makes a PDF of it, and its crash and close events
 * stand in for the window's. It goes when the kiosk page closes.
 */
function handoutWindowStandIn(page: Page, printed: Buffer[] = []): () => HandoutWindow {
  return () => {
    const context = page.context().browser()!.newContext()
    const handoutPage = context.then((handouts) => {
      page.once('close', () => void handouts.close())
      return handouts.newPage()
    })
    const contents = {
      loadURL: async (url: string) => void (await (await handoutPage).goto(url)),
      executeJavaScript: async (script: string) => (await handoutPage).evaluate(script),
      print: (_options: unknown, callback: (success: boolean, reason: string) => void) =>
        void handoutPage
          .then((handout) => handout.pdf({ preferCSSPageSize: true }))
          .then(
            (pdf) => {
              printed.push(pdf)
              callback(true, '')
            },
            (error: unknown) => callback(false, String(error)),
          ),
      printToPDF: async () => (await handoutPage).pdf({ preferCSSPageSize: true }),
      once: (_event: 'render-process-gone', listener: (event: unknown, details: { reason: string }) => void) =>
        void handoutPage.then((handout) => handout.once('crash', () => listener({}, { reason: 'crashed' }))),
    }
    return {
      webContents: contents as never,
      once: (_event, listener) => void handoutPage.then((handout) => handout.once('close', listener)),
      destroy: () => void context.then((handouts) => handouts.close()),
    }
  }
}
