import { describe, expect, it } from 'vitest'
import { clinicalReviewText } from '../../../src/content/provenance'
import { i18n } from '../../../src/i18n'

const t = (key: string, named: Record<string, unknown> = {}) => i18n.global.t(key, named, { locale: 'en' })

describe('clinical review line', () => {
  it('says that no health professional has checked the content while there is no review', () => {
    expect(clinicalReviewText(t, 'en', null)).toBe('Not yet checked by a health professional.')
  })

  it('names the reviewer, their role and the date, each isolated for right-to-left text', () => {
    const line = clinicalReviewText(t, 'en', { reviewer: 'Dr A. Example', role: 'GP', reviewedOn: '2027-01-15' })
    expect(line).toBe(
      'Checked by a health professional: \u2068Dr A. Example\u2069, \u2068GP\u2069, on \u2068January 15, 2027\u2069',
    )
  })
})
