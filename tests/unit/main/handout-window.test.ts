import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { HandoutSpec } from '../../../electron/contract'
import { HANDOUT_READY_SCRIPT, HANDOUT_RESET_SCRIPT } from '../../../electron/handout-spec'
import { HandoutNotRenderedError } from '../../../electron/main/handout-window'
import { BrowserWindow, resetElectronMock } from '../../mocks/electron'
import { fakeLog } from './fake-log'
import { HANDOUT_PAGE_URL, renderedSpecs, scriptsRun, warmHandoutWindowOverMock } from './handout-window-stage'

const SPEC: HandoutSpec = {
  locale: 'ur',
  chosen: ['pregnant'],
  paperSize: 'A4',
  secondLocale: null,
  clinicName: 'Eastside Clinic',
  clinicPhone: '555-0100',
  emergencyNumber: '999',
}
const makePdf = (contents: { printToPDF(options: object): Promise<Buffer> }) => contents.printToPDF({})

describe('the warm handout window', () => {
  beforeEach(() => resetElectronMock())

  it('is opened once the kiosk has started, with the page loaded and no visitor data in it', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog())
    handouts.warm()
    handouts.warm()
    expect(BrowserWindow.instances).toHaveLength(1)
    const [window] = BrowserWindow.instances
    expect(window!.options).toMatchObject({ show: false, webPreferences: { sandbox: true, preload: undefined } })
    expect(window!.webContents.loadURL).toHaveBeenCalledWith(HANDOUT_PAGE_URL)
    await vi.waitFor(() => expect(scriptsRun(window!)).toEqual([HANDOUT_READY_SCRIPT]))
  })

  it('serves many handouts from one window and page load, clearing the page after each', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog())
    for (const locale of ['en', 'ar', 'zh-Hans'] as const) await handouts.withHandout({ ...SPEC, locale }, makePdf)
    expect(BrowserWindow.instances).toHaveLength(1)
    const [window] = BrowserWindow.instances
    expect(window!.webContents.loadURL).toHaveBeenCalledTimes(1)
    expect(renderedSpecs(window!).map((spec) => spec.locale)).toEqual(['en', 'ar', 'zh-Hans'])
    expect(scriptsRun(window!).filter((script) => script === HANDOUT_RESET_SCRIPT)).toHaveLength(3)
    expect(scriptsRun(window!).at(-1)).toBe(HANDOUT_RESET_SCRIPT)
  })

  it('clears the page after a print that throws, and keeps the window', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog())
    await expect(
      handouts.withHandout(SPEC, async () => {
        throw new Error('printToPDF failed')
      }),
    ).rejects.toThrow('printToPDF failed')
    const [window] = BrowserWindow.instances
    expect(scriptsRun(window!).at(-1)).toBe(HANDOUT_RESET_SCRIPT)
    expect(window!.destroy).not.toHaveBeenCalled()
  })

  it('replaces a window whose page cannot be cleared, so nothing of the visitor stays', async () => {
    const log = fakeLog()
    const handouts = warmHandoutWindowOverMock(log, (window) =>
      window.webContents.executeJavaScript.mockImplementation(async (script) => {
        if (script === HANDOUT_RESET_SCRIPT) throw new Error('Script failed to execute')
        return true
      }),
    )
    await expect(handouts.withHandout(SPEC, makePdf)).resolves.toBeInstanceOf(Buffer)
    expect(BrowserWindow.instances[0]!.destroy).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(log.warn).toHaveBeenCalledWith('The handout page could not be cleared (error); opening a new one')
  })

  it('replaces a window whose renderer crashed, in the background, and the next handout works', async () => {
    const log = fakeLog()
    const handouts = warmHandoutWindowOverMock(log)
    await handouts.withHandout(SPEC, makePdf)
    const [crashed] = BrowserWindow.instances
    crashed!.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 })
    expect(crashed!.destroy).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(log.warn).toHaveBeenCalledWith("The handout window's renderer is gone (oom); opening a new one")
    await expect(handouts.withHandout(SPEC, makePdf)).resolves.toBeInstanceOf(Buffer)
    expect(renderedSpecs(BrowserWindow.instances[1]!)).toHaveLength(1)
    expect(BrowserWindow.instances).toHaveLength(2)
  })

  it('fails a handout whose renderer crashes while it prints, instead of waiting for ever', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog())
    const print = handouts.withHandout(SPEC, () => {
      BrowserWindow.instances[0]!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
      return new Promise<Buffer>(() => {})
    })
    await expect(print).rejects.toEqual(new HandoutNotRenderedError('crashed'))
    await expect(handouts.withHandout(SPEC, makePdf)).resolves.toBeInstanceOf(Buffer)
  })

  it('does not reopen in a loop a page that crashes while it loads; the next handout tries again', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog(), (window) =>
      window.webContents.loadURL.mockImplementation(() => new Promise(() => {})),
    )
    handouts.warm()
    BrowserWindow.instances[0]!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(BrowserWindow.instances[0]!.destroy).toHaveBeenCalled()
    await expect(handouts.withHandout(SPEC, makePdf)).rejects.toEqual(new HandoutNotRenderedError('timeout'))
    expect(BrowserWindow.instances.length).toBeGreaterThan(1)
  })

  it('opens a new window for the next handout when the window was destroyed from outside', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog())
    await handouts.withHandout(SPEC, makePdf)
    BrowserWindow.instances[0]!.emit('closed')
    expect(BrowserWindow.instances).toHaveLength(1)
    await expect(handouts.withHandout(SPEC, makePdf)).resolves.toBeInstanceOf(Buffer)
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(BrowserWindow.instances[0]!.destroy).not.toHaveBeenCalled()
    expect(renderedSpecs(BrowserWindow.instances[1]!)).toHaveLength(1)
  })

  it('replaces a window that timed out, and the next handout works in the new one', async () => {
    let first = true
    const handouts = warmHandoutWindowOverMock(fakeLog(), (window) => {
      if (!first) return
      first = false
      window.webContents.executeJavaScript.mockImplementation((script) =>
        script.includes('render(') ? new Promise(() => {}) : Promise.resolve(true),
      )
    })
    await expect(handouts.withHandout(SPEC, makePdf)).rejects.toEqual(new HandoutNotRenderedError('timeout'))
    const [timedOut, fresh] = BrowserWindow.instances
    expect(timedOut!.destroy).toHaveBeenCalled()
    expect(timedOut!.webContents.printToPDF).not.toHaveBeenCalled()
    await expect(handouts.withHandout(SPEC, makePdf)).resolves.toBeInstanceOf(Buffer)
    expect(fresh!.webContents.printToPDF).toHaveBeenCalledTimes(1)
    expect(BrowserWindow.instances).toHaveLength(2)
  })

  it('gives a page that did not warm up a clear reason, and is opened again for the next handout', async () => {
    let first = true
    const handouts = warmHandoutWindowOverMock(fakeLog(), (window) => {
      if (first) window.webContents.executeJavaScript.mockResolvedValue(false)
      first = false
    })
    await expect(handouts.withHandout(SPEC, makePdf)).rejects.toEqual(new HandoutNotRenderedError('not-ready'))
    expect(BrowserWindow.instances[0]!.destroy).toHaveBeenCalled()
    await expect(handouts.withHandout(SPEC, makePdf)).resolves.toBeInstanceOf(Buffer)
  })

  it('renews a window that held a handout, once the handout under way is done; an unused one is kept', async () => {
    const handouts = warmHandoutWindowOverMock(fakeLog())
    handouts.warm()
    await handouts.renew()
    expect(BrowserWindow.instances).toHaveLength(1)

    let finish: (pdf: Buffer) => void = () => {}
    const printing = handouts.withHandout(SPEC, () => new Promise<Buffer>((resolve) => (finish = resolve)))
    await vi.waitFor(() => expect(renderedSpecs(BrowserWindow.instances[0]!)).toHaveLength(1))
    const renewed = handouts.renew()
    await new Promise((resolve) => setTimeout(resolve, 10))
    expect(BrowserWindow.instances[0]!.destroy).not.toHaveBeenCalled()
    finish(Buffer.from('%PDF'))
    await printing
    await renewed
    expect(BrowserWindow.instances[0]!.destroy).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(renderedSpecs(BrowserWindow.instances[1]!)).toEqual([])
  })
})
