/**
 * Translation review records and the content version a review is made against.
 *
 * Each language has a record in locales/reviews/<tag>.json: English is the
 * source; a translation is a machine draft (with its date) until a qualified
 * medical translator reviews it, and the record then names the reviewer, their
 * qualification, the date and the content version they reviewed. The content
 * version is a SHA-256 of the language's visitor messages together with the
 * English messages they translate, so a change to either shows as "changed
 * since review". The build (the renderer's review statuses), the tests and the
 * review kit all use this one module.
 *
 * The staff section is left out of the content version and of the review: staff
 * read it in the clinic's language, it is no patient information, and each new
 * staff setting would otherwise mark every reviewed language "changed since
 * review" (and, with reviewedLanguagesOnly on, hide it from visitors).
 */
import { createHash } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { LOCALE_TAGS, type LocaleTag } from '../electron/contract'
import { JOURNEY } from '../src/content/journey'
import { SOURCE_LOCALE, type ReviewStatus } from '../src/i18n/locales'

/** A locale file's messages, nested by screen. */
export type Messages = { [key: string]: string | Messages }

/** Top-level sections of a locale file that visitors never see (see the module comment). */
const STAFF_SECTIONS: ReadonlySet<string> = new Set(['staff'])

/**
 * Sections that follow the handout screen in reading order: its print messages,
 * then the printed handout itself.
 */
const AFTER_HANDOUT = ['print', 'printed']

const IsoDate = z.iso.date()
/** A name or qualification: one line of plain text (no control or text-direction characters). */
const Line = z
  .string()
  .trim()
  .min(1)
  .max(120)
  .refine((text) => !/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u.test(text), 'Control and text-direction characters are not allowed')

/** Schema of a content version: "sha256:" and 64 hex digits. */
const ContentVersion = z.string().regex(/^sha256:[0-9a-f]{64}$/, 'A content version is sha256: and 64 hex digits')

/** Schema of the record of a translation a qualified medical translator has reviewed. */
export const ReviewedRecordSchema = z.strictObject({
  status: z.literal('reviewed'),
  /** When the translation was machine-drafted, if it was. */
  draftedOn: IsoDate.optional(),
  reviewer: Line,
  qualification: Line,
  reviewedOn: IsoDate,
  /** What was reviewed: contentVersion() of the translation and the English at the time. */
  contentVersion: ContentVersion,
})

/** Schema of a review record (locales/reviews/<tag>.json). */
export const ReviewRecordSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('source') }),
  z.strictObject({ status: z.literal('machine-draft'), draftedOn: IsoDate }),
  ReviewedRecordSchema,
])
/** One language's review record. */
export type ReviewRecord = z.infer<typeof ReviewRecordSchema>

/** Every message as [dotted.key, text], in file order. */
export function flattenMessages(messages: Messages, prefix = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [[prefix + key, value] as [string, string]]
      : flattenMessages(value, `${prefix}${key}.`),
  )
}

/**
 * The sections visitors read, in reading order: the journey's screens, the
 * handout's print messages and the printed handout after the handout screen,
 * then every other visitor section (navigation, sources, drawings' descriptions,
 * idle warning…) in file order. Each with its messages as [dotted.key, text].
 */
export function visitorSections(messages: Messages): Array<[string, Array<[string, string]>]> {
  const journey = JOURNEY.flatMap((screen) => (screen === 'handout' ? [screen, ...AFTER_HANDOUT] : [screen]))
  const names = Object.keys(messages).filter((name) => !STAFF_SECTIONS.has(name))
  const ordered = [
    ...journey.filter((name) => names.includes(name)),
    ...names.filter((name) => !journey.includes(name)),
  ]
  return ordered.map((name) => {
    const section = messages[name]!
    return [name, typeof section === 'string' ? [[name, section]] : flattenMessages(section, `${name}.`)]
  })
}

/** The visitor messages of a locale (everything but the staff section), as [dotted.key, text] in reading order. */
export function visitorMessages(messages: Messages): Array<[string, string]> {
  return visitorSections(messages).flatMap(([, entries]) => entries)
}

/**
 * The content version of a translation: SHA-256 over its visitor messages and
 * the English visitor messages, each sorted by key (so moving a key in the file
 * changes nothing, and changing any text in either language changes the version).
 */
export function contentVersion(english: Messages, translation: Messages): string {
  const sorted = (messages: Messages) => visitorMessages(messages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const canonical = JSON.stringify({ source: sorted(english), translation: sorted(translation) })
  return `sha256:${createHash('sha256').update(canonical, 'utf8').digest('hex')}`
}

/** What a record means for the messages as they are now (`version`: their content version). */
export function reviewStatus(record: ReviewRecord, version: string): ReviewStatus {
  if (record.status === 'source') return { state: 'source' }
  if (record.status === 'machine-draft') return { state: 'machine-draft', draftedOn: record.draftedOn }
  const { reviewer, qualification, reviewedOn } = record
  return { state: record.contentVersion === version ? 'reviewed' : 'changed', reviewer, qualification, reviewedOn }
}

/** Reads locales/<tag>.json from a locales folder. */
export function readMessages(localesDir: string, tag: LocaleTag): Messages {
  return JSON.parse(readFileSync(join(localesDir, `${tag}.json`), 'utf8')) as Messages
}

/** The path of a language's review record in a locales folder. */
export function reviewRecordPath(localesDir: string, tag: LocaleTag): string {
  return join(localesDir, 'reviews', `${tag}.json`)
}

/**
 * Reads and validates a language's review record. Throws, naming the file, when
 * it is missing or invalid, or when it calls a translation the source (or the
 * source a translation): a build never runs on a record it cannot trust.
 */
export function readReviewRecord(localesDir: string, tag: LocaleTag): ReviewRecord {
  const file = reviewRecordPath(localesDir, tag)
  const parsed = ReviewRecordSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')))
  if (!parsed.success) throw new Error(`${file} is not a valid review record:\n${z.prettifyError(parsed.error)}`)
  if ((parsed.data.status === 'source') !== (tag === SOURCE_LOCALE)) {
    throw new Error(`${file}: only ${SOURCE_LOCALE} is the source; every other language is a translation`)
  }
  return parsed.data
}

/** Writes a language's review record (validated first), formatted as the repository keeps it. */
export function writeReviewRecord(localesDir: string, tag: LocaleTag, record: ReviewRecord): void {
  writeFileSync(reviewRecordPath(localesDir, tag), `${JSON.stringify(ReviewRecordSchema.parse(record), null, 2)}\n`)
}

/** Every shipped language's review status, from the records and messages in a locales folder. */
export function reviewStatuses(localesDir: string): Record<LocaleTag, ReviewStatus> {
  const english = readMessages(localesDir, SOURCE_LOCALE)
  return Object.fromEntries(
    LOCALE_TAGS.map((tag) => [
      tag,
      reviewStatus(readReviewRecord(localesDir, tag), contentVersion(english, readMessages(localesDir, tag))),
    ]),
  ) as Record<LocaleTag, ReviewStatus>
}
