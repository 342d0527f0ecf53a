import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { HandoutRequest, KioskConfig } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { HANDOUT_RESET_SCRIPT } from '../../../electron/handout-spec'
import { createHandoutPrinter } from '../../../electron/main/handout-printer'
import { PRINT_COOLDOWN_SECONDS } from '../../../electron/print-allowance'
import { BrowserWindow, resetElectronMock } from '../../mocks/electron'
import { fakeLog } from './fake-log'
import { type FakeWindow, renderedSpecs, scriptsRun, warmHandoutWindowOverMock } from './handout-window-stage'

const REQUEST: HandoutRequest = { locale: 'es', chosen: ['over60', 'fluids'] }
const PRINTERS = [{ name: 'Front_Desk' }, { name: 'Back_Office' }]

/** A printer over a warm handout window on the electron mock; `prepareWindow` scripts each window it opens. */
function setUp(configOverrides: Partial<KioskConfig> = {}, prepareWindow: (window: FakeWindow) => void = () => {}) {
  let now = 1_000_000
  const config: KioskConfig = { ...DEFAULT_CONFIG, printerName: 'Back_Office', paperSize: 'A4', ...configOverrides }
  const count = vi.fn()
  const listPrinters = vi.fn(async () => PRINTERS)
  const log = fakeLog()
  const printer = createHandoutPrinter({
    handoutWindow: warmHandoutWindowOverMock(log, prepareWindow),
    listPrinters,
    config: () => config,
    count,
    log,
    now: () => now,
  })
  const lastWindow = () => BrowserWindow.instances.at(-1)!
  return { printer, count, listPrinters, lastWindow, log, advance: (seconds: number) => (now += seconds * 1000) }
}

/** Everything logged, as one text. */
const logged = (log: ReturnType<typeof fakeLog>) =>
  [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].map((call) => call.join(' ')).join('\n')

describe('handout printing in the main process', () => {
  beforeEach(() => resetElectronMock())

  it('prints silently to the configured printer on the configured paper, once the page is ready, then clears it', async () => {
    const { printer, lastWindow, count } = setUp()
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 1 })
    const contents = lastWindow().webContents
    expect(contents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: true, deviceName: 'Back_Office', pageSize: 'A4' }),
      expect.any(Function),
    )
    const [render, reset] = contents.executeJavaScript.mock.invocationCallOrder.slice(-2)
    expect(render).toBeLessThan(contents.print.mock.invocationCallOrder[0]!)
    expect(reset).toBeGreaterThan(contents.print.mock.invocationCallOrder[0]!)
    expect(scriptsRun(lastWindow()).at(-1)).toBe(HANDOUT_RESET_SCRIPT)
    expect(lastWindow().destroy).not.toHaveBeenCalled()
    expect(count).toHaveBeenCalledWith('handoutsPrinted')
  })

  it('renders the visitor’s language and choices with the clinic’s details, nothing more, and never through the URL', async () => {
    const { printer, lastWindow } = setUp({ clinicName: 'Eastside Clinic', bilingualHandout: true, clinicLocale: 'en' })
    await printer.print(REQUEST)
    expect(renderedSpecs(lastWindow())).toEqual([
      {
        locale: 'es',
        chosen: ['over60', 'fluids'],
        paperSize: 'A4',
        secondLocale: 'en',
        clinicName: 'Eastside Clinic',
        clinicPhone: '',
        emergencyNumber: '',
      },
    ])
    expect(lastWindow().webContents.loadURL.mock.calls).toEqual([['app://kiosk/handout.html']])
  })

  it('prints to the system’s default printer when none is configured', async () => {
    const { printer, lastWindow } = setUp({ printerName: null, paperSize: 'Letter' })
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'done' })
    const [options] = lastWindow().webContents.print.mock.calls[0]!
    expect(options).not.toHaveProperty('deviceName')
    expect(options).toMatchObject({ silent: true, pageSize: 'Letter' })
  })

  it('passes Electron’s failure reason on as the error state, counts the failure and still clears the page', async () => {
    const { printer, count, lastWindow } = setUp({}, (window) =>
      window.webContents.print.mockImplementation((_options, callback) => void callback?.(false, 'Print job failed')),
    )
    await expect(printer.print(REQUEST)).resolves.toEqual({
      state: 'error',
      reason: 'print-failed',
      detail: 'Print job failed',
    })
    expect(scriptsRun(lastWindow()).at(-1)).toBe(HANDOUT_RESET_SCRIPT)
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
    const { printer } = setUp({}, (window) =>
      window.webContents.executeJavaScript.mockImplementation(async (script) => !script.includes('render(')),
    )
    await expect(printer.print(REQUEST)).resolves.toMatchObject({
      state: 'error',
      reason: 'not-rendered',
      detail: 'The handout could not be rendered (not-ready).',
    })
    const [first] = BrowserWindow.instances
    expect(first!.webContents.print).not.toHaveBeenCalled()
    expect(first!.destroy).toHaveBeenCalled()
  })

  it('gives up on a page that never answers', async () => {
    const { printer } = setUp({}, (window) =>
      window.webContents.executeJavaScript.mockImplementation((script) =>
        script.includes('render(') ? new Promise(() => {}) : Promise.resolve(true),
      ),
    )
    await expect(printer.print(REQUEST)).resolves.toMatchObject({
      state: 'error',
      reason: 'not-rendered',
      detail: 'The handout could not be rendered (timeout).',
    })
    expect(BrowserWindow.instances[0]!.webContents.print).not.toHaveBeenCalled()
  })

  describe('keeps the visitor out of the log', () => {
    const visitorTraces = [...REQUEST.chosen, 'chosen', '%22', '"locale"', 'handout.html#', 'Eastside']

    it('a handout page that fails to load is logged by its reason code, not the error’s message', async () => {
      const { printer, log } = setUp({ clinicName: 'Eastside Clinic' }, (window) =>
        window.webContents.loadURL.mockImplementation(async (url: string) => {
          // As Electron does: the rejection quotes the whole URL.
          throw Object.assign(new Error(`ERR_FAILED (-2) loading '${url}'`), { code: 'ERR_FAILED', errno: -2 })
        }),
      )
      await expect(printer.print(REQUEST)).resolves.toMatchObject({
        state: 'error',
        reason: 'not-rendered',
        detail: 'The handout could not be rendered (ERR_FAILED).',
      })
      const text = logged(log)
      expect(text).toContain('not-rendered')
      expect(text).toContain('ERR_FAILED')
      expect(text).not.toContain('loading')
      for (const trace of visitorTraces) expect(text).not.toContain(trace)
      expect(text).not.toMatch(/\bes\b/)
    })

    it('a page whose render throws is logged by a code alone, even when the error quotes the spec', async () => {
      const { printer, log } = setUp({ clinicName: 'Eastside Clinic' }, (window) =>
        window.webContents.executeJavaScript.mockImplementation(async (script) => {
          if (script.includes('render(')) throw new Error(`Script failed to execute: ${script}`)
          return true
        }),
      )
      await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'error', reason: 'not-rendered' })
      const text = logged(log)
      expect(text).toContain('could not be rendered (error)')
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
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(BrowserWindow.instances[0]!.webContents.print).toHaveBeenCalledTimes(2)

    printer.resetVisitor()
    await expect(printer.print(REQUEST)).resolves.toEqual({ state: 'done', printsLeft: 1 })
  })

  it('gives the next visitor a handout window that never held the last visitor’s handout', async () => {
    const { printer, lastWindow } = setUp()
    await printer.print(REQUEST)
    const used = lastWindow()
    printer.resetVisitor()
    await vi.waitFor(() => expect(BrowserWindow.instances).toHaveLength(2))
    expect(used.destroy).toHaveBeenCalled()
    expect(renderedSpecs(lastWindow())).toEqual([])
    await expect(printer.print(REQUEST)).resolves.toMatchObject({ state: 'done' })
    expect(renderedSpecs(lastWindow())).toHaveLength(1)
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

  it('saves the same handout as PDF with printToPDF, on the configured paper, in the same warm window', async () => {
    const { printer, lastWindow, count } = setUp({ paperSize: 'Letter' })
    const pdf = await printer.savePdf({ locale: 'ar', chosen: [] })
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF')
    expect(lastWindow().webContents.printToPDF).toHaveBeenCalledWith(
      expect.objectContaining({ pageSize: 'Letter', preferCSSPageSize: true }),
    )
    expect(scriptsRun(lastWindow()).at(-1)).toBe(HANDOUT_RESET_SCRIPT)
    await printer.print(REQUEST)
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(count).toHaveBeenCalledTimes(1)
    expect(count).toHaveBeenCalledWith('handoutsPrinted')
  })

  it('never lets a PDF and a print share the page: the second waits until the first is cleared', async () => {
    let finishPdf = () => {}
    const { printer, lastWindow } = setUp({}, (window) =>
      window.webContents.printToPDF.mockImplementation(
        () => new Promise((resolve) => (finishPdf = () => resolve(Buffer.from('%PDF-1.4 fake')))),
      ),
    )
    const pdf = printer.savePdf({ locale: 'ar', chosen: [] })
    await vi.waitFor(() => expect(lastWindow().webContents.printToPDF).toHaveBeenCalled())
    const print = printer.print(REQUEST)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(renderedSpecs(lastWindow()).map((spec) => spec.locale)).toEqual(['ar'])
    expect(lastWindow().webContents.print).not.toHaveBeenCalled()
    finishPdf()
    await pdf
    await expect(print).resolves.toMatchObject({ state: 'done' })
    expect(scriptsRun(lastWindow()).slice(1)).toEqual([
      expect.stringContaining('render({"locale":"ar"'),
      HANDOUT_RESET_SCRIPT,
      expect.stringContaining('render({"locale":"es"'),
      HANDOUT_RESET_SCRIPT,
    ])
  })
})
