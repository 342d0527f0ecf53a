/**
 * IPC channel of each bridge method. Plain strings with no imports, so the
 * sandboxed preload can use them without bundling the schema library.
 * The contract (contract.ts) gives each its payload and result schema.
 */
export const CHANNELS = {
  getConfig: 'kiosk:get-config',
  getAppInfo: 'kiosk:get-app-info',
  reportProblem: 'kiosk:report-problem',
  heartbeat: 'kiosk:heartbeat',
  clearVisitorData: 'kiosk:clear-visitor-data',
  printHandout: 'kiosk:print-handout',
  recordVisit: 'kiosk:record-visit',
  getStaffStatus: 'kiosk:get-staff-status',
  setStaffPin: 'kiosk:set-staff-pin',
  staffLogin: 'kiosk:staff-login',
  staffLogout: 'kiosk:staff-logout',
  staffKeepAlive: 'kiosk:staff-keep-alive',
  getStaffSettings: 'kiosk:get-staff-settings',
  saveSettings: 'kiosk:save-settings',
  getUsage: 'kiosk:get-usage',
  exportUsage: 'kiosk:export-usage',
  quitKiosk: 'kiosk:quit-kiosk',
} as const

/** Names of the bridge's methods; one per IPC channel. */
export type ChannelName = keyof typeof CHANNELS
