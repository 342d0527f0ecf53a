/// <reference types="vite/client" />
import type { KioskApi } from '../electron/contract'

declare global {
  interface Window {
    /** The Electron preload's bridge; absent in web mode. */
    kiosk?: KioskApi
    /** Set by the handout page: resolves true once the page has warmed up and can render handouts. */
    handoutReady?: Promise<boolean>
  }
  /** The kiosk's version, from package.json at build time. */
  const __APP_VERSION__: string
  /** Whether this build carries the pseudo-locale en-XA (development and test builds). */
  const __PSEUDO_LOCALE__: boolean
}
