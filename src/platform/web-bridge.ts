import type { BridgeResult, KioskApi, KioskConfig } from '../../electron/contract'
import { createPrintAllowance } from '../../electron/print-allowance'

/** What the web adapter needs from the browser; tests pass their own. */
export interface WebBridgeHost {
  loadConfig(): Promise<KioskConfig>
  /** Opens the browser's print dialog for the page, whose print stylesheet shows only the handout. */
  print(): Promise<void>
}

/** Staff settings, the PIN and usage figures live in the kiosk app's main process; a browser has none. */
const staffUnsupported = async (): Promise<BridgeResult<never>> => ({
  ok: false,
  error: {
    code: 'unsupported',
    message: 'Staff settings need the kiosk app. In a browser, edit kiosk-config.json instead.',
  },
})

const browserHost: WebBridgeHost = {
  // Its validator (zod) is a chunk of its own, loaded in web mode only: the kiosk app never needs it.
  loadConfig: async () => (await import('./web-config')).loadWebConfig(),
  print: async () => {
    await document.fonts.ready
    window.print()
  },
}

/**
 * The web adapter for a plain browser (development, tests, clinics running a
 * locked-down Chromium): the configuration comes from kiosk-config.json or the
 * defaults, printing goes through window.print() under the same per-visitor
 * limit as in Electron (ending "unconfirmed", as the browser does not say
 * whether its dialog printed, or as an error when it throws), and reported
 * problems go to the browser console.
 * Staff mode and usage figures need the app's main process: a browser keeps none.
 */
export function createWebBridge(host: WebBridgeHost = browserHost): KioskApi {
  const config = host.loadConfig()
  const allowance = createPrintAllowance()
  return {
    getConfig: async () => ({ ok: true, value: structuredClone(await config) }),
    getAppInfo: async () => ({
      ok: true,
      value: { name: 'leg-cramp-kiosk', version: __APP_VERSION__, runtime: 'web' },
    }),
    reportProblem: async (problem) => {
      console.warn(`Kiosk problem: ${problem.kind} "${problem.key}" in ${problem.locale}`)
      return { ok: true, value: null }
    },
    // No main process to watch over a plain browser (nor to restart it), nor provisioning to follow.
    heartbeat: async (_beat) => ({ ok: true, value: { configRevision: 0 } }),
    clearVisitorData: async () => {
      allowance.reset()
      localStorage.clear()
      sessionStorage.clear()
      return { ok: true, value: null }
    },
    printHandout: async () => {
      const { printsPerVisitor } = await config
      const refusal = allowance.refusal(printsPerVisitor)
      if (refusal) return { ok: true, value: refusal }
      try {
        await host.print()
      } catch (error) {
        allowance.record(false)
        const detail = error instanceof Error ? error.message : String(error)
        return { ok: true, value: { state: 'error', reason: 'print-failed', detail: detail.slice(0, 500) } }
      }
      // The browser's dialog may have printed or been cancelled; it does not say which, so neither do we.
      allowance.record(true)
      return { ok: true, value: { state: 'unconfirmed', printsLeft: allowance.left(printsPerVisitor) } }
    },
    recordVisit: async () => ({ ok: true, value: null }),
    getStaffStatus: staffUnsupported,
    setStaffPin: staffUnsupported,
    staffLogin: staffUnsupported,
    staffLogout: staffUnsupported,
    staffKeepAlive: staffUnsupported,
    getStaffSettings: staffUnsupported,
    saveSettings: staffUnsupported,
    getUsage: staffUnsupported,
    exportUsage: staffUnsupported,
    quitKiosk: staffUnsupported,
  }
}
