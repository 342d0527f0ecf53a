/**
 * The clinic's opening hours and the daily restart, in the kiosk's local time.
 * Shared by the main process (restart, display sleep) and the renderer (the
 * closed screen), so both runtimes agree on when the clinic is open.
 *
 * Daylight-saving changes follow JavaScript's local-time rules (ECMAScript's
 * LocalTime): a time the spring-forward skips (02:30 when clocks jump from
 * 02:00 to 03:00) happens an hour later by the clock (03:30, the same time
 * after the change); a time the fall-back repeats (01:30 when clocks go from
 * 02:00 back to 01:00) is its first occurrence only. Opening hours compare
 * the clock on the wall, so a clinic opening at 02:30 on a spring-forward day
 * is open from 03:00.
 */
import type { OpeningHours } from './contract'
import { WEEKDAYS } from './contract-constants'

/** Minutes since midnight of an "HH:MM" time; "24:00" is the end of the day (1440). */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(':').map(Number)
  return hours! * 60 + minutes!
}

/** The "HH:MM" time `minutes` after midnight; 1440 is "24:00", the end of the day. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

/** The instant the local clock shows `time` ("HH:MM", or "24:00" for the next midnight) on the day `day` falls on. */
export function atLocalTime(day: Date, time: string): Date {
  const minutes = minutesOf(time)
  return new Date(day.getFullYear(), day.getMonth(), day.getDate(), Math.floor(minutes / 60), minutes % 60)
}

/** The next instant after `after` when the local clock shows `time`: today's, or else tomorrow's. */
export function nextLocalTime(time: string, after: Date): Date {
  const today = atLocalTime(after, time)
  if (today.getTime() > after.getTime()) return today
  return atLocalTime(new Date(after.getFullYear(), after.getMonth(), after.getDate() + 1), time)
}

/** Whether the clinic is open at `at` by its local clock. */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  const today = hours[WEEKDAYS[at.getDay()]!]
  if (!today) return false
  const minutes = at.getHours() * 60 + at.getMinutes()
  return minutes >= minutesOf(today.opens) && minutes < minutesOf(today.closes)
}

/** When the clinic next opens after `after` (within the coming week), or null if it is never open. */
export function nextOpening(hours: OpeningHours, after: Date): Date | null {
  for (let days = 0; days <= WEEKDAYS.length; days++) {
    const day = new Date(after.getFullYear(), after.getMonth(), after.getDate() + days)
    const hoursThatDay = hours[WEEKDAYS[day.getDay()]!]
    if (!hoursThatDay) continue
    const opens = atLocalTime(day, hoursThatDay.opens)
    if (opens.getTime() > after.getTime() && !isOpenAt(hours, new Date(opens.getTime() - 60_000))) return opens
  }
  return null
}
