import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { localDay, openUsageCounters, USAGE_DAYS_KEPT } from '../../../electron/main/usage-counters'
import { fakeLog } from './fake-log'

const DAY_MS = 86_400_000

describe('anonymous usage counters', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-usage-'))
    file = join(dir, 'usage.json')
  })

  it('counts per local day and keeps the counts across a restart', async () => {
    let now = new Date(2026, 10, 26, 9, 30).getTime()
    const counters = await openUsageCounters(file, { log: fakeLog(), now: () => now })
    counters.increment('handoutsPrinted')
    counters.increment('handoutsPrinted')
    counters.increment('printFailures')
    now += DAY_MS
    counters.increment('handoutsPrinted')
    await counters.flushed()

    const reopened = await openUsageCounters(file, { log: fakeLog(), now: () => now })
    expect(reopened.days()).toEqual({
      '2026-11-26': { handoutsPrinted: 2, printFailures: 1 },
      '2026-11-27': { handoutsPrinted: 1 },
    })
  })

  it('stores nothing but day keys and whole counts', async () => {
    const counters = await openUsageCounters(file, { log: fakeLog(), now: () => Date.UTC(2026, 10, 26, 12) })
    counters.increment('handoutsPrinted')
    await counters.flushed()
    const stored = JSON.parse(await readFile(file, 'utf8')) as {
      version: number
      days: Record<string, object>
      carried: object
    }
    expect(Object.keys(stored)).toEqual(['version', 'days', 'carried'])
    for (const [day, counts] of Object.entries(stored.days)) {
      expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      for (const value of Object.values(counts)) expect(Number.isInteger(value)).toBe(true)
    }
    for (const value of Object.values(stored.carried)) expect(Number.isInteger(value)).toBe(true)
  })

  it(`keeps ${USAGE_DAYS_KEPT} days and drops older ones`, async () => {
    const today = new Date(2026, 10, 26, 12).getTime()
    const oldest = localDay(today - (USAGE_DAYS_KEPT - 1) * DAY_MS)
    const tooOld = localDay(today - USAGE_DAYS_KEPT * DAY_MS)
    await writeFile(
      file,
      JSON.stringify({ version: 1, days: { [tooOld]: { handoutsPrinted: 4 }, [oldest]: { printFailures: 1 } } }),
    )
    const counters = await openUsageCounters(file, { log: fakeLog(), now: () => today })
    counters.increment('handoutsPrinted')
    expect(Object.keys(counters.days()).sort()).toEqual([oldest, localDay(today)])
    // The dropped day's counts still count in the lifetime totals, so they never go down.
    expect(counters.completedDayTotals()).toEqual({ handoutsPrinted: 4, printFailures: 1 })
  })

  it("totals only the days that have ended: today's counts join after midnight", async () => {
    let now = new Date(2026, 10, 26, 14, 2).getTime()
    const counters = await openUsageCounters(file, { log: fakeLog(), now: () => now })
    counters.increment('sessionsStarted')
    counters.increment('sessions.ar')
    expect(counters.completedDayTotals()).toEqual({})
    now = new Date(2026, 10, 27, 0, 0, 1).getTime()
    counters.increment('sessionsStarted')
    expect(counters.completedDayTotals()).toEqual({ sessionsStarted: 1, 'sessions.ar': 1 })
    await counters.flushed()
    const reopened = await openUsageCounters(file, { log: fakeLog(), now: () => now })
    expect(reopened.completedDayTotals()).toEqual({ sessionsStarted: 1, 'sessions.ar': 1 })
  })

  it('moves a broken file aside, says why, and starts counting afresh', async () => {
    await writeFile(file, JSON.stringify({ version: 1, days: { '2026-11-26': { handoutsPrinted: -3 } } }))
    const log = fakeLog()
    const counters = await openUsageCounters(file, { log, now: () => Date.UTC(2026, 10, 26, 12) })
    expect(counters.days()).toEqual({})
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('handoutsPrinted'))
    expect((await readdir(dir)).some((name) => name.startsWith('usage.json.bad-'))).toBe(true)
  })

  it('refuses to store visitor details smuggled into the file', async () => {
    await writeFile(file, JSON.stringify({ version: 1, days: { '2026-11-26': { chosen: 'pregnant' } } }))
    const counters = await openUsageCounters(file, { log: fakeLog(), now: () => Date.UTC(2026, 10, 26, 12) })
    expect(counters.days()).toEqual({})
  })
})
