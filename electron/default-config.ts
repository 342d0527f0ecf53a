import type { KioskConfig } from './contract'

/**
 * The configuration a kiosk runs with until staff change it: English default,
 * every shipped language offered, 90 s to the idle warning, 20 s of warning,
 * two handouts per visitor on US Letter to the system's default printer, no
 * clinic details or emergency number until staff enter them, and every
 * language offered whatever its review.
 * Plain data (no schema library) so the renderer's web adapter can share it;
 * a unit test holds it to the contract's schema.
 */
export const DEFAULT_CONFIG: Readonly<KioskConfig> = Object.freeze<KioskConfig>({
  defaultLocale: 'en',
  enabledLocales: ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur'],
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
  printerName: null,
  paperSize: 'Letter',
  printsPerVisitor: 2,
  bilingualHandout: false,
  clinicLocale: 'en',
  clinicName: '',
  clinicPhone: '',
  emergencyNumber: '',
  reviewedLanguagesOnly: false,
})
