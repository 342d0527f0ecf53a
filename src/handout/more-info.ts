import type { LocaleTag } from '../../electron/contract'

/**
 * The MedlinePlus "Muscle Cramps" page the handout's QR code opens: the Spanish
 * page for Spanish readers, the English page for everyone else (MedlinePlus
 * has no page in the kiosk's other languages).
 */
export function moreInfoUrl(locale: LocaleTag): string {
  return locale === 'es'
    ? 'https://medlineplus.gov/spanish/musclecramps.html'
    : 'https://medlineplus.gov/musclecramps.html'
}
