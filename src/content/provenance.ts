import { isolate } from '../i18n'
import { CLINICAL_REVIEW, type ClinicalReview } from './sources'

/** A message lookup in the reader's language, as `t` or a handout copy's own `tr`. */
type Translate = (key: string, named?: Record<string, unknown>) => string

/**
 * Who reviewed the content clinically (name, role, date in the reader's
 * language), or that no clinician has reviewed it yet. Never claims more than
 * CLINICAL_REVIEW records.
 */
export function clinicalReviewText(
  translate: Translate,
  locale: string,
  review: ClinicalReview | null = CLINICAL_REVIEW,
): string {
  if (!review) return translate('sources.notReviewed')
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(review.reviewedOn),
  )
  return translate('sources.clinicalReview', {
    reviewer: isolate(review.reviewer),
    role: isolate(review.role),
    date: isolate(date),
  })
}
