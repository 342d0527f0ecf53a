import type { DayHours, KioskConfig } from './contract'

/** Open from midnight to midnight. */
const ALL_DAY: DayHours = Object.freeze({ opens: '00:00', closes: '24:00' })

/**
 * The configuration a kiosk runs with until staff change it: English default,
 * every shipped language offered, 90 s to the idle warning, 20 s of warning,
 * two handouts per visitor on US Letter to the system's default printer, no
 * clinic details or emergency number until staff enter them, every
 * language offered whatever its review, a daily restart at 03:30, open all
 * day every day (so a kiosk never closes until staff set hours), no
 * updates until provisioning names a folder, and reading aloud offered at
 * volume step 3 of 4 and the voice's normal speed.
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
  dailyRestartTime: '03:30',
  openingHours: { sun: ALL_DAY, mon: ALL_DAY, tue: ALL_DAY, wed: ALL_DAY, thu: ALL_DAY, fri: ALL_DAY, sat: ALL_DAY },
  updateUrl: '',
  speechEnabled: true,
  speechVolume: 3,
  speechRate: 1,
})
