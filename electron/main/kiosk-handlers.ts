import type { AppInfo, UsageDays } from '../contract'
import { usageCsv } from '../usage-csv'
import type { ConfigStore } from './config-store'
import type { HandoutPrinter } from './handout-printer'
import type { IpcHandlers } from './ipc'
import type { Logger } from './logger'
import type { StaffAccess } from './staff-access'
import type { UsageCounters } from './usage-counters'

/** Distinct renderer problems logged per run at most. */
const MAX_PROBLEM_REPORTS = 100

/** Everything the kiosk's IPC handlers work with; Electron's few calls come in as functions. */
export interface KioskHandlerDeps {
  store: ConfigStore
  staff: StaffAccess
  counters: Pick<UsageCounters, 'increment' | 'days'>
  printer: Pick<HandoutPrinter, 'print' | 'resetVisitor'>
  appInfo: AppInfo
  /** Names of the system's printers. */
  listPrinters(): Promise<string[]>
  /** Wipes what the visitor's page could have stored. */
  clearVisitorStorage(): Promise<void>
  /** A heartbeat from the renderer, saying whether it rests on the welcome screen. */
  heartbeat(resting: boolean): void
  /** Asks staff where to save the usage CSV and writes it there. */
  saveUsageCsv(csv: string): Promise<{ state: 'saved'; path: string } | { state: 'cancelled' }>
  quit(): void
  log: Logger
}

/**
 * The main process's answer to every contract channel, free of Electron
 * imports, so end-to-end tests can wire a browser page to these very handlers.
 * Staff-only channels reach here only in staff mode (the IPC gate checks), and
 * each keeps the staff session open.
 */
export function createKioskHandlers(deps: KioskHandlerDeps): IpcHandlers {
  const { store, staff, counters, log } = deps
  const reported = new Set<string>()
  const staffCall =
    <T>(work: () => T) =>
    () => {
      staff.touch()
      return work()
    }

  return {
    getConfig: () => store.config(),
    getAppInfo: () => deps.appInfo,
    reportProblem: (problem) => {
      const report = `${problem.kind}: "${problem.key}" in ${problem.locale}`
      // Each problem is logged once per run, and only so many, so a faulty renderer cannot fill the log.
      if (reported.has(report) || reported.size >= MAX_PROBLEM_REPORTS) return null
      reported.add(report)
      log.warn(`Renderer reports a ${report}`)
      return null
    },
    heartbeat: ({ resting }) => {
      deps.heartbeat(resting)
      return { configRevision: store.revision() }
    },
    clearVisitorData: async () => {
      deps.printer.resetVisitor()
      await deps.clearVisitorStorage()
      return null
    },
    printHandout: (request) => deps.printer.print(request),
    recordVisit: (visit) => {
      if (visit.event === 'started') counters.increment('sessionsStarted')
      else {
        counters.increment(`sessions.${visit.locale}`)
        counters.increment(`furthest.${visit.furthest}`)
        if (visit.idle) counters.increment('idleResets')
      }
      return null
    },
    getStaffStatus: () => staff.status(),
    setStaffPin: ({ pin }) => staff.setPin(pin),
    staffLogin: ({ pin }) => staff.login(pin),
    staffLogout: () => {
      staff.logout()
      log.info('Staff mode closed')
      return null
    },
    staffKeepAlive: staffCall(() => null),
    getStaffSettings: staffCall(async () => ({
      config: store.config(),
      lockedFields: store.lockedFields(),
      printers: await deps.listPrinters(),
    })),
    saveSettings: (config) => {
      staff.touch()
      return store.save(config)
    },
    getUsage: staffCall((): UsageDays => counters.days()),
    exportUsage: staffCall(() => deps.saveUsageCsv(usageCsv(counters.days()))),
    quitKiosk: staffCall(() => {
      log.info('Staff quit the kiosk for maintenance')
      deps.quit()
      return null
    }),
  }
}
