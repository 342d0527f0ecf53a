/**
 * The thin adapter over electron-updater: points the platform updater it
 * selects (NSIS on Windows, AppImage on Linux) at the clinic's generic HTTPS
 * folder, turns off everything it would do by itself, and hands the decisions
 * to update-policy.ts.
 */
// electron-updater is CommonJS and defines `autoUpdater` as a lazy getter, which
// Node's ESM loader cannot see as a named export: take it from the default export.
import electronUpdater, { type AppUpdater, type BaseUpdater, type ProgressInfo } from 'electron-updater'
import type { Logger } from './logger'
import {
  runUpdatePolicy,
  updatesOff,
  type UpdateCheck,
  type UpdatePolicyOptions,
  type UpdateSource,
  type UpdatesHandle,
} from './update-policy'

/** What startUpdates is given. */
export interface StartUpdatesOptions extends Omit<UpdatePolicyOptions, 'source'> {
  /** The provisioned `updateUrl`: "" keeps updates off. */
  feedUrl: string
  /** Quits the kiosk (app.quit) once an installer has started. */
  quit: () => void
  /** The updater to drive; electron-updater's `autoUpdater` (the platform's own) by default. */
  updater?: AppUpdater
}

/** Hosts on which a plain-http feed is accepted: this machine only, where no network is crossed. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** Download progress is logged at every this many percent. */
const PROGRESS_LOG_STEP = 10

/** Why a feed URL cannot be used, or null when it can: https, or http to this machine's loopback. */
export function feedUrlProblem(feedUrl: string): string | null {
  let url: URL
  try {
    url = new URL(feedUrl)
  } catch {
    return 'it is not a URL'
  }
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null
  return 'it must be an https:// address'
}

/** Why this installation cannot update itself, or null when it can. */
function selfUpdateProblem(updater: BaseUpdater): string | null {
  const { DebUpdater, RpmUpdater, PacmanUpdater } = electronUpdater
  if ([DebUpdater, RpmUpdater, PacmanUpdater].some((systemPackage) => updater instanceof systemPackage)) {
    return (
      'the kiosk was installed from a system package (.deb), which only root can replace ' +
      '(electron-updater would run dpkg through pkexec or sudo, which the kiosk user may not use); ' +
      "update it with the system's package manager, or install the AppImage"
    )
  }
  if (!updater.isUpdaterActive())
    return 'this build cannot update itself (not an installed AppImage or Windows installer)'
  return null
}

/** Logs the library's own lines (they carry the details, such as a checksum's expected value) with a prefix. */
function prefixedLogger(log: Logger): Logger {
  return {
    info: (...params) => log.info('electron-updater:', ...params),
    warn: (...params) => log.warn('electron-updater:', ...params),
    error: (...params) => log.error('electron-updater:', ...params),
  }
}

/** The policy's view of an electron-updater updater. */
function updateSourceOf(updater: BaseUpdater, quit: () => void): UpdateSource {
  return {
    async check(): Promise<UpdateCheck> {
      const result = await updater.checkForUpdates()
      if (result === null) throw new Error('the updater is inactive')
      const { version, files } = result.updateInfo
      const needsAdmin = result.isUpdateAvailable && files.some((file) => file.isAdminRightsRequired === true)
      return {
        version,
        available: result.isUpdateAvailable,
        ...(needsAdmin && {
          notInstallableReason:
            'its installer is per-machine and needs administrator rights (Windows would ask on the kiosk screen); ' +
            'deploy it with the device-management tool',
        }),
      }
    },
    async download() {
      await updater.downloadUpdate()
    },
    install() {
      // Silent, and the installer starts the kiosk again (the supervisor would too).
      if (!updater.install(true, true)) return false
      quit()
      return true
    },
  }
}

/**
 * Starts updates from the generic feed at options.feedUrl (off when it is
 * empty, not https, or the installation cannot update itself; each said in
 * the log). The updater never downloads or installs by itself: no download
 * when an update is found, no install when the app quits (a crash or a staff
 * quit never installs half-way); update-policy.ts decides when.
 */
export function startUpdates(options: StartUpdatesOptions): UpdatesHandle {
  const { feedUrl, log, quit } = options
  if (feedUrl === '') {
    log.info('Updates are off (no updateUrl is provisioned)')
    return updatesOff()
  }
  const urlProblem = feedUrlProblem(feedUrl)
  if (urlProblem) {
    log.error(`Updates are off: the updateUrl ${JSON.stringify(feedUrl)} cannot be used: ${urlProblem}`)
    return updatesOff()
  }
  const updater = options.updater ?? electronUpdater.autoUpdater
  updater.logger = prefixedLogger(log)
  if (!(updater instanceof electronUpdater.BaseUpdater)) {
    log.warn("Updates are off: this platform's updater is not supported (only Windows and Linux are)")
    return updatesOff()
  }
  const problem = selfUpdateProblem(updater)
  if (problem) {
    log.warn(`Updates are off: ${problem}`)
    return updatesOff()
  }
  updater.autoDownload = false
  updater.autoInstallOnAppQuit = false
  updater.allowDowngrade = false
  updater.setFeedURL({ provider: 'generic', url: feedUrl })
  let loggedStep = -1
  updater.on('update-available', () => (loggedStep = -1))
  updater.on('download-progress', (progress: ProgressInfo) => {
    const step = Math.floor(progress.percent / PROGRESS_LOG_STEP) * PROGRESS_LOG_STEP
    if (step <= loggedStep) return
    loggedStep = step
    log.info(
      `Update: downloading ${step}% (${Math.round(progress.transferred / 1024)} of ${Math.round(progress.total / 1024)} KiB)`,
    )
  })
  log.info(`Updates are on from ${feedUrl}`)
  return runUpdatePolicy({ ...options, source: updateSourceOf(updater, quit) })
}
