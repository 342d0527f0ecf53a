import type { IpcMain } from 'electron'
import { vi, type Mock } from 'vitest'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { registerIpcHandlers, type IpcHandlers } from '../../../electron/main/ipc'
import { ipcMain, resetElectronMock } from '../../mocks/electron'
import { fakeLog } from './fake-log'

/** The origin the fake gate trusts. */
export const APP_ORIGIN = 'app://kiosk'

/** Fake handlers for every channel, each answering with a result the contract accepts. */
export function fakeIpcHandlers(): { [K in keyof IpcHandlers]: Mock<IpcHandlers[K]> } {
  return {
    getConfig: vi.fn(() => DEFAULT_CONFIG),
    getAppInfo: vi.fn(() => ({ name: 'kiosk', version: '1.0.0', runtime: 'electron' as const })),
    reportProblem: vi.fn(() => null),
    heartbeat: vi.fn(() => ({ configRevision: 0 })),
    clearVisitorData: vi.fn(() => null),
    printHandout: vi.fn(() => ({ state: 'done' as const, printsLeft: 1 })),
    recordVisit: vi.fn(() => null),
    getStaffStatus: vi.fn(() => ({ pin: 'set' as const, pinChange: 'allowed' as const, lockedForSeconds: null })),
    setStaffPin: vi.fn(() => ({ state: 'saved' as const })),
    staffLogin: vi.fn(() => ({ state: 'open' as const })),
    staffLogout: vi.fn(() => null),
    staffKeepAlive: vi.fn(() => null),
    getStaffSettings: vi.fn(() => ({ config: DEFAULT_CONFIG, lockedFields: [], printers: [] })),
    saveSettings: vi.fn(() => ({ state: 'saved' as const })),
    getUsage: vi.fn(() => ({})),
    exportUsage: vi.fn(() => ({ state: 'cancelled' as const })),
    quitKiosk: vi.fn(() => null),
  }
}

/**
 * The real IPC gate registered on the electron mock's ipcMain over fake
 * handlers, trusting APP_ORIGIN; staff mode is open while `staffOpen` is true.
 */
export function registerGateOverFakes() {
  resetElectronMock()
  const gate = { log: fakeLog(), handlers: fakeIpcHandlers(), staffOpen: false }
  registerIpcHandlers(ipcMain as unknown as IpcMain, gate.handlers, {
    appOrigin: APP_ORIGIN,
    log: gate.log,
    staffOpen: () => gate.staffOpen,
  })
  return gate
}
