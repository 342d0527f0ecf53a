/** The pseudo-locale's tag. */
export const PSEUDO_TAG: string
/** Writes locales/pseudo/en-XA.json under root and returns its path. */
export function writePseudoLocale(root: string): string
