import type { BrowserWindowConstructorOptions } from 'electron'
import { secureWebPreferences } from './lockdown'

/** What shapes the kiosk window. */
export interface KioskWindowSettings {
  preload: string
  /** A normal, framed window for development and maintenance. */
  windowed: boolean
  /** Allow DevTools (development only). */
  devTools: boolean
}

/**
 * Options of the one kiosk window: fullscreen kiosk mode without frame or menu,
 * black while loading, shown only when ready so no white flash appears.
 */
export function kioskWindowOptions(settings: KioskWindowSettings): BrowserWindowConstructorOptions {
  return {
    width: 1920,
    height: 1080,
    kiosk: !settings.windowed,
    fullscreen: !settings.windowed,
    frame: settings.windowed,
    autoHideMenuBar: true,
    backgroundColor: '#000000',
    show: false,
    webPreferences: secureWebPreferences(settings.preload, settings.devTools),
  }
}
