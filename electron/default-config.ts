import type { KioskConfig } from './contract'

/**
 * The configuration a kiosk runs with until staff change it: English default,
 * every shipped language offered, 90 s to the idle warning, 20 s of warning.
 * Plain data (no schema library) so the renderer's web adapter can share it;
 * a unit test holds it to the contract's schema.
 */
export const DEFAULT_CONFIG: Readonly<KioskConfig> = Object.freeze<KioskConfig>({
  defaultLocale: 'en',
  enabledLocales: ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur'],
  idleTimeoutSeconds: 90,
  idleWarningSeconds: 20,
})
