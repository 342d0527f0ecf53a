import statuses from 'virtual:translation-reviews'
import type { LocaleTag } from '../../electron/contract'
import type { ReviewStatus } from './locales'

/** A shipped language's review status in this build (locales/reviews/, checked against the messages at build time). */
export function reviewStatus(tag: LocaleTag): ReviewStatus {
  return statuses[tag]
}
