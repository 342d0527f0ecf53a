import type { WebContents } from 'electron'
import { startHeartbeatWatchdog } from './heartbeat-watchdog'
import { createRendererRecovery, type RecoveryOptions } from './renderer-recovery'

/** The recovery's pages and limits plus the heartbeat backstop's. */
export interface KioskScreenOptions extends Omit<RecoveryOptions, 'onAppLoad'> {
  /** Longest heartbeat silence allowed while the app shows (read at each check, so staff changes apply). */
  heartbeatLimitMs: () => number
  /** How often the heartbeat silence is measured. */
  heartbeatCheckEveryMs: number
  every?: (callback: () => void, ms: number) => void
}

/** What the composition root holds of the kiosk window's guard. */
export interface KioskScreenGuard {
  /** Loads the app; call once. */
  start(): void
  /** A heartbeat from the app (main's heartbeat IPC handler). */
  beat(): void
}

/**
 * Keeps the kiosk window showing the app or the out-of-order page, never
 * nothing: the renderer recovery decides what loads, and the heartbeat watchdog
 * reports a silent app to it, judging silence only while the app shows and
 * from its last (re)load.
 */
export function guardKioskScreen(contents: WebContents, options: KioskScreenOptions): KioskScreenGuard {
  const { heartbeatLimitMs, heartbeatCheckEveryMs, every, ...recoveryOptions } = options
  const watchdog = startHeartbeatWatchdog({
    limitMs: heartbeatLimitMs,
    checkEveryMs: heartbeatCheckEveryMs,
    expecting: () => recovery.showing() === 'app',
    report: (reason) => recovery.report(reason),
    now: options.now,
    every,
  })
  const recovery = createRendererRecovery(contents, { ...recoveryOptions, onAppLoad: watchdog.restart })
  return { start: recovery.start, beat: watchdog.beat }
}
