import type { KioskApi } from '../../electron/contract'
import { createElectronBridge } from './electron-bridge'
import { createWebBridge } from './web-bridge'

/** Everything the renderer may ask of the shell. The rest of the renderer sees only this. */
export type KioskBridge = KioskApi

/** The bridge for this runtime: Electron's preload when present, the web adapter otherwise. */
export function createBridge(host: Pick<Window, 'kiosk'> = window): KioskBridge {
  return host.kiosk ? createElectronBridge(host.kiosk) : createWebBridge()
}
