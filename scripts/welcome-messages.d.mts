/** The message keys every language needs before a visitor picks it. */
export const WELCOME_KEYS: readonly string[]
/** Writes locales/welcome/<tag>.json under root and returns that folder. */
export function writeWelcomeMessages(root: string): string
