import type { KioskApi, KioskConfig } from '../../electron/contract'
import { DEFAULT_CONFIG } from '../../electron/default-config'

/**
 * The web adapter for a plain browser (development, tests, clinics running a
 * locked-down Chromium): the configuration lives in memory with the defaults.
 */
export function createWebBridge(config: KioskConfig = structuredClone(DEFAULT_CONFIG) as KioskConfig): KioskApi {
  return {
    getConfig: async () => ({ ok: true, value: structuredClone(config) }),
    getAppInfo: async () => ({
      ok: true,
      value: { name: 'leg-cramp-kiosk', version: __APP_VERSION__, runtime: 'web' },
    }),
  }
}
