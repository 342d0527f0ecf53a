/** What the kiosk writes through Intl in a language: numbers, dates, weekdays, times of day and lists. */
export function intlText(tag: string): string

/**
 * The text the kiosk draws, read from the project at `root` (with
 * `withPseudoLocale`, the pseudo-locale's too), and the message files it was read from.
 */
export function kioskText(root: string, options: { withPseudoLocale: boolean }): { text: string; files: string[] }

/** What the welcome screen draws, by the font families (the stack, in order) each part is set in. */
export function welcomeText(root: string): { families: string[]; text: string }[]
