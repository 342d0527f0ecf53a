import { beforeEach, describe, expect, it, vi } from 'vitest'
import { startHeartbeatWatchdog, type HeartbeatWatchdog } from '../../../electron/main/heartbeat-watchdog'
import { fakeLog } from './fake-log'

describe('heartbeat backstop', () => {
  let clock: number
  let check: () => void
  let watchdog: HeartbeatWatchdog
  let limitMs: number
  const reloadApp = vi.fn()
  const log = fakeLog()
  /** Lets time pass in 5 s steps, as the real interval would. */
  const pass = (ms: number) => {
    for (let elapsed = 0; elapsed < ms; elapsed += 5_000) {
      clock += 5_000
      check()
    }
  }

  beforeEach(() => {
    vi.clearAllMocks()
    clock = 0
    limitMs = 140_000
    watchdog = startHeartbeatWatchdog({
      limitMs: () => limitMs,
      checkEveryMs: 5_000,
      reloadApp,
      log,
      now: () => clock,
      every: (callback) => (check = callback),
    })
  })

  it('leaves a renderer alone while heartbeats arrive', () => {
    for (let i = 0; i < 100; i++) {
      pass(10_000)
      watchdog.beat()
    }
    expect(reloadApp).not.toHaveBeenCalled()
  })

  it('does not reload before the limit', () => {
    pass(140_000)
    expect(reloadApp).not.toHaveBeenCalled()
  })

  it('reloads the app once the heartbeats have been missing longer than the limit, and logs it', () => {
    pass(145_000)
    expect(reloadApp).toHaveBeenCalledTimes(1)
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('No renderer heartbeat'))
  })

  it('follows a limit that staff shorten while the kiosk runs', () => {
    limitMs = 80_000
    pass(85_000)
    expect(reloadApp).toHaveBeenCalledTimes(1)
  })

  it('gives the reloaded app a full period before judging again', () => {
    pass(145_000)
    pass(135_000)
    expect(reloadApp).toHaveBeenCalledTimes(1)
    pass(10_000)
    expect(reloadApp).toHaveBeenCalledTimes(2)
  })
})
