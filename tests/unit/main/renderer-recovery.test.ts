import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { watchRendererHealth } from '../../../electron/main/renderer-recovery'
import { FakeWebContents, fakeEvent } from '../../mocks/electron'
import { fakeLog } from './fake-log'

describe('renderer recovery', () => {
  let contents: FakeWebContents
  let clock: number
  let scheduled: Array<{ callback: () => void; ms: number }>
  const loadApp = vi.fn()
  const showOutOfOrder = vi.fn()
  const crash = (reason = 'crashed') => contents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 })

  beforeEach(() => {
    vi.clearAllMocks()
    contents = new FakeWebContents()
    clock = 0
    scheduled = []
    watchRendererHealth(contents as unknown as WebContents, {
      maxReloads: 3,
      stableAfterMs: 60_000,
      retryOutOfOrderAfterMs: 300_000,
      loadApp,
      showOutOfOrder,
      log: fakeLog(),
      now: () => clock,
      schedule: (callback, ms) => scheduled.push({ callback, ms }),
    })
  })

  it('reloads the app after a renderer crash', () => {
    crash('oom')
    expect(loadApp).toHaveBeenCalledTimes(1)
    expect(showOutOfOrder).not.toHaveBeenCalled()
  })

  it('ignores a renderer that exited cleanly', () => {
    crash('clean-exit')
    expect(loadApp).not.toHaveBeenCalled()
  })

  it('shows the out-of-order page once the retry cap is reached, then tries again later', () => {
    for (let i = 0; i < 4; i++) crash()
    expect(loadApp).toHaveBeenCalledTimes(3)
    expect(showOutOfOrder).toHaveBeenCalledTimes(1)
    crash()
    expect(showOutOfOrder).toHaveBeenCalledTimes(1)
    expect(scheduled).toHaveLength(1)
    expect(scheduled[0]?.ms).toBe(300_000)
    scheduled[0]?.callback()
    expect(loadApp).toHaveBeenCalledTimes(4)
  })

  it('starts a fresh count after a stable period, so rare crashes never exhaust the retries', () => {
    for (let i = 0; i < 10; i++) {
      crash()
      clock += 120_000
    }
    expect(loadApp).toHaveBeenCalledTimes(10)
    expect(showOutOfOrder).not.toHaveBeenCalled()
  })

  it('ends a hung renderer so it can be restarted', () => {
    contents.emit('unresponsive')
    expect(contents.forcefullyCrashRenderer).toHaveBeenCalled()
  })

  it('reloads after a failed main-frame load but not after an aborted one or a subframe failure', () => {
    contents.emit('did-fail-load', fakeEvent(), -3, 'ERR_ABORTED', 'app://kiosk/index.html', true)
    contents.emit('did-fail-load', fakeEvent(), -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/x.html', false)
    expect(loadApp).not.toHaveBeenCalled()
    contents.emit('did-fail-load', fakeEvent(), -6, 'ERR_FILE_NOT_FOUND', 'app://kiosk/index.html', true)
    expect(loadApp).toHaveBeenCalledTimes(1)
  })
})
