import type { Logger } from './logger'

/** How the main process watches the renderer's heartbeats. */
export interface HeartbeatWatchdogOptions {
  /** Longest silence allowed: idle timeout + warning + a margin (read at each check, so staff changes apply). */
  limitMs: () => number
  /** How often the silence is measured. */
  checkEveryMs: number
  /** Brings the kiosk back to the welcome screen. */
  reloadApp: () => void
  log: Logger
  now?: () => number
  every?: (callback: () => void, ms: number) => void
}

/** The heartbeat receiver; main's IPC handler calls `beat()`. */
export interface HeartbeatWatchdog {
  beat(): void
}

/**
 * Backstop for the visitor idle reset. The renderer sends a heartbeat while it
 * rests on the welcome screen and while a visitor is active; a hung renderer or
 * a broken idle timer falls silent. After `limitMs` of silence main reloads the
 * app (which opens on the welcome screen) and logs it, then waits a full
 * limit again before judging.
 */
export function startHeartbeatWatchdog(options: HeartbeatWatchdogOptions): HeartbeatWatchdog {
  const { limitMs, checkEveryMs, reloadApp, log } = options
  const now = options.now ?? Date.now
  const every = options.every ?? ((callback, ms) => setInterval(callback, ms).unref())
  let lastBeat = now()

  every(() => {
    const silence = now() - lastBeat
    if (silence <= limitMs()) return
    log.warn(`No renderer heartbeat for ${Math.round(silence / 1000)} s; reloading the kiosk to its welcome screen`)
    lastBeat = now()
    reloadApp()
  }, checkEveryMs)

  return {
    beat: () => {
      lastBeat = now()
    },
  }
}
