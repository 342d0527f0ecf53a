/**
 * The contract's plain values: languages, paper sizes, weekdays, limits and
 * times, the app's origin. No schemas and no zod, so the renderer can import
 * them without bundling the validator (electron/contract.ts re-exports them
 * beside the schemas that use them).
 */
/** Language tags the kiosk ships messages for (BCP 47). */
export const LOCALE_TAGS = ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur'] as const
/** A language tag the kiosk ships messages for. */
export type LocaleTag = (typeof LOCALE_TAGS)[number]

/** Paper sizes the handout is laid out for. */
export const PAPER_SIZES = ['A4', 'Letter'] as const
/** A paper size the handout is laid out for. */
export type PaperSize = (typeof PAPER_SIZES)[number]

/** The days of the week in the order JavaScript's Date.getDay() counts them (Sunday is 0). */
export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const
/** A day of the week. */
export type Weekday = (typeof WEEKDAYS)[number]

/** How many volume steps the visitor's volume control has; step n plays at n / SPEECH_VOLUME_STEPS. */
export const SPEECH_VOLUME_STEPS = 4

/** Why a print can fail. */
export const PRINT_FAILURES = ['disabled', 'no-printer', 'printer-not-found', 'not-rendered', 'print-failed'] as const

/**
 * Where the staff PIN stands: set; never set on this machine (first run, or
 * after the PIN file was deleted for recovery), so staff choose one; or
 * unusable (its file is broken), so staff entry stays closed until it is reset
 * on the machine itself.
 */
export const PIN_STATES = ['set', 'none', 'reset-needed'] as const
/** Where the staff PIN stands. */
export type PinState = (typeof PIN_STATES)[number]

/** The staff screens leave by themselves after this long without a touch. */
export const STAFF_SCREEN_IDLE_MS = 2 * 60_000
/** While staff touch their screens, the renderer tells main at most this often (staffKeepAlive). */
export const STAFF_KEEP_ALIVE_MS = 30_000
/**
 * Main closes the staff session after this long without a staff call: longer
 * than the screen's own idle time plus a keep-alive's spacing, so main never
 * refuses a save while staff are still at the screen.
 */
export const STAFF_SESSION_MS = 5 * 60_000

/** The origin the packaged renderer is served from (custom protocol, not file://). */
export const APP_SCHEME = 'app'
/** Host part of the renderer's app:// URLs. */
export const APP_HOST = 'kiosk'
/** Where the packaged renderer starts. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`
