import { USAGE_COUNTERS, type UsageDays } from './contract'

/**
 * The usage figures as CSV for a spreadsheet: one row per day (oldest first),
 * one column per counter, 0 where nothing was counted.
 */
export function usageCsv(days: UsageDays): string {
  const rows = Object.keys(days)
    .sort()
    .map((day) => [day, ...USAGE_COUNTERS.map((counter) => String(days[day]?.[counter] ?? 0))].join(','))
  return `${['day', ...USAGE_COUNTERS].join(',')}\n${rows.map((row) => `${row}\n`).join('')}`
}
