import { z } from 'zod'
import { UsageDaysSchema, type UsageCounter, type UsageDays } from '../contract'
import { readJsonFile, writeJsonFile } from './json-file'
import type { Logger } from './logger'

/** Days of figures kept; older days are dropped at the next save. */
export const USAGE_DAYS_KEPT = 365

/** The usage file: counts per day, nothing else (no times finer than a day, no choices, nothing about a visitor). */
const UsageFileSchema = z.strictObject({ version: z.literal(1), days: UsageDaysSchema })

/** Anonymous daily usage counters kept in a file the kiosk owns. */
export interface UsageCounters {
  /** Adds one to today's count; the file is saved in the background. */
  increment(counter: UsageCounter): void
  /** A copy of every kept day's counts. */
  days(): UsageDays
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
  const days: UsageDays = (await readJsonFile(file, UsageFileSchema, { log, now }))?.days ?? {}
  let saving = Promise.resolve()

  function prune(): void {
    const oldestKept = localDay(now() - (USAGE_DAYS_KEPT - 1) * 86_400_000)
    for (const day of Object.keys(days)) if (day < oldestKept) delete days[day]
  }

  return {
    increment(counter) {
      const today = (days[localDay(now())] ??= {})
      today[counter] = (today[counter] ?? 0) + 1
      prune()
      const snapshot = { version: 1, days: structuredClone(days) }
      saving = saving
        .then(() => writeJsonFile(file, snapshot))
        .catch((error: unknown) => log.error(`Usage figures could not be saved to ${file}`, error))
    },
    days: () => structuredClone(days),
    flushed: () => saving,
  }
}
