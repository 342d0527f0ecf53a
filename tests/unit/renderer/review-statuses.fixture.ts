import type { LocaleTag } from '../../../electron/contract'
import type { ReviewStatus } from '../../../src/i18n/locales'

const DRAFT: ReviewStatus = { state: 'machine-draft', draftedOn: '2026-11-26' }
const REVIEW = { reviewer: 'Ana García', qualification: 'Certified medical translator', reviewedOn: '2026-12-01' }

/** What renderer tests get for virtual:translation-reviews: Spanish reviewed, Polish changed since its review. */
export default {
  en: { state: 'source' },
  es: { state: 'reviewed', ...REVIEW },
  'zh-Hans': DRAFT,
  vi: DRAFT,
  tl: DRAFT,
  ar: DRAFT,
  pl: { state: 'changed', ...REVIEW },
  ur: DRAFT,
} satisfies Record<LocaleTag, ReviewStatus>
