import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { xliff2js } from 'xliff'
import { LOCALE_TAGS, type LocaleTag } from '../../electron/contract'
import { isReviewed } from '../../src/i18n/locales'
import {
  contentVersion,
  flattenMessages,
  readMessages,
  readReviewRecord,
  reviewStatuses,
  visitorMessages,
  type Messages,
} from '../../scripts/translation-reviews'
import { copyOfLocales, LOCALES_DIR, sharedMessages } from '../support/locale-copies'
import { expect, goNext, JOURNEY, openKiosk, readToLastPage, test } from './fixtures'
import { readPdf, squeezed } from './pdf'

const run = promisify(execFile)
const CONTENT_SCREENS = JOURNEY.slice(2)
const statuses = reviewStatuses(LOCALES_DIR)
const unreviewed = LOCALE_TAGS.filter((tag) => !isReviewed(statuses[tag]))
const offeredWhenReviewedOnly = LOCALE_TAGS.filter((tag) => isReviewed(statuses[tag]))
const message = (tag: LocaleTag, key: string) => new Map(flattenMessages(readMessages(LOCALES_DIR, tag))).get(key)!

test.describe('the translation notice', () => {
  test('a visitor reading an unreviewed translation sees the notice on every content screen', async ({
    page,
    problems,
  }) => {
    test.skip(unreviewed.length === 0, 'every translation is reviewed')
    const tag = unreviewed[0]!
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId(`lang-${tag}`).tap()
    for (const screen of CONTENT_SCREENS) {
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      await expect(page.getByTestId('translation-notice'), screen).toHaveText(message(tag, 'nav.translationNotice'))
      // It follows the content, as a footnote: on the screen's last page.
      await readToLastPage(page)
      await expect(page.getByTestId('translation-notice')).toBeInViewport({ ratio: 1 })
      if (screen !== 'handout') await goNext(page)
    }
    expect(problems).toEqual([])
  })

  test('a visitor reading English, the source, sees no notice', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    for (const screen of CONTENT_SCREENS) {
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      await expect(page.getByTestId('translation-notice'), screen).toHaveCount(0)
      if (screen !== 'handout') await goNext(page)
    }
  })
})

test.describe('offering only reviewed languages', () => {
  test('with reviewedLanguagesOnly, the welcome and language screens offer only the source and reviewed translations', async ({
    page,
    problems,
  }) => {
    await page.route('**/kiosk-config.json', (route) => route.fulfill({ json: { reviewedLanguagesOnly: true } }))
    await openKiosk(page)
    for (const tag of LOCALE_TAGS) {
      await expect(page.getByTestId(`attract-lang-${tag}`), tag).toHaveCount(
        offeredWhenReviewedOnly.includes(tag) ? 1 : 0,
      )
    }
    await page.getByTestId('start').tap()
    await expect(page.getByTestId('screen-language')).toBeVisible()
    for (const tag of LOCALE_TAGS) {
      await expect(page.getByTestId(`lang-${tag}`), tag).toHaveCount(offeredWhenReviewedOnly.includes(tag) ? 1 : 0)
    }
    await expect(page.getByTestId('lang-en-XA')).toHaveCount(0)
    expect(problems).toEqual([])
  })

  test('when that hides the default language, the kiosk starts, and starts over, in English', async ({ page }) => {
    test.skip(unreviewed.length === 0, 'every translation is reviewed')
    const hidden = unreviewed[0]!
    await page.route('**/kiosk-config.json', (route) =>
      route.fulfill({ json: { reviewedLanguagesOnly: true, defaultLocale: hidden } }),
    )
    await openKiosk(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    await page.getByTestId('nav-home').tap()
    await page.getByTestId('start-over-confirm').tap()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })

  test('without it, every enabled language is offered', async ({ page }) => {
    await openKiosk(page)
    for (const tag of LOCALE_TAGS) await expect(page.getByTestId(`attract-lang-${tag}`)).toHaveCount(1)
  })
})

test.describe('the review kit', () => {
  // Each test starts Chromium for the PDF or runs the import, on a busy 2-core machine.
  test.describe.configure({ timeout: 180_000 })

  /** Runs `npm run review-kit -- …`; resolves with its output, or with the failure's output and exit code. */
  async function reviewKit(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    try {
      const { stdout, stderr } = await run('npm', ['run', '--silent', 'review-kit', '--', ...args])
      return { code: 0, stdout, stderr }
    } catch (error) {
      const failure = error as { code: number; stdout: string; stderr: string }
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr }
    }
  }

  /** Imports a returned XLIFF file into `locales` as reviewed by a certified medical translator on 2026-12-01. */
  function importReviewed(file: string, locales: string) {
    const reviewer = ['--reviewer', 'Ana García', '--qualification', 'Certified medical translator (ATA)']
    return reviewKit('import', file, ...reviewer, '--date', '2026-12-01', '--locales', locales)
  }

  /**
   * A copy of locales/ in which English and Spanish have the same keys (the
   * messages both have), so the kit's import can check every message.
   */
  async function matchingLocales(): Promise<string> {
    const dir = copyOfLocales()
    const english = readMessages(dir, 'en')
    const spanish = readMessages(dir, 'es')
    await writeFile(join(dir, 'en.json'), `${JSON.stringify(sharedMessages(english, spanish), null, 2)}\n`)
    await writeFile(join(dir, 'es.json'), `${JSON.stringify(sharedMessages(spanish, english), null, 2)}\n`)
    return dir
  }

  test('writes, for one language, a side-by-side PDF and a well-formed XLIFF 2.0 file that the library reads back', async () => {
    const locales = copyOfLocales()
    const out = join(locales, '..', 'kit')
    const result = await reviewKit('es', '--locales', locales, '--out', out)
    expect(result.code, result.stderr).toBe(0)

    const xliffFile = join(out, 'es.xliff')
    await run('xmllint', ['--noout', xliffFile])
    const xml = await readFile(xliffFile, 'utf8')
    expect(xml).toMatch(/<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en" trgLang="es">/)
    const document = await xliff2js(xml)
    expect(document).toMatchObject({ sourceLanguage: 'en', targetLanguage: 'es' })
    const units = new Map(Object.values(document.resources!).flatMap((file) => Object.entries(file)))
    const english = visitorMessages(readMessages(locales, 'en'))
    const spanish = new Map(visitorMessages(readMessages(locales, 'es')))
    expect([...units.keys()]).toEqual(english.map(([key]) => key))
    for (const [key] of english) {
      expect(units.get(key)!.source, key).toBeTruthy()
      if (spanish.has(key)) expect(units.get(key)!.target, key).toBeTruthy()
    }
    const count = units.get('selfcheck.count')!
    for (const value of [count.source, count.target]) {
      expect(value).toContainEqual({ Standalone: expect.objectContaining({ equiv: '{count}' }) })
    }
    expect(xml).not.toMatch(/<(source|target)>[^<]*\{count\}/)

    const pdf = await readPdf(await readFile(join(out, 'es.pdf')), join(out, 'es-read.pdf'))
    expect(pdf.pageSize).toEqual({ width: 842, height: 595 })
    expect(pdf.pages).toBeGreaterThan(5)
    expect(pdf.fonts.every((font) => font.embedded)).toBe(true)
    const text = squeezed(pdf.text)
    for (const key of ['about.title', 'printed.title', 'handout.title', 'selfcheck.count']) {
      expect(text, key).toContain(squeezed(key))
      expect(text, key).toContain(squeezed(new Map(english).get(key)!.split(' | ')[0]!))
      if (spanish.has(key)) expect(text, key).toContain(squeezed(spanish.get(key)!.split(' | ')[0]!))
    }
    expect(text).toContain(squeezed("Reviewer's notes"))
    expect(text.indexOf(squeezed('about.title'))).toBeLessThan(text.indexOf(squeezed('doctor.title')))
    expect(text.indexOf(squeezed('handout.title'))).toBeLessThan(text.indexOf(squeezed('printed.title')))
  })

  test('round trip: export, edit one target, import; exactly that message changes and the review is recorded', async () => {
    const locales = await matchingLocales()
    const out = join(locales, '..', 'kit')
    expect((await reviewKit('es', '--locales', locales, '--out', out)).code).toBe(0)
    const before = await readFile(join(locales, 'es.json'), 'utf8')
    const xml = await readFile(join(out, 'es.xliff'), 'utf8')
    const edited = xml.replace(
      /(<unit id="about\.title">[\s\S]*?<target>)[^<]*(<\/target>)/,
      '$1¿Qué es un calambre nocturno en la pierna?$2',
    )
    expect(edited).not.toBe(xml)
    const returned = join(out, 'es-returned.xliff')
    await writeFile(returned, edited)

    const result = await importReviewed(returned, locales)
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toContain('1 message(s) changed')

    const after = await readFile(join(locales, 'es.json'), 'utf8')
    // The file is rewritten as it was, but for that one line.
    expect(after.split('\n')).toHaveLength(before.split('\n').length)
    const changedLines = after.split('\n').filter((line, index) => line !== before.split('\n')[index])
    expect(changedLines).toHaveLength(1)
    expect(changedLines[0]).toContain('"title": "¿Qué es un calambre nocturno en la pierna?"')
    const oldMessages = new Map(flattenMessages(JSON.parse(before) as Messages))
    const newMessages = flattenMessages(JSON.parse(after) as Messages)
    expect(newMessages.filter(([key, text]) => oldMessages.get(key) !== text)).toEqual([
      ['about.title', '¿Qué es un calambre nocturno en la pierna?'],
    ])
    expect(new Map(newMessages).get('selfcheck.count')).toBe(oldMessages.get('selfcheck.count'))

    const drafted = readReviewRecord(LOCALES_DIR, 'es')
    expect(readReviewRecord(locales, 'es')).toEqual({
      status: 'reviewed',
      draftedOn: drafted.status === 'source' ? undefined : drafted.draftedOn,
      reviewer: 'Ana García',
      qualification: 'Certified medical translator (ATA)',
      reviewedOn: '2026-12-01',
      contentVersion: contentVersion(readMessages(locales, 'en'), readMessages(locales, 'es')),
    })
    expect(reviewStatuses(locales).es.state).toBe('reviewed')
  })

  test('a target with a broken placeholder is refused, naming the unit, and nothing is written', async () => {
    const locales = await matchingLocales()
    const out = join(locales, '..', 'kit')
    expect((await reviewKit('es', '--locales', locales, '--out', out)).code).toBe(0)
    const files = [join(locales, 'es.json'), join(locales, 'reviews', 'es.json')]
    const before = await Promise.all(files.map((file) => readFile(file, 'utf8')))
    const xml = await readFile(join(out, 'es.xliff'), 'utf8')
    const broken = xml.replace(
      /(<unit id="selfcheck\.count">[\s\S]*?<target>[^<]*)<ph id="1"[^>]*\/>/,
      (_, start: string) => `${start}{cuenta}`,
    )
    expect(broken).not.toBe(xml)
    const returned = join(out, 'es-broken.xliff')
    await writeFile(returned, broken)

    const result = await importReviewed(returned, locales)
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('The XLIFF file was refused and nothing was written')
    expect(result.stderr).toContain(
      'unit "selfcheck.count": the target has a placeholder the English does not: {cuenta}',
    )
    expect(await Promise.all(files.map((file) => readFile(file, 'utf8')))).toEqual(before)
  })
})
