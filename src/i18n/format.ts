import type { ContentScreen } from '../content/journey'
import { CONTENT_REVIEWED_ON, shortSourceNames } from '../content/sources'
import { isolate } from '.'

/** The short names of a screen's sources as a list in the reader's language, e.g. "NHS, AAFP and FDA". */
export function sourceNamesText(locale: string, screen: ContentScreen): string {
  return isolate(new Intl.ListFormat(locale, { type: 'conjunction' }).format(shortSourceNames(screen)))
}

/** The date the content was last checked, written out in the reader's language. */
export function reviewedOnText(locale: string): string {
  return isolate(
    new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(CONTENT_REVIEWED_ON)),
  )
}
