import { WEEKDAYS, type Weekday } from '../../electron/contract-constants'
import { atLocalTime } from '../../electron/opening-hours'
import type { ContentScreen } from '../content/journey'
import { CONTENT_REVIEWED_ON, shortSourceNames } from '../content/sources'
import { isolate } from '.'

/**
 * The short names of a screen's sources as a list in the reader's language, e.g. "NHS, AAFP and FDA".
 * Each name is isolated, the commas and "and" are not: so in Arabic and Urdu the list runs right to left,
 * with the Latin names each reading left to right in their places.
 */
export function sourceNamesText(locale: string, screen: ContentScreen): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' })
    .formatToParts(shortSourceNames(screen))
    .map((part) => (part.type === 'element' ? isolate(part.value) : part.value))
    .join('')
}

/** The date the content was last checked, written out in the reader's language. */
export function reviewedOnText(locale: string): string {
  return isolate(
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(CONTENT_REVIEWED_ON)),
  )
}

/** A Sunday, from which each weekday's name is written out. */
const A_SUNDAY = new Date(2026, 5, 7)

/** The name of a day of the week in the reader's language, e.g. "Tuesday", "الثلاثاء". */
export function weekdayName(locale: string, day: Weekday): string {
  const date = new Date(A_SUNDAY.getFullYear(), A_SUNDAY.getMonth(), A_SUNDAY.getDate() + WEEKDAYS.indexOf(day))
  return new Intl.DateTimeFormat(locale, { weekday: 'long' }).format(date)
}

/** An instant's time of day as the reader's language writes it, e.g. "8:00 AM", "08:00", "٨:٠٠ ص". */
export function timeOfDay(locale: string, at: Date): string {
  return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(at)
}

/** An "HH:MM" setting as the reader's language writes a time of day ("24:00" as midnight). */
export function clockTime(locale: string, time: string): string {
  return timeOfDay(locale, atLocalTime(A_SUNDAY, time))
}
