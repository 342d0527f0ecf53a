import { z } from 'zod'
import { UsageDaysSchema, type UsageCounter, type UsageDays } from '../contract'
import { readJsonFile, writeJsonFile } from './json-file'
import type { Logger } from './logger'

/** Days of figures kept; older days are dropped at the next save. */
export const USAGE_DAYS_KEPT = 365

/** Counts of days no longer kept, added up, so lifetime totals never go down. */
const CarriedSchema = UsageDaysSchema.valueType

/**
 * The usage file: counts per day, and the added-up counts of days dropped
 * after a year; nothing else (no times finer than a day, no choices, nothing
 * about a visitor). Version 1 had no carried counts.
 */
const UsageFileSchema = z.union([
  z.strictObject({ version: z.literal(2), days: UsageDaysSchema, carried: CarriedSchema }),
  z.strictObject({ version: z.literal(1), days: UsageDaysSchema }),
])

/** Lifetime totals per counter. */
export type UsageTotals = z.infer<typeof CarriedSchema>

/** Anonymous daily usage counters kept in a file the kiosk owns. */
export interface UsageCounters {
  /** Adds one to today's count; the file is saved in the background. */
  increment(counter: UsageCounter): void
  /** A copy of every kept day's counts. */
  days(): UsageDays
  /**
   * Lifetime totals of the days that have ended (today's counts join after
   * midnight), so exported figures are never finer than a day.
   */
  completedDayTotals(): UsageTotals
  /** Resolves when every save so far has reached the disk. */
  flushed(): Promise<void>
}

/** The local calendar day of a moment, as YYYY-MM-DD. */
export function localDay(time: number): string {
  const date = new Date(time)
  const pad = (value: number) => String(value).padStart(2, '0')
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
}

/**
 * Loads the counters from `file` (a broken file is moved aside and counting
 * starts afresh) and saves each change atomically, one save at a time.
 */
export async function openUsageCounters(
  file: string,
  { log, now = Date.now }: { log: Logger; now?: () => number },
): Promise<UsageCounters> {
  const saved = await readJsonFile(file, UsageFileSchema, { log, now })
  const days: UsageDays = saved?.days ?? {}
  const carried: UsageTotals = saved && 'carried' in saved ? saved.carried : {}
  let saving = Promise.resolve()

  function prune(): void {
    const oldestKept = localDay(now() - (USAGE_DAYS_KEPT - 1) * 86_400_000)
    for (const day of Object.keys(days)) {
      if (day >= oldestKept) continue
      addInto(carried, days[day]!)
      delete days[day]
    }
  }

  return {
    increment(counter) {
      const today = (days[localDay(now())] ??= {})
      today[counter] = (today[counter] ?? 0) + 1
      prune()
      const snapshot = { version: 2, days: structuredClone(days), carried: structuredClone(carried) }
      saving = saving
        .then(() => writeJsonFile(file, snapshot))
        .catch((error: unknown) => log.error(`Usage figures could not be saved to ${file}`, error))
    },
    days: () => structuredClone(days),
    completedDayTotals() {
      const today = localDay(now())
      const totals = structuredClone(carried)
      for (const [day, counts] of Object.entries(days)) if (day < today) addInto(totals, counts)
      return totals
    },
    flushed: () => saving,
  }
}

function addInto(totals: UsageTotals, counts: UsageTotals): void {
  for (const [counter, count] of Object.entries(counts) as [keyof UsageTotals, number][]) {
    totals[counter] = (totals[counter] ?? 0) + count
  }
}
