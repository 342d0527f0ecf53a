import type { PowerSaveBlocker } from 'electron'
import type { KioskConfig } from '../contract'
import { isOpenAt, nextLocalTime } from '../opening-hours'
import type { Logger } from './logger'

/** How often the schedule looks at the clock: restarts and opening times land within this. */
const CHECK_EVERY_MS = 30_000
/** How long a due restart waits for a visit to end before it is left for the next day. */
const MAX_RESTART_WAIT_MS = 60 * 60_000

/**
 * What runs at a scheduled restart before the kiosk relaunches. Returning true
 * means the handler took the restart over (the updater installing a downloaded
 * release, which relaunches into it), so the plain relaunch is skipped.
 */
export type RestartHandler = (reason: string) => boolean

/** What the schedule works with; Electron's calls come in as functions. */
export interface KioskScheduleOptions {
  /** The current settings, read at every check, so staff changes re-arm the schedule. */
  config: () => Pick<KioskConfig, 'dailyRestartTime' | 'openingHours'>
  /** Whether the kiosk rests on the welcome screen with no visit under way (resting-state.ts). */
  isResting: () => boolean
  /** Relaunches the app (app.relaunch() then app.exit()). */
  relaunch: () => void
  /** Electron's powerSaveBlocker: the display is kept awake only while the clinic is open. */
  displayBlocker: Pick<PowerSaveBlocker, 'start' | 'stop'>
  log: Logger
  /** The wall clock (local time is what the settings speak in). */
  now?: () => number
  /** Runs `callback` every `ms`; returns a function that stops it. */
  every?: (callback: () => void, ms: number) => () => void
}

/** The daily restart and the opening hours, as the main process keeps them. */
export interface KioskSchedule {
  /** Starts watching the clock (checks once at once). */
  start(): void
  /** Stops watching the clock. */
  stop(): void
  /** Whether the clinic is open now by its opening hours. */
  isOpen(): boolean
  /** When the next daily restart is due, or null when none is set. */
  nextRestartAt(): Date | null
  /**
   * Adds a handler that runs at the nightly restart, before the relaunch: the
   * updater's hook to install a downloaded update then. Returns a function that
   * removes it.
   */
  onRestart(handler: RestartHandler): () => void
}

const defaultEvery = (callback: () => void, ms: number) => {
  const timer = setInterval(callback, ms)
  timer.unref?.()
  return () => clearInterval(timer)
}

/**
 * The kiosk's clock-driven chores, checked every 30 s against the wall clock
 * (so a suspended machine or a clock change is caught at the next check):
 *
 * - The daily restart: at `dailyRestartTime` (local) the kiosk relaunches,
 *   but only while it rests on the welcome screen. During a visit the restart
 *   waits for the visit to end, at most an hour, then is left for the next
 *   day. Changing the time re-arms it from now. For daylight saving, see
 *   opening-hours.ts: a skipped time happens an hour later by the clock, a
 *   repeated one at its first occurrence; either way once a day.
 * - The display: kept awake (prevent-display-sleep) while the clinic is open,
 *   allowed to sleep outside its opening hours.
 */
export function createKioskSchedule(options: KioskScheduleOptions): KioskSchedule {
  const { config, isResting, relaunch, displayBlocker, log } = options
  const now = options.now ?? Date.now
  const every = options.every ?? defaultEvery
  const handlers = new Set<RestartHandler>()
  let armed: { time: string; at: number } | null = null
  let waitingSince: number | null = null
  let blockerId: number | null = null
  let stopTicking: (() => void) | null = null

  const open = () => isOpenAt(config().openingHours, new Date(now()))

  function arm(time: string, after: number): void {
    waitingSince = null
    armed = time === '' ? null : { time, at: nextLocalTime(time, new Date(after)).getTime() }
    log.info(armed ? `Daily restart armed for ${new Date(armed.at).toString()}` : 'No daily restart is set')
  }

  function restart(reason: string): void {
    log.info(`Restarting the kiosk: ${reason}`)
    for (const handler of handlers) {
      try {
        if (handler(reason)) return
      } catch (error) {
        log.error('A restart handler failed; relaunching as usual', error)
      }
    }
    relaunch()
  }

  function checkRestart(): void {
    const { dailyRestartTime } = config()
    if ((armed?.time ?? '') !== dailyRestartTime) arm(dailyRestartTime, now())
    if (!armed || now() < armed.at) return
    if (isResting()) {
      const time = armed.time
      // Armed for the next day first, so a relaunch that does not end this process cannot loop.
      arm(time, now())
      return restart(`the daily restart at ${time}`)
    }
    if (waitingSince === null) {
      waitingSince = now()
      log.info('The daily restart waits for the visit under way to end')
    } else if (now() - waitingSince >= MAX_RESTART_WAIT_MS) {
      log.warn('The daily restart waited an hour for the kiosk to rest; it is left for the next day')
      arm(armed.time, now())
    }
  }

  function checkDisplay(): void {
    const awake = open()
    if (awake && blockerId === null) {
      blockerId = displayBlocker.start('prevent-display-sleep')
      log.info('The clinic is open: the display is kept awake')
    } else if (!awake && blockerId !== null) {
      displayBlocker.stop(blockerId)
      blockerId = null
      log.info('The clinic is closed: the display may sleep')
    }
  }

  function check(): void {
    checkDisplay()
    checkRestart()
  }

  return {
    start() {
      if (stopTicking) return
      check()
      stopTicking = every(check, CHECK_EVERY_MS)
    },
    stop() {
      stopTicking?.()
      stopTicking = null
    },
    isOpen: open,
    nextRestartAt: () => (armed ? new Date(armed.at) : null),
    onRestart(handler) {
      handlers.add(handler)
      return () => void handlers.delete(handler)
    },
  }
}
