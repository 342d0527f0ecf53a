/**
 * When the kiosk checks for, downloads and installs an update: the decisions
 * only, over an injected update source, clock and timers (updater.ts adapts
 * electron-updater to it). The one rule that never bends: an update is never
 * installed while a visitor may be at the screen.
 */
import type { Logger } from './logger'

/** What one check of the feed found. */
export interface UpdateCheck {
  /** The version the feed announces. */
  version: string
  /** True when that version is newer than the running one. */
  available: boolean
  /** Why a newer version cannot be installed by the kiosk itself, when it cannot (it is then left alone). */
  notInstallableReason?: string
}

/** The steps of an updater, reduced to their outcomes. */
export interface UpdateSource {
  /** Asks the feed what it announces; rejects when the feed cannot be read. */
  check(): Promise<UpdateCheck>
  /** Downloads the version the last check found (its checksum verified); rejects on any failure. */
  download(): Promise<void>
  /** Starts installing the downloaded version and quits the kiosk; false when the installer did not start. */
  install(): boolean
}

/** The timer functions the policy uses (the global ones by default; tests may pass fakes). */
export interface UpdateTimers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** How often things happen, in milliseconds. */
export interface UpdateSchedule {
  /** Wait after start before the first check, so a start is not slowed down. */
  firstCheckDelayMs: number
  /** Up to this much more before the first check, at random, so a fleet started together is spread out. */
  firstCheckJitterMs: number
  /** Time between checks that went well. */
  checkIntervalMs: number
  /** Each daily check moves at random by up to this much either way. */
  checkJitterMs: number
  /** Wait after the first failure; it doubles with each further failure in a row. */
  retryBaseMs: number
  /** Longest wait between retries. */
  retryMaxMs: number
  /** How often a downloaded update looks for a moment to install. */
  installPollMs: number
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** The schedule a kiosk runs: first check 10 to 60 min after start, then daily ± 1 h; retries 15 min doubling to 6 h. */
export const DEFAULT_UPDATE_SCHEDULE: UpdateSchedule = {
  firstCheckDelayMs: 10 * MINUTE,
  firstCheckJitterMs: 50 * MINUTE,
  checkIntervalMs: 24 * HOUR,
  checkJitterMs: HOUR,
  retryBaseMs: 15 * MINUTE,
  retryMaxMs: 6 * HOUR,
  installPollMs: MINUTE,
}

/** Where the updater stands. */
export type UpdatePhase = 'off' | 'waiting' | 'checking' | 'downloading' | 'ready' | 'installing' | 'stopped'

/** What staff or a status line may show about updates (nothing about visitors). */
export interface UpdateStatus {
  phase: UpdatePhase
  /** The newer version found (being downloaded, ready or installing), if any. */
  availableVersion: string | null
  /** When the feed last answered (ms since the epoch). */
  lastCheckAt: number | null
  /** The reason of the last failure, cleared by the next success. */
  lastError: string | null
  /** Failures in a row (each doubles the wait before the retry). */
  consecutiveFailures: number
  /** When the next check is due (ms since the epoch), if one is scheduled. */
  nextCheckAt: number | null
}

/** What the composition root holds on to. */
export interface UpdatesHandle {
  /**
   * For the nightly restart: installs a downloaded update instead of a plain
   * relaunch, if one is ready and the kiosk rests on the welcome screen. True
   * when the installer started (it quits the kiosk: do not relaunch); false
   * when there is nothing to install (relaunch as usual).
   */
  installIfReady(): boolean
  /** What the updater is doing. */
  status(): UpdateStatus
  /** Ends every timer; nothing is checked or installed after it. */
  stop(): void
}

/** What the policy is given. */
export interface UpdatePolicyOptions {
  source: UpdateSource
  /** True while the kiosk rests on the welcome screen (no visit under way). */
  isResting: () => boolean
  /** True outside the clinic's opening hours. */
  isClosed: () => boolean
  log: Logger
  now?: () => number
  timers?: UpdateTimers
  /** A number in [0, 1) for the jitter. */
  random?: () => number
  schedule?: Partial<UpdateSchedule>
}

/** A handle that does nothing: updates are off. */
export function updatesOff(): UpdatesHandle {
  return { installIfReady: () => false, status: () => freshStatus('off'), stop: () => undefined }
}

function freshStatus(phase: UpdatePhase): UpdateStatus {
  return {
    phase,
    availableVersion: null,
    lastCheckAt: null,
    lastError: null,
    consecutiveFailures: 0,
    nextCheckAt: null,
  }
}

/** A delay as people read it in the log: "15 min" or "6.0 h". */
export function describeDelay(ms: number): string {
  return ms < 2 * HOUR ? `${Math.round(ms / MINUTE)} min` : `${(ms / HOUR).toFixed(1)} h`
}

/** The reason of a failure in one short line: its code (when it has one) and the first line of its message. */
export function failureReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  const message = error instanceof Error ? error.message : String(error)
  const firstLine = message.split('\n', 1)[0]!.slice(0, 300)
  return typeof code === 'string' && !firstLine.includes(code) ? `${code}: ${firstLine}` : firstLine
}

/**
 * Runs the update schedule: checks after a delay and then daily (with jitter),
 * downloads a newer version at once in the background, and installs it only
 * while the kiosk rests on the welcome screen outside opening hours, or at the
 * nightly restart through installIfReady(). A failed check, download or install
 * leaves the installed version running and is retried with a doubling wait.
 */
export function runUpdatePolicy(options: UpdatePolicyOptions): UpdatesHandle {
  const { source, isResting, isClosed, log } = options
  const schedule = { ...DEFAULT_UPDATE_SCHEDULE, ...options.schedule }
  const now = options.now ?? Date.now
  const random = options.random ?? Math.random
  const timers: UpdateTimers = options.timers ?? {
    setTimeout: (callback, ms) => setTimeout(callback, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  }
  const status = freshStatus('waiting')
  let pending: unknown = null

  function later(ms: number, step: () => void): void {
    if (pending !== null) timers.clearTimeout(pending)
    pending = timers.setTimeout(() => {
      pending = null
      step()
    }, ms)
  }

  function checkIn(ms: number): void {
    status.phase = 'waiting'
    status.nextCheckAt = now() + ms
    later(ms, () => void check())
  }

  function succeeded(): void {
    status.consecutiveFailures = 0
    status.lastError = null
  }

  function failed(step: string, reason: string): void {
    status.consecutiveFailures += 1
    status.lastError = reason
    status.availableVersion = null
    const wait = Math.min(schedule.retryBaseMs * 2 ** (status.consecutiveFailures - 1), schedule.retryMaxMs)
    log.error(
      `Update ${step} failed (${reason}); the installed version keeps running; retrying in ${describeDelay(wait)}`,
    )
    checkIn(wait)
  }

  function checkDaily(): void {
    checkIn(schedule.checkIntervalMs + (random() * 2 - 1) * schedule.checkJitterMs)
  }

  async function check(): Promise<void> {
    status.phase = 'checking'
    status.nextCheckAt = null
    log.info('Update: checking the feed for a newer version')
    let found: UpdateCheck
    try {
      found = await source.check()
    } catch (error) {
      if (status.phase === 'checking') failed('check', failureReason(error))
      return
    }
    if (status.phase !== 'checking') return
    status.lastCheckAt = now()
    succeeded()
    if (!found.available) {
      log.info(`Update: none (the feed announces ${found.version}; the installed version is current)`)
      checkDaily()
    } else if (found.notInstallableReason) {
      log.warn(`Update: available ${found.version}, not installed by the kiosk: ${found.notInstallableReason}`)
      checkDaily()
    } else {
      log.info(`Update: available ${found.version}`)
      await download(found.version)
    }
  }

  async function download(version: string): Promise<void> {
    status.phase = 'downloading'
    status.availableVersion = version
    log.info(`Update: downloading ${version} in the background`)
    try {
      await source.download()
    } catch (error) {
      if (status.phase === 'downloading') failed('download', `${failureReason(error)}; ${version} is not installed`)
      return
    }
    if (status.phase !== 'downloading') return
    succeeded()
    status.phase = 'ready'
    log.info(
      `Update: downloaded ${version}; it installs when the kiosk rests on the welcome screen outside opening hours, or at the nightly restart`,
    )
    waitForQuietMoment()
  }

  function waitForQuietMoment(): void {
    later(schedule.installPollMs, () => {
      if (isResting() && isClosed()) install('the kiosk rests on the welcome screen outside opening hours')
      else waitForQuietMoment()
    })
  }

  function install(moment: string): boolean {
    const version = status.availableVersion
    status.phase = 'installing'
    log.info(`Update: installing ${version} (${moment})`)
    if (source.install()) {
      if (pending !== null) timers.clearTimeout(pending)
      pending = null
      return true
    }
    failed('install', `the installer for ${version} did not start`)
    return false
  }

  checkIn(schedule.firstCheckDelayMs + random() * schedule.firstCheckJitterMs)

  return {
    installIfReady() {
      if (status.phase !== 'ready') return false
      if (!isResting()) {
        log.info(`Update: ${status.availableVersion} waits: a visit is under way`)
        return false
      }
      return install('nightly restart')
    },
    status: () => ({ ...status }),
    stop() {
      if (pending !== null) timers.clearTimeout(pending)
      pending = null
      status.phase = 'stopped'
      status.nextCheckAt = null
    },
  }
}
