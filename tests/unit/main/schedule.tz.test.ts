/**
 * The daily restart and the opening hours in local time, run in America/New_York
 * (vitest.config.mts sets TZ for this file's project): clocks spring forward on
 * 2026-03-08 at 02:00 and fall back on 2026-11-01 at 02:00.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { OpeningHours } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { createKioskSchedule, type KioskScheduleOptions } from '../../../electron/main/schedule'
import { createRestingState } from '../../../electron/main/resting-state'
import { isOpenAt, nextLocalTime, nextOpening } from '../../../electron/opening-hours'
import { fakeLog } from './fake-log'

/** Weekdays 08:00 to 18:00, Saturday 09:00 to 12:00, closed on Sunday. */
const CLINIC_WEEK: OpeningHours = {
  sun: null,
  mon: { opens: '08:00', closes: '18:00' },
  tue: { opens: '08:00', closes: '18:00' },
  wed: { opens: '08:00', closes: '18:00' },
  thu: { opens: '08:00', closes: '18:00' },
  fri: { opens: '08:00', closes: '18:00' },
  sat: { opens: '09:00', closes: '12:00' },
}

/** A schedule over fake timers, with settings and resting the test can change. */
function scheduleAt(start: string, settings: Partial<ReturnType<KioskScheduleOptions['config']>> = {}) {
  vi.setSystemTime(new Date(start))
  const config = { dailyRestartTime: '03:30', openingHours: DEFAULT_CONFIG.openingHours, ...settings }
  const state = { resting: true }
  const relaunch = vi.fn()
  const displayBlocker = { start: vi.fn((_type: string) => 7), stop: vi.fn((_id: number) => true) }
  const log = fakeLog()
  const schedule = createKioskSchedule({
    config: () => config,
    isResting: () => state.resting,
    relaunch,
    displayBlocker,
    log,
  })
  schedule.start()
  /** Moves the clock to an instant and lets every due check run. */
  const runUntil = (instant: string) => vi.advanceTimersByTime(new Date(instant).getTime() - Date.now())
  return { schedule, config, state, relaunch, displayBlocker, log, runUntil }
}

describe('the schedule in local time', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('runs in a zone with daylight saving (else these tests would prove nothing)', () => {
    expect(Intl.DateTimeFormat().resolvedOptions().timeZone).toBe('America/New_York')
    expect(new Date('2026-03-08T12:00:00Z').getTimezoneOffset()).toBe(240)
    expect(new Date('2026-03-07T12:00:00Z').getTimezoneOffset()).toBe(300)
  })

  describe('the daily restart', () => {
    it('relaunches a resting kiosk at the restart time, once a day', () => {
      // 2026-06-10 01:00 EDT
      const { relaunch, runUntil, schedule } = scheduleAt('2026-06-10T05:00:00Z')
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-06-10T07:30:00Z'))
      runUntil('2026-06-10T07:29:30Z')
      expect(relaunch).not.toHaveBeenCalled()
      runUntil('2026-06-10T07:30:30Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
      runUntil('2026-06-11T07:29:30Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
      runUntil('2026-06-11T07:30:30Z')
      expect(relaunch).toHaveBeenCalledTimes(2)
    })

    it('on a spring-forward day, a 02:30 restart (a time the clock skips) happens at 03:30 EDT, once', () => {
      // 2026-03-08 00:00 EST; at 02:00 EST the clock jumps to 03:00 EDT.
      const { relaunch, runUntil, schedule } = scheduleAt('2026-03-08T05:00:00Z', { dailyRestartTime: '02:30' })
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-03-08T07:30:00Z'))
      runUntil('2026-03-08T07:29:30Z')
      expect(relaunch).not.toHaveBeenCalled()
      runUntil('2026-03-08T07:30:30Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
      // The next day 02:30 exists again: 02:30 EDT.
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-03-09T06:30:00Z'))
      runUntil('2026-03-09T06:30:30Z')
      expect(relaunch).toHaveBeenCalledTimes(2)
    })

    it('on a fall-back day, a 01:30 restart (a time the clock shows twice) happens at the first 01:30 only', () => {
      // 2026-11-01 00:00 EDT; at 02:00 EDT the clock goes back to 01:00 EST.
      const { relaunch, runUntil, schedule } = scheduleAt('2026-11-01T04:00:00Z', { dailyRestartTime: '01:30' })
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-11-01T05:30:00Z'))
      runUntil('2026-11-01T05:30:30Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
      // 01:30 EST comes round again an hour later: no second restart.
      runUntil('2026-11-01T06:45:00Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-11-02T06:30:00Z'))
    })

    it('waits for a visit under way to end, then relaunches', () => {
      const { relaunch, runUntil, state, log } = scheduleAt('2026-06-10T07:00:00Z')
      state.resting = false
      runUntil('2026-06-10T07:50:00Z')
      expect(relaunch).not.toHaveBeenCalled()
      expect(log.info).toHaveBeenCalledWith('The daily restart waits for the visit under way to end')
      state.resting = true
      vi.advanceTimersByTime(30_000)
      expect(relaunch).toHaveBeenCalledTimes(1)
    })

    it('gives up after an hour of visits and restarts the next day instead', () => {
      const { relaunch, runUntil, state, log, schedule } = scheduleAt('2026-06-10T07:00:00Z')
      state.resting = false
      runUntil('2026-06-10T08:31:00Z')
      expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('left for the next day'))
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-06-11T07:30:00Z'))
      state.resting = true
      runUntil('2026-06-11T07:29:30Z')
      expect(relaunch).not.toHaveBeenCalled()
      runUntil('2026-06-11T07:30:30Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
    })

    it('re-arms when staff change the time, and stops when they clear it', () => {
      const { relaunch, runUntil, config, schedule } = scheduleAt('2026-06-10T05:00:00Z')
      config.dailyRestartTime = '04:00'
      vi.advanceTimersByTime(30_000)
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-06-10T08:00:00Z'))
      runUntil('2026-06-10T07:45:00Z')
      expect(relaunch).not.toHaveBeenCalled()
      runUntil('2026-06-10T08:00:30Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
      config.dailyRestartTime = ''
      vi.advanceTimersByTime(30_000)
      expect(schedule.nextRestartAt()).toBeNull()
      runUntil('2026-06-12T12:00:00Z')
      expect(relaunch).toHaveBeenCalledTimes(1)
    })

    it('a time already past today is armed for tomorrow, not run at once', () => {
      const { relaunch, config, schedule } = scheduleAt('2026-06-10T12:00:00Z')
      config.dailyRestartTime = '07:00'
      vi.advanceTimersByTime(30_000)
      expect(relaunch).not.toHaveBeenCalled()
      expect(schedule.nextRestartAt()).toEqual(new Date('2026-06-11T11:00:00Z'))
    })

    it('lets a restart handler (the updater installing) take the restart over', () => {
      const { relaunch, runUntil, schedule } = scheduleAt('2026-06-10T07:00:00Z')
      const install = vi.fn((_reason: string) => true)
      schedule.onRestart(install)
      runUntil('2026-06-10T07:30:30Z')
      expect(install).toHaveBeenCalledWith('the daily restart at 03:30')
      expect(relaunch).not.toHaveBeenCalled()
    })

    it('relaunches as usual when a restart handler declines, throws, or was removed', () => {
      const { relaunch, runUntil, schedule, log } = scheduleAt('2026-06-10T07:00:00Z')
      const declines = vi.fn(() => false)
      schedule.onRestart(declines)
      schedule.onRestart(() => {
        throw new Error('no update file')
      })
      const removed = vi.fn(() => true)
      schedule.onRestart(removed)()
      runUntil('2026-06-10T07:30:30Z')
      expect(declines).toHaveBeenCalled()
      expect(removed).not.toHaveBeenCalled()
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('restart handler failed'), expect.any(Error))
      expect(relaunch).toHaveBeenCalledTimes(1)
    })
  })

  describe('the display', () => {
    it('stays awake all the time on the default hours', () => {
      const { displayBlocker, runUntil, schedule } = scheduleAt('2026-06-10T05:00:00Z')
      expect(displayBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep')
      runUntil('2026-06-17T05:00:00Z')
      expect(displayBlocker.start).toHaveBeenCalledTimes(1)
      expect(displayBlocker.stop).not.toHaveBeenCalled()
      expect(schedule.isOpen()).toBe(true)
    })

    it('may sleep outside opening hours and is kept awake again at opening', () => {
      // Wednesday 2026-06-10 07:00 EDT: closed.
      const { displayBlocker, runUntil, schedule } = scheduleAt('2026-06-10T11:00:00Z', { openingHours: CLINIC_WEEK })
      expect(displayBlocker.start).not.toHaveBeenCalled()
      expect(schedule.isOpen()).toBe(false)
      runUntil('2026-06-10T12:00:30Z')
      expect(displayBlocker.start).toHaveBeenCalledExactlyOnceWith('prevent-display-sleep')
      expect(schedule.isOpen()).toBe(true)
      runUntil('2026-06-10T22:00:30Z')
      expect(displayBlocker.stop).toHaveBeenCalledExactlyOnceWith(7)
      expect(schedule.isOpen()).toBe(false)
    })

    it('follows staff changes to the hours at the next check', () => {
      const { displayBlocker, config } = scheduleAt('2026-06-10T11:00:00Z', { openingHours: CLINIC_WEEK })
      config.openingHours = { ...CLINIC_WEEK, wed: { opens: '06:00', closes: '18:00' } }
      vi.advanceTimersByTime(30_000)
      expect(displayBlocker.start).toHaveBeenCalledTimes(1)
    })
  })
})

describe('opening hours by the local clock', () => {
  it('is open from opening to closing time, by weekday', () => {
    expect(isOpenAt(CLINIC_WEEK, new Date(2026, 5, 10, 7, 59))).toBe(false)
    expect(isOpenAt(CLINIC_WEEK, new Date(2026, 5, 10, 8, 0))).toBe(true)
    expect(isOpenAt(CLINIC_WEEK, new Date(2026, 5, 10, 17, 59))).toBe(true)
    expect(isOpenAt(CLINIC_WEEK, new Date(2026, 5, 10, 18, 0))).toBe(false)
    expect(isOpenAt(CLINIC_WEEK, new Date(2026, 5, 14, 10, 0))).toBe(false)
    expect(isOpenAt(DEFAULT_CONFIG.openingHours, new Date(2026, 5, 14, 23, 59))).toBe(true)
  })

  it('follows the wall clock across both changes of the clocks', () => {
    const early = { ...CLINIC_WEEK, sun: { opens: '01:30', closes: '02:30' } }
    // Spring forward: 01:59 EST, then 03:00 EDT; the hour 02:00 to 03:00 never shows.
    expect(isOpenAt(early, new Date('2026-03-08T06:45:00Z'))).toBe(true)
    expect(isOpenAt(early, new Date('2026-03-08T07:05:00Z'))).toBe(false)
    // Fall back: 01:30 to 02:00 shows twice, and the kiosk is open both times.
    expect(isOpenAt(early, new Date('2026-11-01T05:45:00Z'))).toBe(true)
    expect(isOpenAt(early, new Date('2026-11-01T06:45:00Z'))).toBe(true)
  })

  it('finds the next opening, over a closed weekend, and none for a kiosk that never closes', () => {
    // Saturday 2026-06-13 12:00: closed until Monday 08:00.
    expect(nextOpening(CLINIC_WEEK, new Date(2026, 5, 13, 12, 0))).toEqual(new Date(2026, 5, 15, 8, 0))
    expect(nextOpening(CLINIC_WEEK, new Date(2026, 5, 10, 6, 0))).toEqual(new Date(2026, 5, 10, 8, 0))
    expect(nextOpening(DEFAULT_CONFIG.openingHours, new Date(2026, 5, 10, 6, 0))).toBeNull()
    const closedWeek = Object.fromEntries(Object.keys(CLINIC_WEEK).map((day) => [day, null])) as OpeningHours
    expect(nextOpening(closedWeek, new Date(2026, 5, 10, 6, 0))).toBeNull()
  })

  it('takes the next restart time today when it is still to come, else tomorrow', () => {
    expect(nextLocalTime('03:30', new Date(2026, 5, 10, 3, 29))).toEqual(new Date(2026, 5, 10, 3, 30))
    expect(nextLocalTime('03:30', new Date(2026, 5, 10, 3, 30))).toEqual(new Date(2026, 5, 11, 3, 30))
  })
})

describe('whether the kiosk rests', () => {
  it('believes the last heartbeat only while it is recent', () => {
    let now = 0
    const rest = createRestingState(() => now)
    expect(rest.isResting()).toBe(false)
    rest.report(true)
    expect(rest.isResting()).toBe(true)
    now += 20_000
    expect(rest.isResting()).toBe(true)
    rest.report(false)
    expect(rest.isResting()).toBe(false)
    rest.report(true)
    now += 26_000
    expect(rest.isResting()).toBe(false)
  })
})
