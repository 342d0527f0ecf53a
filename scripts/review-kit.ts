/**
 * The translation review kit (run with `npm run review-kit -- …`).
 *
 *   review-kit <tag> [--out <dir>]
 *     writes <tag>.pdf (English | translation | notes, screen by screen) and
 *     <tag>.xliff (XLIFF 2.0) into review-kit/<tag>/ for a medical translator.
 *   review-kit import <file.xliff> --reviewer "<name>" --qualification "<qualification>" --date YYYY-MM-DD
 *     reads a returned file back: locales/<tag>.json gets the reviewed targets
 *     (only changed messages change) and locales/reviews/<tag>.json the review
 *     record with the new content version. A file with any problem (a missing
 *     or broken placeholder, a wrong number of plural forms…) is refused, with
 *     every problem named by unit, and nothing is written.
 *
 * `--locales <dir>` works on another locales folder instead of locales/ (the tests use a copy).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { LOCALE_TAGS, type LocaleTag } from '../electron/contract'
import { SOURCE_LOCALE } from '../src/i18n/locales'
import { writeReviewPdf } from './review-pdf'
import { exportXliff, importXliff } from './review-xliff'
import {
  contentVersion,
  readMessages,
  readReviewRecord,
  ReviewedRecordSchema,
  reviewStatus,
  writeReviewRecord,
} from './translation-reviews'

const root = join(import.meta.dirname, '..')
const USAGE = `Usage:
  npm run review-kit -- <tag> [--out <dir>] [--locales <dir>]
  npm run review-kit -- import <file.xliff> --reviewer "<name>" --qualification "<qualification>" --date YYYY-MM-DD [--locales <dir>]
Languages: ${LOCALE_TAGS.filter((tag) => tag !== SOURCE_LOCALE).join(', ')}`

/** A mistake in how the kit was called: shown with the usage. */
class UsageError extends Error {}

function translationTag(value: string | undefined): LocaleTag {
  const tag = LOCALE_TAGS.find((known) => known === value)
  if (!tag) throw new UsageError(`"${value ?? ''}" is not a language the kiosk ships`)
  if (tag === SOURCE_LOCALE)
    throw new UsageError(`${SOURCE_LOCALE} is the source text: there is no translation to review`)
  return tag
}

/** Writes the PDF and the XLIFF file for one language. */
async function exportKit(tag: LocaleTag, localesDir: string, outDir: string): Promise<void> {
  const english = readMessages(localesDir, SOURCE_LOCALE)
  const translation = readMessages(localesDir, tag)
  const version = contentVersion(english, translation)
  const status = reviewStatus(readReviewRecord(localesDir, tag), version)
  mkdirSync(outDir, { recursive: true })
  const xliffFile = join(outDir, `${tag}.xliff`)
  const pdfFile = join(outDir, `${tag}.pdf`)
  writeFileSync(xliffFile, await exportXliff(tag, english, translation))
  await writeReviewPdf(pdfFile, { tag, english, translation, contentVersion: version, status })
  console.log(`Review kit for ${tag} (content version ${version}):\n  ${pdfFile}\n  ${xliffFile}`)
}

/** Reads a returned XLIFF file into the locale file and writes the review record; refuses it whole on any problem. */
async function importKit(
  file: string,
  review: { reviewer?: string; qualification?: string; date?: string },
  localesDir: string,
): Promise<void> {
  const missing = (['reviewer', 'qualification', 'date'] as const).filter((option) => !review[option]?.trim())
  if (missing.length > 0) throw new UsageError(`import needs ${missing.map((option) => `--${option}`).join(', ')}`)
  if (!z.iso.date().safeParse(review.date).success)
    throw new UsageError(`--date ${review.date} is not a day (YYYY-MM-DD)`)
  if (review.date! > new Date().toLocaleDateString('sv')) throw new UsageError(`--date ${review.date} is in the future`)
  const imported = await importXliff(readFileSync(file, 'utf8'), (tag) => readMessages(localesDir, tag))
  const previous = readReviewRecord(localesDir, imported.tag)
  const record = ReviewedRecordSchema.safeParse({
    status: 'reviewed',
    ...(previous.status !== 'source' && previous.draftedOn ? { draftedOn: previous.draftedOn } : {}),
    reviewer: review.reviewer,
    qualification: review.qualification,
    reviewedOn: review.date,
    contentVersion: contentVersion(readMessages(localesDir, SOURCE_LOCALE), imported.messages),
  })
  if (!record.success) {
    throw new UsageError(`--reviewer, --qualification or --date is not valid:\n${z.prettifyError(record.error)}`)
  }
  if (imported.changed.length > 0) {
    writeFileSync(join(localesDir, `${imported.tag}.json`), `${JSON.stringify(imported.messages, null, 2)}\n`)
  }
  writeReviewRecord(localesDir, imported.tag, record.data)
  console.log(
    `${imported.tag}: ${imported.changed.length} message(s) changed${imported.changed.map((key) => `\n  ${key}`).join('')}\n` +
      `Review recorded: ${record.data.reviewer} (${record.data.qualification}) on ${record.data.reviewedOn}, ` +
      `content version ${record.data.contentVersion}`,
  )
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      locales: { type: 'string' },
      reviewer: { type: 'string' },
      qualification: { type: 'string' },
      date: { type: 'string' },
    },
  })
  const localesDir = resolve(values.locales ?? join(root, 'locales'))
  if (positionals[0] === 'import') {
    if (positionals.length !== 2) throw new UsageError('import takes one XLIFF file')
    await importKit(resolve(positionals[1]!), values, localesDir)
    return
  }
  if (positionals.length !== 1) throw new UsageError('name one language')
  const tag = translationTag(positionals[0])
  await exportKit(tag, localesDir, resolve(values.out ?? join(root, 'review-kit', tag)))
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error))
  if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error(USAGE)
  }
  process.exitCode = 1
})
