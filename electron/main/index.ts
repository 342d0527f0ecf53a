/**
 * Composition root of the kiosk's main process: wires Electron to the modules
 * that hold the logic (each unit-tested with a mocked electron).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { app, type BrowserWindow, ipcMain, Menu, powerSaveBlocker, protocol, session } from 'electron'
import { APP_HOST, APP_SCHEME, HandoutRequestSchema } from '../contract'
import { DEFAULT_CONFIG } from '../default-config'
import { handoutPageUrl } from '../handout-spec'
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol'
import { createFileLogger } from './file-log'
import { createHandoutPrinter, type HandoutPrinter } from './handout-printer'
import { startHeartbeatWatchdog, type HeartbeatWatchdog } from './heartbeat-watchdog'
import { registerIpcHandlers } from './ipc'
import { createHandoutWindow, createKioskWindow } from './kiosk-window'
import { parseLaunchOptions } from './launch-options'
import { denyAllPermissions, lockDownWebContents } from './lockdown'
import { originOf, rendererEntryUrl } from './origin'
import { watchRendererHealth } from './renderer-recovery'
import { openUsageCounters } from './usage-counters'

const OUT_OF_ORDER_URL = `${APP_SCHEME}://${APP_HOST}/out-of-order.html`
/** The handout window's session: in memory only (no "persist:" prefix), so a visitor's handout never reaches the disk. */
const HANDOUT_PARTITION = 'kiosk-handout'
/** Silence allowed beyond the idle timeout and warning before the backstop reloads. */
const HEARTBEAT_MARGIN_SECONDS = 30
/** Everything a visitor's page could have stored; wiped at every visitor reset. */
const VISITOR_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const

protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES])

const log = createFileLogger()
const launch = parseLaunchOptions(process.argv, process.env)
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
  app.whenReady().then(start, (error: unknown) => log.error('Electron failed to start', error))
}

let heartbeats: HeartbeatWatchdog | null = null

function start(): void {
  log.info(`Kiosk ${app.getVersion()} starting (windowed: ${launch.windowed})`)
  Menu.setApplicationMenu(null)
  const serveRenderer = createAppProtocolHandler(join(import.meta.dirname, '../renderer'))
  const handoutSession = session.fromPartition(HANDOUT_PARTITION)
  for (const each of [session.defaultSession, handoutSession]) denyAllPermissions(each, log)
  protocol.handle(APP_SCHEME, serveRenderer)
  handoutSession.protocol.handle(APP_SCHEME, serveRenderer)
  const counters = openUsageCounters(join(app.getPath('userData'), 'usage.json'), { log })
  const printer = createHandoutPrinter({
    openWindow: () => createHandoutWindow(HANDOUT_PARTITION),
    listPrinters: async () => (kioskWindow ? kioskWindow.webContents.getPrintersAsync() : []),
    pageUrl: (spec) => handoutPageUrl(entryUrl, spec),
    config: () => DEFAULT_CONFIG,
    count: (counter) => void counters.then((opened) => opened.increment(counter)),
    log,
  })
  if (launch.handoutPdf) {
    void saveHandoutPdf(printer, launch.handoutPdf).finally(() => app.quit())
    return
  }
  registerIpcHandlers(
    ipcMain,
    {
      getConfig: () => DEFAULT_CONFIG,
      getAppInfo: () => ({ name: app.getName(), version: app.getVersion(), runtime: 'electron' }),
      reportProblem: (problem) => {
        log.warn(`Renderer reports a ${problem.kind}: "${problem.key}" in ${problem.locale}`)
        return null
      },
      heartbeat: () => {
        heartbeats?.beat()
        return null
      },
      clearVisitorData: async () => {
        printer.resetVisitor()
        await session.defaultSession.clearStorageData({ storages: [...VISITOR_STORAGES] })
        return null
      },
      printHandout: (request) => printer.print(request),
    },
    { appOrigin, log },
  )
  powerSaveBlocker.start('prevent-display-sleep')

  const window = createKioskWindow({
    preload: join(import.meta.dirname, '../preload/index.cjs'),
    windowed: launch.windowed,
    devTools: launch.development,
  })
  kioskWindow = window
  window.on('closed', () => (kioskWindow = null))
  const loadApp = () => void window.loadURL(entryUrl).catch((error: unknown) => log.error('Load failed', error))
  watchRendererHealth(window.webContents, {
    maxReloads: 3,
    stableAfterMs: 10 * 60_000,
    retryOutOfOrderAfterMs: 5 * 60_000,
    loadApp,
    showOutOfOrder: () => void window.loadURL(OUT_OF_ORDER_URL).catch((error: unknown) => log.error(error)),
    log,
  })
  const { idleTimeoutSeconds, idleWarningSeconds } = DEFAULT_CONFIG
  heartbeats = startHeartbeatWatchdog({
    limitMs: (idleTimeoutSeconds + idleWarningSeconds + HEARTBEAT_MARGIN_SECONDS) * 1000,
    checkEveryMs: 5_000,
    reloadApp: loadApp,
    log,
  })
  loadApp()
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
