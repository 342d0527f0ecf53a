/**
 * Composition root of the kiosk's main process: wires Electron to the modules
 * that hold the logic (each unit-tested with a mocked electron).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, type BrowserWindow, dialog, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron'
import { APP_HOST, APP_SCHEME, HandoutRequestSchema } from '../contract'
import { handoutPageUrl } from '../handout-spec'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { createFileLogger } from './file-log'
import { startFleetMonitoring } from './fleet-monitoring'
import { createHandoutPrinter, type HandoutPrinter } from './handout-printer'
import { createWarmHandoutWindow } from './handout-window'
import { registerIpcHandlers } from './ipc'
import { openKioskFiles } from './kiosk-files'
import type { FigureSnapshot } from './kiosk-figures'
import { createKioskHandlers } from './kiosk-handlers'
import { checkPrinterRegularly, createKioskHealth } from './kiosk-health'
import { createHandoutWindow, createKioskWindow } from './kiosk-window'
import { parseLaunchOptions } from './launch-options'
import { denyAllPermissions, lockDownWebContents } from './lockdown'
import { originOf, rendererEntryUrl } from './origin'
import { kioskIdOf } from './provisioning-file'
import { watchProvisioning } from './provisioning-watch'
import { createRestingState } from './resting-state'
import { createKioskSchedule } from './schedule'
import { guardKioskScreen, type KioskScreenGuard } from './screen-guard'
import { enableSystemSpeech } from './system-speech'
import { startUpdates } from './updater'
import { localDay } from './usage-counters'
import { HANDOUT_PARTITION, VISITOR_PARTITION, wipeVisitorTraces } from './visitor-session'

const OUT_OF_ORDER_URL = `${APP_SCHEME}://${APP_HOST}/out-of-order.html`
/** Silence allowed beyond the idle timeout and warning before the backstop reloads. */
const HEARTBEAT_MARGIN_SECONDS = 30

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])
enableSystemSpeech(app)

const log = createFileLogger()
const launch = parseLaunchOptions(process.argv, process.env, {
  packaged: app.isPackaged,
  log,
  platform: process.platform,
})
const entryUrl = rendererEntryUrl(launch.devServerUrl)
const appOrigin = originOf(entryUrl) ?? `${APP_SCHEME}://${APP_HOST}`

let kioskWindow: BrowserWindow | null = null

if (!app.requestSingleInstanceLock()) {
  log.info('Another kiosk instance is running; quitting this one')
  app.quit()
} else {
  app.on('second-instance', () => kioskWindow?.focus())
  app.on('window-all-closed', () => app.quit())
  app.on('web-contents-created', (_event, contents) =>
    lockDownWebContents(contents, { appOrigin, allowDeveloperShortcuts: launch.development, log }),
  )
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => log.error('The kiosk failed to start', error))
}

async function start(): Promise<void> {
  log.info(`Kiosk ${app.getVersion()} starting (windowed: ${launch.windowed})`)
  Menu.setApplicationMenu(null)
  const serveRenderer = createAppProtocolHandler(join(import.meta.dirname, '../renderer'))
  // Both windows live in in-memory sessions; the default session serves nothing and is denied everything.
  const visitorSession = session.fromPartition(VISITOR_PARTITION)
  const handoutSession = session.fromPartition(HANDOUT_PARTITION)
  for (const each of [session.defaultSession, visitorSession, handoutSession]) denyAllPermissions(each, log)
  for (const each of [visitorSession, handoutSession]) each.protocol.handle(APP_SCHEME, serveRenderer)

  const files = await openKioskFiles(app.getPath('userData'), { provisioningFile: launch.provisioningFile, log })
  const { store, staff, counters } = files
  let fleet = files.provisioning?.fleet ?? {}
  const kioskId = () => kioskIdOf(fleet)
  log.identify(kioskId())
  const listPrinters = async () => (kioskWindow ? kioskWindow.webContents.getPrintersAsync() : [])
  const handoutWindow = createWarmHandoutWindow({
    openWindow: () => createHandoutWindow(HANDOUT_PARTITION),
    pageUrl: handoutPageUrl(entryUrl),
    log,
  })
  const printer = createHandoutPrinter({
    handoutWindow,
    listPrinters,
    config: () => store.config(),
    count: (counter) => counters.increment(counter),
    log,
  })
  if (launch.handoutPdf) {
    await saveHandoutPdf(printer, launch.handoutPdf)
    app.quit()
    return
  }

  let kioskScreen: KioskScreenGuard | null = null
  const kioskRest = createRestingState()
  // Health and usage figures for the fleet's Prometheus or OpenTelemetry, when provisioned.
  const health = createKioskHealth()
  const figures = (): FigureSnapshot => ({
    kioskId: kioskId(),
    version: app.getVersion(),
    usage: counters.completedDayTotals(),
    ...health.readings(),
  })
  const monitoring = startFleetMonitoring({ monitoring: () => fleet.monitoring, snapshot: figures, log })
  const stopPrinterChecks = checkPrinterRegularly({
    listPrinters: async () => (await listPrinters()).map((printer) => printer.name),
    configured: () => store.config().printerName,
    health,
  })
  // A pushed provisioning change applies at the next rest on the welcome screen, without a restart.
  const provisioning = launch.provisioningFile
    ? await watchProvisioning({
        file: launch.provisioningFile,
        isResting: () => kioskRest.isResting(),
        apply: (next) => {
          files.reprovision(next)
          fleet = next.fleet
          log.identify(kioskId())
          monitoring.reconfigure()
        },
        log,
      })
    : null
  const handlers = createKioskHandlers({
    store,
    staff,
    counters,
    printer,
    appInfo: { name: app.getName(), version: app.getVersion(), runtime: 'electron' },
    listPrinters: async () => (await listPrinters()).map((printer) => printer.name),
    clearVisitorStorage: () => wipeVisitorTraces(visitorSession),
    heartbeat: (resting) => {
      kioskScreen?.beat()
      health.beat()
      kioskRest.report(resting)
      if (resting) provisioning?.applyIfResting()
    },
    saveUsageCsv: async (csv) => {
      // Attached to the kiosk window, so the dialog shows above the fullscreen kiosk.
      const options = { defaultPath: `kiosk-usage-${kioskId()}-${localDay(Date.now())}.csv` }
      const choice = await (kioskWindow ? dialog.showSaveDialog(kioskWindow, options) : dialog.showSaveDialog(options))
      if (choice.canceled || !choice.filePath) return { state: 'cancelled' }
      await writeFile(choice.filePath, csv)
      return { state: 'saved', path: choice.filePath }
    },
    quit: () => app.quit(),
    log,
  })
  registerIpcHandlers(ipcMain, handlers, { appOrigin, log, staffOpen: () => staff.isOpen() })
  // The display stays awake while the clinic is open; the kiosk relaunches daily while it rests.
  const schedule = createKioskSchedule({
    config: () => store.config(),
    isResting: () => kioskRest.isResting(),
    relaunch: () => {
      // Under a supervisor, exiting is the restart; relaunching too would race it for the single-instance lock.
      if (!launch.supervised) app.relaunch()
      app.exit(0)
    },
    displayBlocker: powerSaveBlocker,
    log,
  })
  schedule.start()
  // Off unless an updateUrl is provisioned; installs only while the kiosk rests outside opening hours, or at the
  // nightly restart (where an installer that starts takes the place of the relaunch).
  const updates = startUpdates({
    feedUrl: store.config().updateUrl,
    isResting: () => kioskRest.isResting(),
    isClosed: () => !schedule.isOpen(),
    log,
    quit: () => app.quit(),
  })
  schedule.onRestart(() => updates.installIfReady())
  app.on('will-quit', () => {
    updates.stop()
    provisioning?.stop()
    stopPrinterChecks()
    void monitoring.stop()
  })

  const window = createKioskWindow({
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    partition: VISITOR_PARTITION,
    windowed: launch.windowed,
    devTools: launch.development,
  })
  kioskWindow = window
  // The hidden handout window never closes by itself: the kiosk window closing is the kiosk quitting.
  window.on('closed', () => {
    kioskWindow = null
    app.quit()
  })
  // The handout window warms up once the kiosk shows, so it does not slow the first screen.
  window.once('ready-to-show', () => handoutWindow.warm())
  kioskScreen = guardKioskScreen(window.webContents, {
    appUrl: entryUrl,
    outOfOrderUrl: OUT_OF_ORDER_URL,
    maxReloads: 3,
    stableAfterMs: 10 * 60_000,
    retryOutOfOrderAfterMs: 5 * 60_000,
    heartbeatLimitMs: () => {
      const { idleTimeoutSeconds, idleWarningSeconds } = store.config()
      return (idleTimeoutSeconds + idleWarningSeconds + HEARTBEAT_MARGIN_SECONDS) * 1000
    },
    heartbeatCheckEveryMs: 5_000,
    onRecovery: health.recovered,
    log,
  })
  kioskScreen.start()
}

/** `--handout-pdf`: saves the handout with no self-check choices as PDF, for staff to check without printing. */
async function saveHandoutPdf(
  printer: HandoutPrinter,
  { path, locale }: { path: string; locale: string },
): Promise<void> {
  const request = HandoutRequestSchema.safeParse({ locale, chosen: [] })
  if (!request.success) {
    log.error(`--handout-locale=${locale} is not a language the kiosk ships`)
    process.exitCode = 2
    return
  }
  try {
    await writeFile(path, await printer.savePdf(request.data))
    log.info(`Saved the ${locale} handout as ${path}`)
  } catch (error) {
    log.error(`Could not save the handout as ${path}`, error)
    process.exitCode = 1
  }
}
