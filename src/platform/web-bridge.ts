import type { KioskApi, KioskConfig } from '../../electron/contract'
import { DEFAULT_CONFIG } from '../../electron/default-config'

/**
 * The web adapter for a plain browser (development, tests, clinics running a
 * locked-down Chromium): the configuration lives in memory with the defaults,
 * and reported problems go to the browser console.
 */
export function createWebBridge(config: KioskConfig = structuredClone(DEFAULT_CONFIG) as KioskConfig): KioskApi {
  return {
    getConfig: async () => ({ ok: true, value: structuredClone(config) }),
    getAppInfo: async () => ({
      ok: true,
      value: { name: 'leg-cramp-kiosk', version: __APP_VERSION__, runtime: 'web' },
    }),
    reportProblem: async (problem) => {
      console.warn(`Kiosk problem: ${problem.kind} "${problem.key}" in ${problem.locale}`)
      return { ok: true, value: null }
    },
    // No main process to watch over a plain browser: the heartbeat has no listener.
    heartbeat: async () => ({ ok: true, value: null }),
    clearVisitorData: async () => {
      localStorage.clear()
      sessionStorage.clear()
      return { ok: true, value: null }
    },
  }
}
