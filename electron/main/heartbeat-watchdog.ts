/** How the main process watches the renderer's heartbeats. */
export interface HeartbeatWatchdogOptions {
  /** Longest silence allowed: idle timeout + warning + a margin (read at each check, so staff changes apply). */
  limitMs: () => number
  /** How often the silence is measured. */
  checkEveryMs: number
  /** Whether heartbeats are expected now (the app shows); silence is not judged otherwise. */
  expecting: () => boolean
  /** Told about too long a silence; the renderer recovery decides what the window shows. */
  report: (reason: string) => void
  now?: () => number
  every?: (callback: () => void, ms: number) => void
}

/** The heartbeat receiver. */
export interface HeartbeatWatchdog {
  /** A heartbeat from the renderer (main's IPC handler). */
  beat(): void
  /** Starts the silence clock afresh: the app was (re)loaded. */
  restart(): void
}

/**
 * Backstop for the visitor idle reset. The renderer sends a heartbeat while it
 * rests on the welcome screen and while a visitor is active; a hung renderer or
 * a broken idle timer falls silent. Silence counts only while heartbeats are
 * expected and from the last (re)load of the app; after `limitMs` of it the
 * watchdog reports the trouble, then waits a full limit again before judging.
 */
export function startHeartbeatWatchdog(options: HeartbeatWatchdogOptions): HeartbeatWatchdog {
  const { limitMs, checkEveryMs, expecting, report } = options
  // A clock that never jumps: a wall clock set forward must not read as a long silence or a stable spell.
  const now = options.now ?? (() => performance.now())
  const every = options.every ?? ((callback, ms) => setInterval(callback, ms).unref())
  let lastBeat = now()
  const restart = () => {
    lastBeat = now()
  }

  every(() => {
    // No heartbeats are due (the out-of-order page shows): that time is no silence.
    if (!expecting()) return restart()
    const silence = now() - lastBeat
    if (silence <= limitMs()) return
    restart()
    report(`no heartbeat for ${Math.round(silence / 1000)} s`)
  }, checkEveryMs)

  return { beat: restart, restart }
}
