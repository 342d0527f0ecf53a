import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { HandoutRequest, KioskConfig } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { handoutSpecFromHash } from '../../../electron/handout-spec'
import { createHandoutPrinter, HANDOUT_READY_EXPRESSION } from '../../../electron/main/handout-printer'
import { createHandoutWindow } from '../../../electron/main/kiosk-window'
import { PRINT_COOLDOWN_SECONDS } from '../../../electron/print-allowance'
import { BrowserWindow, resetElectronMock } from '../../mocks/electron'
import { fakeLog } from './fake-log'

const REQUEST: HandoutRequest = { locale: 'es', chosen: ['over60', 'fluids'] }
const PRINTERS = [{ name: 'Front_Desk' }, { name: 'Back_Office' }]

type FakeWindow = InstanceType<typeof BrowserWindow>

/** A printer over the electron mock; `prepareWindow` scripts each handout window before it is used. */
function setUp(configOverrides: Partial<KioskConfig> = {}, prepareWindow: (window: FakeWindow) => void = () => {}) {
  let now = 1_000_000
  const config: KioskConfig = { ...DEFAULT_CONFIG, printerName: 'Back_Office', paperSize: 'A4', ...configOverrides }
  const count = vi.fn()
  const listPrinters = vi.fn(async () => PRINTERS)
  const log = fakeLog()
  const printer = createHandoutPrinter({
    openWindow: () => {
      const window = createHandoutWindow('kiosk-handout')
      prepareWindow(window as unknown as FakeWindow)
      return window
    },
    listPrinters,
    pageUrl: (spec) => `app://kiosk/handout.html#${encodeURIComponent(JSON.stringify(spec))}`,
    config: () => config,
    count,
    log,
    now: () => now,
    renderTimeoutMs: 50,
  })
  const lastWindow = () => BrowserWindow.instances.at(-1)!
  return { printer, count, listPrinters, lastWindow, log, advance: (seconds: number) => (now += seconds * 1000) }
}

describe('handout printing in the main process', () => {
  beforeEach(() => resetElectronMock())

  it('prints silently to the configured printer on the configured paper, once the page is ready', async () => {
    const { printer, lastWindow, count } = setUp()
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 1 })
    const contents = lastWindow().webContents
    expect(contents.executeJavaScript).toHaveBeenCalledWith(HANDOUT_READY_EXPRESSION)
    expect(contents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: true, deviceName: 'Back_Office', pageSize: 'A4' }),
      expect.any(Function),
    )
    expect(contents.executeJavaScript.mock.invocationCallOrder[0]).toBeLessThan(
      contents.print.mock.invocationCallOrder[0]!,
    )
    expect(lastWindow().destroy).toHaveBeenCalled()
    expect(count).toHaveBeenCalledWith('handoutsPrinted')
  })

  it('renders the visitor’s language and choices with the clinic’s details, nothing more', async () => {
    const { printer, lastWindow } = setUp({ clinicName: 'Eastside Clinic', bilingualHandout: true, clinicLocale: 'en' })
    await printer.print(REQUEST)
    const url = lastWindow().webContents.loadURL.mock.calls[0]![0]
    expect(handoutSpecFromHash(new URL(url).hash)).toEqual({
      locale: 'es',
      chosen: ['over60', 'fluids'],
      paperSize: 'A4',
      secondLocale: 'en',
      clinicName: 'Eastside Clinic',
      clinicPhone: '',
      emergencyNumber: '',
    })
  })

  it('prints to the system’s default printer when none is configured', async () => {
    const { printer, lastWindow } = setUp({ printerName: null, paperSize: 'Letter' })
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'done' })
    const [options] = lastWindow().webContents.print.mock.calls[0]!
    expect(options).not.toHaveProperty('deviceName')
    expect(options).toMatchObject({ silent: true, pageSize: 'Letter' })
  })

  it('passes Electron’s failure reason on as the error state and counts the failure', async () => {
    const { printer, count } = setUp({}, (window) =>
      window.webContents.print.mockImplementation((_options, callback) => void callback?.(false, 'Print job failed')),
    )
    await expect(printer.print(REQUEST)).resolves.toEqual({
      state: 'error',
      reason: 'print-failed',
      detail: 'Print job failed',
    })
    expect(count).toHaveBeenCalledWith('printFailures')
    expect(count).toHaveBeenCalledWith('printFailures.print-failed')
    expect(count).not.toHaveBeenCalledWith('handoutsPrinted')
  })

  it('refuses a configured printer the system does not list, instead of printing elsewhere', async () => {
    const { printer, count } = setUp({ printerName: 'Gone_Printer' })
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error', reason: 'printer-not-found' })
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(count).toHaveBeenCalledWith('printFailures')
    expect(count).toHaveBeenCalledWith('printFailures.printer-not-found')
  })

  it('reports a missing printer when the system lists none', async () => {
    const { printer, listPrinters } = setUp({ printerName: null })
    listPrinters.mockResolvedValue([])
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error', reason: 'no-printer' })
  })

  it('never prints a page that did not say it was ready', async () => {
    const { printer, lastWindow } = setUp({}, (window) => window.webContents.executeJavaScript.mockResolvedValue(false))
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error', reason: 'not-rendered' })
    expect(lastWindow().webContents.print).not.toHaveBeenCalled()
    expect(lastWindow().destroy).toHaveBeenCalled()
  })

  it('gives up on a page that never answers', async () => {
    const { printer, lastWindow } = setUp({}, (window) =>
      window.webContents.executeJavaScript.mockReturnValue(new Promise(() => {})),
    )
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error', reason: 'not-rendered' })
    expect(lastWindow().webContents.print).not.toHaveBeenCalled()
  })

  describe('keeps the visitor out of the log', () => {
    /** Everything logged, as one text. */
    const logged = (log: ReturnType<typeof fakeLog>) =>
      [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].map((call) => call.join(' ')).join('\n')
    const visitorTraces = [...REQUEST.chosen, 'chosen', '%22', 'handout.html#']

    it('a handout that fails to load is logged by its reason code, not the URL that holds the choices', async () => {
      const { printer, log } = setUp({}, (window) =>
        window.webContents.loadURL.mockImplementation(async (url: string) => {
          // As Electron does: the rejection quotes the whole URL.
          throw Object.assign(new Error(`ERR_FAILED (-2) loading '${url}'`), { code: 'ERR_FAILED', errno: -2 })
        }),
      )
      await expect(printer.print(REQUEST)).resolves.toMatchObject({
        state: 'error',
        reason: 'not-rendered',
        detail: expect.not.stringContaining('over60'),
      })
      const text = logged(log)
      expect(text).toContain('not-rendered')
      expect(text).toContain('ERR_FAILED')
      for (const trace of visitorTraces) expect(text).not.toContain(trace)
      expect(text).not.toMatch(/\bes\b/)
    })

    it('a print that comes out logs nothing at all (it is counted by day)', async () => {
      const { printer, log, count } = setUp()
      await printer.print(REQUEST)
      expect(logged(log)).toBe('')
      expect(count).toHaveBeenCalledWith('handoutsPrinted')
    })

    it('a page that never answers is logged as a timeout, without the request', async () => {
      const { printer, log } = setUp({}, (window) =>
        window.webContents.executeJavaScript.mockImplementation(() => new Promise(() => {})),
      )
      await printer.print(REQUEST)
      const text = logged(log)
      expect(text).toContain('timeout')
      for (const trace of visitorTraces) expect(text).not.toContain(trace)
      expect(text).not.toMatch(/\bes\b/)
    })
  })

  it('holds a cool-down between prints and a limit per visitor, until the visitor is reset', async () => {
    const { printer, advance } = setUp({ printsPerVisitor: 2 })
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 1 })
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'limit', retryInSeconds: PRINT_COOLDOWN_SECONDS })
    advance(PRINT_COOLDOWN_SECONDS - 5)
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'limit', retryInSeconds: 5 })
    advance(5)
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 0 })
    advance(600)
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'limit', retryInSeconds: null })
    expect(BrowserWindow.instances).toHaveLength(2)

    printer.resetVisitor()
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 1 })
  })

  it('does not use up a print that failed, but still cools down', async () => {
    const { printer, listPrinters, advance } = setUp({ printsPerVisitor: 1 })
    listPrinters.mockResolvedValueOnce([])
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error' })
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'limit' })
    advance(PRINT_COOLDOWN_SECONDS)
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 0 })
  })

  it('refuses a second request while a print is still under way', async () => {
    const { printer } = setUp()
    const first = printer.print(REQUEST)
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'limit' })
    await expect(first).resolves.toMatchObject({ state: 'done' })
  })

  it('does not print at all when staff set zero prints per visitor', async () => {
    const { printer, count } = setUp({ printsPerVisitor: 0 })
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error', reason: 'disabled' })
    expect(BrowserWindow.instances).toHaveLength(0)
    expect(count).not.toHaveBeenCalled()
  })

  it('saves the same handout as PDF with printToPDF, on the configured paper', async () => {
    const { printer, lastWindow, count } = setUp({ paperSize: 'Letter' })
    const pdf = await printer.savePdf({ locale: 'ar', chosen: [] })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    expect(lastWindow().webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'Letter', preferCSSPageSize: true }),
    )
    expect(lastWindow().destroy).toHaveBeenCalled()
    expect(count).not.toHaveBeenCalled()
  })
})
