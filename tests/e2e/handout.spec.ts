import { readFileSync } from 'node:fs'
import { LOCALE_TAGS, PAPER_SIZES, type HandoutSpec, type KioskConfig, type LocaleTag } from '../../electron/contract'
import { HANDOUT_READY_SCRIPT, HANDOUT_RESET_SCRIPT, renderHandoutScript } from '../../electron/handout-spec'
import { EMERGENCY_SIGNS, SELFCHECK_ITEMS, SUMMARY_POINTS, URGENT_SIGNS } from '../../src/content/journey'
import { LOCALES } from '../../src/i18n/locales'
import type { Page } from '@playwright/test'
import { expect, openKiosk, test, walkTo } from './fixtures'
import { decodeQrCode, pdfPageCount, readPdf, squeezed } from './pdf'

type Messages = {
  selfcheck: { items: Record<string, string> }
  doctor: {
    urgent: Record<string, string>
    emergency: { call: string; callLocal: string; signs: Record<string, string>; why: string }
  }
  handout: { summaryTitle: string; summary: Record<string, string> }
  causes: { cards: { medicines: { action: string } } }
  printed: { callDoctor: string }
}
const messagesOf = (tag: LocaleTag) => JSON.parse(readFileSync(`locales/${tag}.json`, 'utf8')) as Messages

const CHOSEN = ['over60', 'fluids'] as const
const CLINIC = { clinicName: 'Eastside Family Clinic', clinicPhone: '555-0100', emergencyNumber: '999' }
/** PDF page sizes in points. */
const PAGE_POINTS = { A4: { width: 595, height: 842 }, Letter: { width: 612, height: 792 } }

test.describe.configure({ timeout: 180_000 })

/**
 * Whether a sentence is on the printed page, read back from the PDF with pdftotext.
 * - Left-to-right scripts: the whole sentence, in order (hyphens aside).
 * - Arabic: every word of it. pdftotext splits some right-to-left lines into two
 *   "columns" and prints them apart, so whole sentences do not come back in order.
 * - Urdu: pdftotext cannot map Nastaliq's stacked glyphs back to letters (it reads
 *   "اسٹریچ" as "اسٹر چ"; pdf.js does no better), so Urdu is read from the document
 *   Chromium printed instead, and its page image is checked by eye.
 */
async function readableText(
  locale: LocaleTag,
  pdfText: string,
  page: Page,
): Promise<{ shows(sentence: string): boolean }> {
  if (locale === 'ur') {
    const documentText = squeezed(await page.getByTestId('handout-document').innerText())
    return { shows: (sentence) => documentText.includes(squeezed(sentence)) }
  }
  const text = squeezed(pdfText)
  if (LOCALES[locale].dir === 'rtl') {
    return { shows: (sentence) => sentence.split(/\s+/).every((word) => text.includes(squeezed(word))) }
  }
  // pdftotext drops the hyphen where a hyphenated word (Tagalog "pag-unat") breaks across lines.
  const unhyphenated = text.replace(/-/g, '')
  return { shows: (sentence) => unhyphenated.includes(squeezed(sentence).replace(/-/g, '')) }
}

for (const locale of LOCALE_TAGS) {
  for (const paperSize of PAPER_SIZES) {
    test(`the ${locale} handout on ${paperSize} shows the visitor's two choices, the emergency tier and clinic on page 1, the urgent signs and the Remember box`, async ({
      page,
      problems,
    }, testInfo) => {
      await page.route('**/kiosk-config.json', (route) =>
        route.fulfill({ json: { ...CLINIC, paperSize } satisfies Partial<KioskConfig> }),
      )
      await openKiosk(page)
      await page.getByTestId(`attract-lang-${locale}`).tap()
      await walkTo(page, 'about', 'selfcheck')
      for (const item of CHOSEN) await page.getByTestId(`selfcheck-${item}`).tap()
      await walkTo(page, 'selfcheck', 'handout')

      const pdf = await readPdf(
        await page.pdf({ preferCSSPageSize: true }),
        testInfo.outputPath(`handout-${locale}-${paperSize}.pdf`),
      )
      await testInfo.attach(`handout-${locale}-${paperSize}-page1`, {
        path: pdf.firstPagePng,
        contentType: 'image/png',
      })

      const messages = messagesOf(locale)
      const unchosen = SELFCHECK_ITEMS.filter((item) => !(CHOSEN as readonly string[]).includes(item))
      const printed = await readableText(locale, pdf.text, page)
      for (const item of CHOSEN) expect(printed.shows(messages.selfcheck.items[item]!), item).toBe(true)
      for (const item of unchosen) expect(printed.shows(messages.selfcheck.items[item]!), item).toBe(false)
      for (const sign of URGENT_SIGNS) expect(printed.shows(messages.doctor.urgent[sign]!), sign).toBe(true)
      expect(squeezed(pdf.text)).toContain(squeezed(CLINIC.clinicName))

      // The emergency tier, whole, and the numbers to call are on page 1, where reading starts.
      const pageOne = pdf.text.split('\f')[0]!
      expect(squeezed(pageOne)).toContain(CLINIC.emergencyNumber)
      expect(squeezed(pageOne)).toContain(squeezed(CLINIC.clinicPhone))
      const onPageOne = await readableText(locale, pageOne, page)
      const emergency = messages.doctor.emergency
      expect(onPageOne.shows(emergency.call.replace('{number}', CLINIC.emergencyNumber)), 'emergency call').toBe(true)
      for (const sign of EMERGENCY_SIGNS) expect(onPageOne.shows(emergency.signs[sign]!), sign).toBe(true)
      expect(onPageOne.shows(emergency.why), 'emergency why').toBe(true)

      expect(printed.shows(messages.handout.summaryTitle), 'Remember').toBe(true)
      for (const point of SUMMARY_POINTS) expect(printed.shows(messages.handout.summary[point]!), point).toBe(true)

      expect(pdf.pages).toBeGreaterThanOrEqual(1)
      expect(pdf.pages).toBeLessThanOrEqual(2)
      expect(pdf.pageSize).toEqual(PAGE_POINTS[paperSize])
      expect(pdf.fonts.length).toBeGreaterThan(0)
      expect(pdf.fonts.filter((font) => !font.embedded)).toEqual([])
      const medlinePlus =
        locale === 'es'
          ? 'https://medlineplus.gov/spanish/musclecramps.html'
          : 'https://medlineplus.gov/musclecramps.html'
      expect(await decodeQrCode(pdf.firstPagePng)).toBe(medlinePlus)
      expect(problems).toEqual([])
    })
  }
}

/** Loads handout.html, the page the main process prints from, once, and waits for it to warm up. */
async function openHandoutPage(page: Page): Promise<void> {
  await page.goto('/handout.html')
  expect(await page.evaluate(HANDOUT_READY_SCRIPT)).toBe(true)
}

/** Renders a spec into the loaded handout page through its API, as main does, and waits for it to be ready. */
async function renderHandout(page: Page, spec: HandoutSpec): Promise<void> {
  expect(await page.evaluate(renderHandoutScript(spec))).toBe(true)
  await expect(page.locator('.handout-copy').first()).toHaveAttribute('lang', spec.locale)
}

/** Clears the handout page, as main does after every print. */
const resetHandout = (page: Page) => page.evaluate(HANDOUT_RESET_SCRIPT)

test('with every self-check choice, the handout still fits on two pages in every language and paper size', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000)
  // One warm page for every handout, cleared after each, as main prints them.
  await openHandoutPage(page)
  for (const locale of LOCALE_TAGS) {
    for (const paperSize of PAPER_SIZES) {
      await renderHandout(page, {
        locale,
        chosen: [...SELFCHECK_ITEMS],
        paperSize,
        secondLocale: null,
        ...CLINIC,
      })
      const pages = await pdfPageCount(
        await page.pdf({ preferCSSPageSize: true }),
        testInfo.outputPath(`all-${locale}-${paperSize}.pdf`),
      )
      expect(pages, `${locale} on ${paperSize}`).toBeLessThanOrEqual(2)
      await resetHandout(page)
    }
  }
})

test('a bilingual handout adds the clinic’s language on a new page, for the visitor’s doctor', async ({
  page,
}, testInfo) => {
  await openHandoutPage(page)
  await renderHandout(page, {
    locale: 'vi',
    chosen: ['pregnant'],
    paperSize: 'A4',
    secondLocale: 'en',
    ...CLINIC,
  })
  const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true }), testInfo.outputPath('bilingual-vi-en.pdf'))
  const vietnamese = messagesOf('vi').selfcheck.items.pregnant!
  const english = messagesOf('en').selfcheck.items.pregnant!
  const pages = pdf.text.split('\f').map(squeezed)
  const englishStart = pages.findIndex((text) =>
    text.includes(squeezed('The same handout in English, for your doctor.')),
  )
  expect(englishStart).toBeGreaterThan(0)
  expect(pages.slice(0, englishStart).join('')).toContain(squeezed(vietnamese))
  expect(pages.slice(0, englishStart).join('')).not.toContain(squeezed(english))
  expect(pages.slice(englishStart).join('')).toContain(squeezed(english))
  expect(pdf.pages).toBeLessThanOrEqual(4)
})

test('without clinic details the handout leaves the clinic out, says to call the local emergency number, keeps the medicines warning, and no text is under 12 pt', async ({
  page,
}, testInfo) => {
  await openHandoutPage(page)
  await renderHandout(page, {
    locale: 'en',
    chosen: [],
    paperSize: 'Letter',
    secondLocale: null,
    clinicName: '',
    clinicPhone: '',
    emergencyNumber: '',
  })
  const pdf = await readPdf(await page.pdf({ preferCSSPageSize: true }), testInfo.outputPath('no-clinic-en.pdf'))
  const english = messagesOf('en')
  expect(pdf.text).not.toContain('Your clinic')
  expect(pdf.text).not.toContain('Call your clinic')
  const pageOne = squeezed(pdf.text.split('\f')[0]!)
  expect(pageOne).toContain(squeezed(english.doctor.emergency.callLocal))
  expect(pageOne).toContain(squeezed(english.printed.callDoctor))
  expect(squeezed(pdf.text)).toContain(squeezed('You did not choose anything on the kiosk.'))
  expect(squeezed(pdf.text)).toContain(squeezed(english.causes.cards.medicines.action))
  await page.emulateMedia({ media: 'print' })
  const smallest = await page.$$eval('[data-testid="handout-document"] *', (elements) =>
    Math.min(
      ...elements
        .filter((element) => [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim()))
        .map((element) => parseFloat(getComputedStyle(element).fontSize)),
    ),
  )
  expect(smallest).toBeGreaterThanOrEqual(16) // 12 pt = 16 CSS px
})

test('the handout page refuses a malformed request instead of printing something', async ({ page, problems }) => {
  await openHandoutPage(page)
  expect(await page.evaluate(renderHandoutScript({ locale: 'xx' } as never))).toBe(false)
  await expect(page.getByTestId('handout-document')).toHaveCount(0)
  expect(problems).toEqual(['The handout page got no valid handout spec'])
})

test('the handout page keeps nothing of a handout once it is cleared, and never has it in its URL or history', async ({
  page,
  problems,
}) => {
  await openHandoutPage(page)
  const loaded = await page.evaluate(() => ({ url: location.href, history: history.length }))
  const spec: HandoutSpec = { locale: 'ar', chosen: ['pregnant'], paperSize: 'A4', secondLocale: 'en', ...CLINIC }
  await renderHandout(page, spec)
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar')
  await expect(page.getByTestId('handout-document')).toContainText(CLINIC.clinicName)
  await resetHandout(page)
  await expect(page.getByTestId('handout-document')).toHaveCount(0)
  expect(await page.locator('body').innerText()).toBe('')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr')
  expect(await page.evaluate(() => ({ url: location.href, history: history.length }))).toEqual(loaded)
  expect(loaded.url).toBe(new URL('/handout.html', page.url()).href)
  expect(problems).toEqual([])
})
