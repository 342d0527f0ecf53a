import { beforeEach, describe, expect, it, vi } from 'vitest'
import { startHeartbeatWatchdog, type HeartbeatWatchdog } from '../../../electron/main/heartbeat-watchdog'

describe('heartbeat backstop', () => {
  let clock: number
  let check: () => void
  let watchdog: HeartbeatWatchdog
  let limitMs: number
  let expecting: boolean
  const report = vi.fn()
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
    expecting = true
    watchdog = startHeartbeatWatchdog({
      limitMs: () => limitMs,
      checkEveryMs: 5_000,
      expecting: () => expecting,
      report,
      now: () => clock,
      every: (callback) => (check = callback),
    })
  })

  it('leaves a renderer alone while heartbeats arrive', () => {
    for (let i = 0; i < 100; i++) {
      pass(10_000)
      watchdog.beat()
    }
    expect(report).not.toHaveBeenCalled()
  })

  it('does not report before the limit', () => {
    pass(140_000)
    expect(report).not.toHaveBeenCalled()
  })

  it('reports once the heartbeats have been missing longer than the limit', () => {
    pass(145_000)
    expect(report).toHaveBeenCalledExactlyOnceWith('no heartbeat for 145 s')
  })

  it('follows a limit that staff shorten while the kiosk runs', () => {
    limitMs = 80_000
    pass(85_000)
    expect(report).toHaveBeenCalledTimes(1)
  })

  it('waits a full limit again after a report', () => {
    pass(145_000)
    pass(135_000)
    expect(report).toHaveBeenCalledTimes(1)
    pass(10_000)
    expect(report).toHaveBeenCalledTimes(2)
  })

  it('restarts the silence clock when the app is (re)loaded', () => {
    pass(135_000)
    watchdog.restart()
    pass(135_000)
    expect(report).not.toHaveBeenCalled()
    pass(10_000)
    expect(report).toHaveBeenCalledTimes(1)
  })

  it('does not judge, nor count as silence, the time no heartbeats are expected', () => {
    pass(100_000)
    expecting = false
    pass(600_000)
    expect(report).not.toHaveBeenCalled()
    expecting = true
    pass(135_000)
    expect(report).not.toHaveBeenCalled()
    pass(10_000)
    expect(report).toHaveBeenCalledTimes(1)
  })
})
