import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS } from '../../../electron/contract'
import {
  contentVersion,
  readMessages,
  readReviewRecord,
  reviewRecordPath,
  ReviewRecordSchema,
  reviewStatus,
  reviewStatuses,
  visitorMessages,
  writeReviewRecord,
  type Messages,
} from '../../../scripts/translation-reviews'
import { copyOfLocales, LOCALES_DIR } from '../../support/locale-copies'

const REVIEWED = {
  status: 'reviewed',
  draftedOn: '2026-11-26',
  reviewer: 'Ana García',
  qualification: 'Certified medical translator (ATA)',
  reviewedOn: '2026-12-01',
  contentVersion: `sha256:${'0'.repeat(64)}`,
} as const

const english: Messages = {
  about: { title: 'What is a night leg cramp?', count: 'None | One | {count} things' },
  printed: { title: 'Night leg cramps' },
  staff: { save: 'Save' },
}
const spanish: Messages = {
  about: { title: '¿Qué es un calambre?', count: 'Nada | Uno | {count} cosas | {count} cosas' },
  printed: { title: 'Calambres' },
  staff: { save: 'Guardar' },
}
const edited = (messages: Messages, section: string, key: string, text: string): Messages => ({
  ...messages,
  [section]: { ...(messages[section] as Messages), [key]: text },
})

describe('the review records in locales/reviews', () => {
  it.each(LOCALE_TAGS)('%s has a valid record', (tag) => {
    const record = readReviewRecord(LOCALES_DIR, tag)
    if (tag === 'en') expect(record).toEqual({ status: 'source' })
    else expect(['machine-draft', 'reviewed']).toContain(record.status)
  })

  it('keep that the seven translations were machine-drafted on 2026-12-01', () => {
    for (const tag of LOCALE_TAGS.filter((other) => other !== 'en')) {
      const record = readReviewRecord(LOCALES_DIR, tag)
      expect(record.status !== 'source' && record.draftedOn, tag).toBe('2026-12-01')
    }
  })

  it('are files as the import writes them', () => {
    for (const tag of LOCALE_TAGS) {
      const text = readFileSync(reviewRecordPath(LOCALES_DIR, tag), 'utf8')
      expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`)
    }
  })
})

describe('the review record schema', () => {
  it('accepts the source, a machine draft and a review with its content version', () => {
    for (const record of [{ status: 'source' }, { status: 'machine-draft', draftedOn: '2026-11-26' }, REVIEWED]) {
      expect(ReviewRecordSchema.safeParse(record).success, JSON.stringify(record)).toBe(true)
    }
  })

  it.each([
    ['no qualification', { ...REVIEWED, qualification: undefined }],
    ['an empty reviewer', { ...REVIEWED, reviewer: '  ' }],
    ['a reviewer with a bidi override', { ...REVIEWED, reviewer: 'Ana \u202eGarcía' }],
    ['a date that does not exist', { ...REVIEWED, reviewedOn: '2026-02-30' }],
    ['a date in another format', { ...REVIEWED, reviewedOn: '01/12/2026' }],
    ['a content version that is no SHA-256', { ...REVIEWED, contentVersion: 'v1' }],
    ['an unknown field', { ...REVIEWED, comment: 'looks fine' }],
    ['a review without a date', { ...REVIEWED, reviewedOn: undefined }],
    ['an unknown status', { status: 'approved' }],
    ['a machine draft without its date', { status: 'machine-draft' }],
  ])('refuses %s', (_, record) => {
    expect(ReviewRecordSchema.safeParse(record).success).toBe(false)
  })

  it('refuses a translation recorded as the source, and English recorded as a translation', () => {
    const dir = copyOfLocales()
    writeFileSync(reviewRecordPath(dir, 'es'), JSON.stringify({ status: 'source' }))
    expect(() => readReviewRecord(dir, 'es')).toThrow(/only en is the source/)
    writeFileSync(reviewRecordPath(dir, 'en'), JSON.stringify({ status: 'machine-draft', draftedOn: '2026-11-26' }))
    expect(() => readReviewRecord(dir, 'en')).toThrow(/only en is the source/)
  })

  it('names the file and the field of an invalid record', () => {
    const dir = copyOfLocales()
    writeFileSync(reviewRecordPath(dir, 'pl'), JSON.stringify({ ...REVIEWED, reviewedOn: 'yesterday' }))
    expect(() => readReviewRecord(dir, 'pl')).toThrow(/pl\.json is not a valid review record[\s\S]*reviewedOn/)
  })
})

describe('the content version', () => {
  const version = contentVersion(english, spanish)

  it('is a SHA-256 of the visitor messages of the translation and the English', () => {
    expect(version).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(contentVersion(structuredClone(english), structuredClone(spanish))).toBe(version)
  })

  it('changes when one message of the translation changes', () => {
    expect(contentVersion(english, edited(spanish, 'about', 'title', '¿Qué es un calambre nocturno?'))).not.toBe(
      version,
    )
  })

  it('changes when the English it translates changes, the handout included', () => {
    expect(contentVersion(edited(english, 'about', 'title', 'What is a leg cramp?'), spanish)).not.toBe(version)
    expect(contentVersion(english, edited(spanish, 'printed', 'title', 'Calambres nocturnos'))).not.toBe(version)
  })

  it('does not change with the staff section or the order of keys in the file', () => {
    expect(contentVersion(english, edited(spanish, 'staff', 'save', 'Guardar ahora'))).toBe(version)
    const reordered = { staff: spanish.staff!, printed: spanish.printed!, about: spanish.about! }
    expect(contentVersion(english, reordered)).toBe(version)
  })

  it('covers every message but the staff section', () => {
    expect(visitorMessages(english).map(([key]) => key)).toEqual(['about.title', 'about.count', 'printed.title'])
  })
})

describe('review status', () => {
  it('is the source, a machine draft, reviewed, or changed since the review', () => {
    const version = contentVersion(english, spanish)
    expect(reviewStatus({ status: 'source' }, version)).toEqual({ state: 'source' })
    expect(reviewStatus({ status: 'machine-draft', draftedOn: '2026-11-26' }, version)).toEqual({
      state: 'machine-draft',
      draftedOn: '2026-11-26',
    })
    const review = { ...REVIEWED, contentVersion: version }
    const { reviewer, qualification, reviewedOn } = review
    expect(reviewStatus(review, version)).toEqual({ state: 'reviewed', reviewer, qualification, reviewedOn })
    const later = contentVersion(english, edited(spanish, 'about', 'title', '¿Qué es?'))
    expect(reviewStatus(review, later)).toEqual({ state: 'changed', reviewer, qualification, reviewedOn })
  })

  it('of a reviewed language flips to "changed since review" when one of its messages changes', () => {
    const dir = copyOfLocales()
    const version = contentVersion(readMessages(dir, 'en'), readMessages(dir, 'vi'))
    writeReviewRecord(dir, 'vi', { ...REVIEWED, contentVersion: version })
    expect(reviewStatuses(dir).vi.state).toBe('reviewed')

    const messages = readMessages(dir, 'vi')
    ;(messages.attract as Messages).title = 'Chuột rút chân về đêm'
    writeFileSync(join(dir, 'vi.json'), JSON.stringify(messages))
    expect(reviewStatuses(dir).vi).toEqual({
      state: 'changed',
      reviewer: REVIEWED.reviewer,
      qualification: REVIEWED.qualification,
      reviewedOn: REVIEWED.reviewedOn,
    })
  })

  it('is computed from the repository for every language, English the source', () => {
    const statuses = reviewStatuses(LOCALES_DIR)
    expect(Object.keys(statuses)).toEqual([...LOCALE_TAGS])
    expect(statuses.en).toEqual({ state: 'source' })
  })
})
