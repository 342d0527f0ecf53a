import statuses from 'virtual:translation-reviews'
import type { KioskConfig, LocaleTag } from '../../electron/contract'
import { isLocaleTag, isReviewed, SOURCE_LOCALE, type DisplayLocale, type ReviewStatus } from './locales'

/** A shipped language's review status in this build (locales/reviews/, checked against the messages at build time). */
export function reviewStatus(tag: LocaleTag): ReviewStatus {
  return statuses[tag]
}

/**
 * Whether visitors reading this language see the translation notice: a
 * translation nobody has reviewed, or one changed since its review. The
 * pseudo-locale shows it too: it stands in for the longest translation, so the
 * layout checks in every language cover the notice.
 */
export function showsTranslationNotice(tag: DisplayLocale): boolean {
  return !isLocaleTag(tag) || !isReviewed(reviewStatus(tag))
}

/**
 * The languages visitors are offered, in the staff's order: every enabled
 * language, or with `reviewedLanguagesOnly` only the source and the reviewed
 * translations (not those changed since their review). English, the source, is
 * offered when that would leave none, so a visitor always has a language.
 */
export function offeredLocales(
  config: Pick<KioskConfig, 'enabledLocales' | 'reviewedLanguagesOnly'>,
  statusOf: (tag: LocaleTag) => ReviewStatus = reviewStatus,
): LocaleTag[] {
  if (!config.reviewedLanguagesOnly) return [...config.enabledLocales]
  const reviewed = config.enabledLocales.filter((tag) => isReviewed(statusOf(tag)))
  return reviewed.length > 0 ? reviewed : [SOURCE_LOCALE]
}

/**
 * The language the kiosk shows after each reset: the staff's default when it is
 * offered, else English (the source) when that is offered, else the first
 * offered language.
 */
export function visitorDefaultLocale(defaultLocale: LocaleTag, offered: readonly LocaleTag[]): LocaleTag {
  if (offered.includes(defaultLocale)) return defaultLocale
  return offered.includes(SOURCE_LOCALE) ? SOURCE_LOCALE : offered[0]!
}
