import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  runUpdatePolicy,
  type UpdateCheck,
  type UpdatesHandle,
  type UpdateSource,
} from '../../../electron/main/update-policy'
import { fakeLog } from './fake-log'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** A broken download as electron-updater reports it. */
function checksumMismatch(): Error {
  return Object.assign(new Error('sha512 checksum mismatch, expected abc, got def'), { code: 'ERR_CHECKSUM_MISMATCH' })
}

describe('update policy', () => {
  let log: ReturnType<typeof fakeLog>
  let resting: boolean
  let closed: boolean
  let jitter: number
  let source: { check: ReturnType<typeof vi.fn>; download: ReturnType<typeof vi.fn>; install: ReturnType<typeof vi.fn> }
  let updates: UpdatesHandle

  const newer: UpdateCheck = { version: '1.2.0', available: true }
  const current: UpdateCheck = { version: '1.1.0', available: false }
  const logged = () => [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].map((c) => c.join(' '))

  function start(): void {
    updates = runUpdatePolicy({
      source: source as unknown as UpdateSource,
      isResting: () => resting,
      isClosed: () => closed,
      log,
      random: () => jitter,
    })
  }

  beforeEach(() => {
    vi.useFakeTimers({ now: new Date('2026-12-01T08:00:00Z') })
    log = fakeLog()
    resting = true
    closed = false
    jitter = 0.5
    source = {
      check: vi.fn(async () => current),
      download: vi.fn(async () => undefined),
      install: vi.fn(() => true),
    }
  })

  afterEach(() => {
    updates.stop()
    vi.useRealTimers()
  })

  describe('when it checks', () => {
    it('waits after start, then checks once at 10 min plus its share of the 50 min spread', async () => {
      start()
      await vi.advanceTimersByTimeAsync(34 * MINUTE)
      expect(source.check).not.toHaveBeenCalled()
      expect(updates.status()).toMatchObject({ phase: 'waiting', nextCheckAt: Date.now() + MINUTE })
      await vi.advanceTimersByTimeAsync(MINUTE)
      expect(source.check).toHaveBeenCalledTimes(1)
    })

    it('spreads the first check of kiosks started together over the first hour', async () => {
      jitter = 0
      start()
      await vi.advanceTimersByTimeAsync(10 * MINUTE)
      expect(source.check).toHaveBeenCalledTimes(1)
      updates.stop()
      source.check.mockClear()
      jitter = 0.99
      start()
      await vi.advanceTimersByTimeAsync(59 * MINUTE)
      expect(source.check).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(MINUTE)
      expect(source.check).toHaveBeenCalledTimes(1)
    })

    it('checks again daily, moved by up to an hour either way, while the feed has nothing newer', async () => {
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE - 1)
      jitter = 0 // the next check comes an hour early
      await vi.advanceTimersByTimeAsync(1)
      await vi.advanceTimersByTimeAsync(23 * HOUR - 1)
      expect(source.check).toHaveBeenCalledTimes(1)
      jitter = 0.75 // and the one after half an hour late
      await vi.advanceTimersByTimeAsync(1)
      expect(source.check).toHaveBeenCalledTimes(2)
      await vi.advanceTimersByTimeAsync(24.5 * HOUR - 1)
      expect(source.check).toHaveBeenCalledTimes(2)
      await vi.advanceTimersByTimeAsync(1)
      expect(source.check).toHaveBeenCalledTimes(3)
      expect(source.download).not.toHaveBeenCalled()
      expect(logged()).toContain('Update: none (the feed announces 1.1.0; the installed version is current)')
    })

    it('stops checking once stopped', async () => {
      start()
      updates.stop()
      await vi.advanceTimersByTimeAsync(3 * 24 * HOUR)
      expect(source.check).not.toHaveBeenCalled()
      expect(updates.status().phase).toBe('stopped')
    })
  })

  describe('downloading and installing', () => {
    beforeEach(() => source.check.mockResolvedValue(newer))

    it('downloads a newer version at once and logs each step', async () => {
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(source.download).toHaveBeenCalledTimes(1)
      expect(updates.status()).toMatchObject({ phase: 'ready', availableVersion: '1.2.0', lastCheckAt: Date.now() })
      expect(logged()).toEqual(
        expect.arrayContaining([
          'Update: checking the feed for a newer version',
          'Update: available 1.2.0',
          'Update: downloading 1.2.0 in the background',
          expect.stringMatching(/^Update: downloaded 1\.2\.0; it installs when the kiosk rests/),
        ]),
      )
    })

    it('installs only once the kiosk rests on the welcome screen outside opening hours', async () => {
      resting = true
      closed = false // open: visitors may come at any moment
      start()
      await vi.advanceTimersByTimeAsync(4 * HOUR)
      expect(source.install).not.toHaveBeenCalled()
      closed = true
      resting = false // after hours, but someone is still in a visit
      await vi.advanceTimersByTimeAsync(2 * HOUR)
      expect(source.install).not.toHaveBeenCalled()
      resting = true
      await vi.advanceTimersByTimeAsync(MINUTE)
      expect(source.install).toHaveBeenCalledTimes(1)
      expect(logged()).toContain(
        'Update: installing 1.2.0 (the kiosk rests on the welcome screen outside opening hours)',
      )
      expect(updates.status().phase).toBe('installing')
    })

    it('never installs while a visit is under way, however long the evening', async () => {
      closed = true
      resting = false
      start()
      await vi.advanceTimersByTimeAsync(12 * HOUR)
      expect(source.install).not.toHaveBeenCalled()
      expect(updates.status().phase).toBe('ready')
    })

    it('checks no more once an update is ready (it waits for its moment)', async () => {
      start()
      await vi.advanceTimersByTimeAsync(3 * 24 * HOUR)
      expect(source.check).toHaveBeenCalledTimes(1)
      expect(source.download).toHaveBeenCalledTimes(1)
    })
  })

  describe('the nightly restart', () => {
    it('installs a ready update instead of a plain relaunch, even within opening hours', async () => {
      source.check.mockResolvedValue(newer)
      closed = false
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(updates.installIfReady()).toBe(true)
      expect(source.install).toHaveBeenCalledTimes(1)
      expect(logged()).toContain('Update: installing 1.2.0 (nightly restart)')
    })

    it('has nothing to install before an update is downloaded, or when the feed had nothing newer', async () => {
      start()
      expect(updates.installIfReady()).toBe(false)
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(updates.installIfReady()).toBe(false)
      expect(source.install).not.toHaveBeenCalled()
    })

    it('does not install while a visit is under way', async () => {
      source.check.mockResolvedValue(newer)
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      resting = false
      expect(updates.installIfReady()).toBe(false)
      expect(source.install).not.toHaveBeenCalled()
      expect(logged()).toContain('Update: 1.2.0 waits: a visit is under way')
    })
  })

  describe('failures', () => {
    it('retries a failed check after 15 min, doubling each time up to 6 h, and logs the reason', async () => {
      source.check.mockRejectedValue(
        Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:443'), { code: 'ECONNREFUSED' }),
      )
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(source.check).toHaveBeenCalledTimes(1)
      expect(log.error).toHaveBeenLastCalledWith(
        'Update check failed (connect ECONNREFUSED 10.0.0.5:443); the installed version keeps running; retrying in 15 min',
      )
      const waits = [15, 30, 60, 120, 240, 360, 360].map((minutes) => minutes * MINUTE)
      for (const [index, wait] of waits.entries()) {
        await vi.advanceTimersByTimeAsync(wait - 1)
        expect(source.check).toHaveBeenCalledTimes(index + 1)
        await vi.advanceTimersByTimeAsync(1)
        expect(source.check).toHaveBeenCalledTimes(index + 2)
      }
      expect(updates.status()).toMatchObject({ phase: 'waiting', consecutiveFailures: 8 })
      expect(log.error).toHaveBeenLastCalledWith(expect.stringMatching(/retrying in 6\.0 h$/))
    })

    it('goes back to the daily rhythm after a check that works', async () => {
      source.check.mockRejectedValueOnce(new Error('HTTP error: 503'))
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE + 15 * MINUTE)
      expect(source.check).toHaveBeenCalledTimes(2)
      expect(updates.status()).toMatchObject({ consecutiveFailures: 0, lastError: null })
      await vi.advanceTimersByTimeAsync(24 * HOUR - 1)
      expect(source.check).toHaveBeenCalledTimes(2)
      await vi.advanceTimersByTimeAsync(1)
      expect(source.check).toHaveBeenCalledTimes(3)
    })

    it('never installs a download that failed its checksum, and tries again later', async () => {
      source.check.mockResolvedValue(newer)
      source.download.mockRejectedValueOnce(checksumMismatch())
      closed = true
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(log.error).toHaveBeenCalledWith(
        'Update download failed (ERR_CHECKSUM_MISMATCH: sha512 checksum mismatch, expected abc, got def; 1.2.0 is not installed); the installed version keeps running; retrying in 15 min',
      )
      expect(updates.installIfReady()).toBe(false)
      await vi.advanceTimersByTimeAsync(14 * MINUTE)
      expect(source.install).not.toHaveBeenCalled()
      await vi.advanceTimersByTimeAsync(2 * MINUTE)
      expect(source.download).toHaveBeenCalledTimes(2)
      expect(source.install).toHaveBeenCalledTimes(1)
    })

    it('keeps the installed version when the installer does not start, and checks again later', async () => {
      source.check.mockResolvedValue(newer)
      source.install.mockReturnValueOnce(false)
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(updates.installIfReady()).toBe(false)
      expect(log.error).toHaveBeenCalledWith(
        'Update install failed (the installer for 1.2.0 did not start); the installed version keeps running; retrying in 15 min',
      )
      await vi.advanceTimersByTimeAsync(15 * MINUTE)
      expect(source.check).toHaveBeenCalledTimes(2)
      expect(updates.installIfReady()).toBe(true)
    })

    it('leaves an update the kiosk cannot install alone and checks again the next day', async () => {
      source.check.mockResolvedValue({ ...newer, notInstallableReason: 'it needs administrator rights' })
      start()
      await vi.advanceTimersByTimeAsync(35 * MINUTE)
      expect(source.download).not.toHaveBeenCalled()
      expect(log.warn).toHaveBeenCalledWith(
        'Update: available 1.2.0, not installed by the kiosk: it needs administrator rights',
      )
      await vi.advanceTimersByTimeAsync(24 * HOUR)
      expect(source.check).toHaveBeenCalledTimes(2)
    })
  })
})
