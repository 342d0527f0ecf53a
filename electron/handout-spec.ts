import type { HandoutRequest, HandoutSpec, KioskConfig } from './contract'

/** The page the handout is rendered on, next to the kiosk's index.html. It carries no visitor data in its URL. */
const HANDOUT_PAGE = 'handout.html'

/** Where the handout page exposes its API on `window`. */
const HANDOUT_PAGE_GLOBAL = 'handoutPage'

/**
 * What the handout page offers the main process. The page loads once, with no
 * visitor data; each handout is rendered into it in memory and cleared again,
 * so nothing of a visitor reaches the URL or the window's history.
 */
export interface HandoutPageApi {
  /**
   * Renders a handout; resolves true once its fonts and drawings are ready to print,
   * false (and renders nothing) for a spec that is not a valid one.
   */
  render(spec: unknown): Promise<boolean>
  /** Clears the rendered handout, so nothing of the visitor stays in the page. */
  reset(): Promise<void>
}

/**
 * What the printed handout shows for a visitor's request under the clinic's
 * settings. A bilingual handout adds the clinic's language unless the visitor
 * already reads in it.
 */
export function handoutSpecFor(request: HandoutRequest, config: KioskConfig): HandoutSpec {
  const bilingual = config.bilingualHandout && config.clinicLocale !== request.locale
  return {
    locale: request.locale,
    chosen: [...request.chosen],
    paperSize: config.paperSize,
    secondLocale: bilingual ? config.clinicLocale : null,
    clinicName: config.clinicName,
    clinicPhone: config.clinicPhone,
    emergencyNumber: config.emergencyNumber,
  }
}

/** The handout page's URL: the same for every visitor, so it tells nothing about one. */
export function handoutPageUrl(entryUrl: string): string {
  return new URL(HANDOUT_PAGE, entryUrl).href
}

/**
 * The script main runs in the handout window to learn that the page has warmed
 * up: the handout page sets `window.handoutReady`, a promise that resolves true
 * once its fonts are loaded and it can render handouts.
 */
export const HANDOUT_READY_SCRIPT = 'window.handoutReady'

/** The script main runs in the handout window to clear the last handout. */
export const HANDOUT_RESET_SCRIPT = `window.${HANDOUT_PAGE_GLOBAL}.reset()`

/**
 * The script main runs in the handout window to render a spec. The spec goes in
 * as a JSON literal (JSON is valid JavaScript), so no text of it can run as code.
 */
export function renderHandoutScript(spec: HandoutSpec): string {
  return `window.${HANDOUT_PAGE_GLOBAL}.render(${JSON.stringify(spec)})`
}

/** Puts the page's API where main's scripts find it. */
export function exposeHandoutPage(target: object, api: HandoutPageApi): void {
  Object.defineProperty(target, HANDOUT_PAGE_GLOBAL, { value: Object.freeze(api) })
}
