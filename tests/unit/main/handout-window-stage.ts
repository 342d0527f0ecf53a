/**
 * The warm handout window over the shared electron mock, for the printer's and
 * the window's tests: what each fake window was asked to run, and the specs it
 * was asked to render.
 */
import type { HandoutSpec } from '../../../electron/contract'
import { createWarmHandoutWindow, type WarmHandoutWindow } from '../../../electron/main/handout-window'
import { createHandoutWindow } from '../../../electron/main/kiosk-window'
import type { Logger } from '../../../electron/main/logger'
import type { BrowserWindow } from '../../mocks/electron'

/** A handout window as the electron mock makes it. */
export type FakeWindow = InstanceType<typeof BrowserWindow>

/** The page's URL the tests' windows load. */
export const HANDOUT_PAGE_URL = 'app://kiosk/handout.html'
/** How long the tests' pages may take to warm up or render before they are given up. */
export const TEST_TIMEOUT_MS = 50

const RENDER_CALL = /^window\.handoutPage\.render\((.*)\)$/s

/** A warm handout window whose windows come from kiosk-window's createHandoutWindow, scripted by `prepareWindow`. */
export function warmHandoutWindowOverMock(
  log: Logger,
  prepareWindow: (window: FakeWindow) => void = () => {},
): WarmHandoutWindow {
  return createWarmHandoutWindow({
    openWindow: () => {
      const window = createHandoutWindow('kiosk-handout')
      prepareWindow(window as unknown as FakeWindow)
      return window
    },
    pageUrl: HANDOUT_PAGE_URL,
    log,
    warmUpTimeoutMs: TEST_TIMEOUT_MS,
    renderTimeoutMs: TEST_TIMEOUT_MS,
  })
}

/** Every script a window was asked to run, in order. */
export function scriptsRun(window: FakeWindow): string[] {
  return window.webContents.executeJavaScript.mock.calls.map(([script]) => script)
}

/** The specs a window was asked to render, read back from the scripts it ran. */
export function renderedSpecs(window: FakeWindow): HandoutSpec[] {
  return scriptsRun(window).flatMap((script) => {
    const call = RENDER_CALL.exec(script)
    return call ? [JSON.parse(call[1]!) as HandoutSpec] : []
  })
}
