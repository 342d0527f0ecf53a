/** How long a heartbeat's word on resting holds: a little over two of the renderer's 10 s heartbeats. */
const RESTING_FRESH_MS = 25_000

/** Whether the kiosk rests on its welcome screen, as the renderer's heartbeats say. */
export interface RestingState {
  /** A heartbeat's word: whether the welcome (or closed) screen shows with no visit and no staff screen. */
  report(resting: boolean): void
  /**
   * Whether the kiosk rests now: the last heartbeat said so and is recent. A
   * silent renderer (hung, reloading, out of order) does not count as resting.
   * The updater uses this to install only when nobody is using the kiosk.
   */
  isResting(): boolean
}

/** Keeps the renderer's last word on resting; `now` is a clock that never jumps. */
export function createRestingState(now: () => number = () => performance.now()): RestingState {
  let last: { resting: boolean; at: number } | null = null
  return {
    report: (resting) => {
      last = { resting, at: now() }
    },
    isResting: () => !!last && last.resting && now() - last.at <= RESTING_FRESH_MS,
  }
}
