/**
 * The review kit's printable document: English | translation | the reviewer's
 * notes, screen by screen in the order visitors read them (the printed handout
 * after the handout screen), each row named by its XLIFF unit id. Laid out as
 * HTML with the kiosk's own fonts and printed to PDF by Chromium (page.pdf).
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { basename, dirname, join } from 'node:path'
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium-launch.mjs'
import type { LocaleTag } from '../electron/contract'
import { LOCALES, SOURCE_LOCALE, type ReviewStatus } from '../src/i18n/locales'
import { pluralCategories } from '../src/i18n/plural'
import { visitorSections, type Messages } from './translation-reviews'

const root = join(import.meta.dirname, '..')
/** Where the document is served from inside Playwright (routed, never on the network). */
const ORIGIN = 'http://review-kit.invalid'

/** Headings for the sections whose own title would not say where they show. */
const SECTION_NAMES: Record<string, string> = {
  attract: 'Welcome screen',
  language: 'Language screen',
  print: 'Printing messages (handout screen)',
  printed: 'The printed handout',
  nav: 'Navigation (on every screen)',
  sources: 'Sources page',
  illustrations: 'Descriptions of the drawings (read by screen readers)',
  idle: 'The "Are you still there?" warning',
  startOver: 'The "Start over" question',
}

/** What the document shows: the language, its messages and the English, and what is known of its review. */
export interface ReviewDocument {
  tag: LocaleTag
  english: Messages
  translation: Messages
  contentVersion: string
  status: ReviewStatus
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!)

/** A message as cell content: placeholders marked, each plural form on its own line with its category. */
function messageHtml(text: string, tag: LocaleTag): string {
  const forms = text.split(' | ')
  const labels = ['for 0', ...pluralCategories(tag)]
  const marked = (form: string) =>
    escapeHtml(form).replace(/\{\w+\}/g, (placeholder) => `<span class="ph">${placeholder}</span>`)
  if (forms.length === 1) return marked(text)
  return forms.map((form, index) => `<span class="form">${labels[index] ?? '?'}</span> ${marked(form)}`).join('<br>')
}

function statusText(status: ReviewStatus): string {
  if (status.state === 'source') return 'source text'
  if (status.state === 'machine-draft') return `machine draft from ${status.draftedOn}, not yet reviewed`
  const review = `${status.reviewer} (${status.qualification}) on ${status.reviewedOn}`
  return status.state === 'reviewed' ? `reviewed by ${review}` : `changed since its review by ${review}`
}

/** The shipped fonts' @font-face rules (src/styles/fonts.css), pointed at the routed origin, and their files. */
function shippedFonts(): { css: string; files: Map<string, string> } {
  const require = createRequire(join(root, 'package.json'))
  const imports = [...readFileSync(join(root, 'src/styles/fonts.css'), 'utf8').matchAll(/@import '([^']+)'/g)]
  const files = new Map<string, string>()
  const css = imports
    .map(([, specifier]) => {
      const file = require.resolve(specifier!)
      return readFileSync(file, 'utf8')
        .replace(/,\s*url\([^)]*\.woff\)\s*format\('woff'\)/g, '')
        .replace(/url\(\.\/files\/([^)]+\.woff2)\)/g, (_, name: string) => {
          files.set(name, join(dirname(file), 'files', name))
          return `url(${ORIGIN}/fonts/${name})`
        })
    })
    .join('\n')
  return { css, files }
}

/** The document as one HTML page (print styles: A4 landscape, each screen on a new page). */
function documentHtml(review: ReviewDocument, fontCss: string): string {
  const { tag, english, translation, contentVersion, status } = review
  const info = LOCALES[tag]
  const name = new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag
  const targets = new Map(visitorSections(translation).flatMap(([, entries]) => entries))
  const targetAttributes = `lang="${tag}" dir="${info.dir}" style="font-family: ${escapeHtml(info.fontStack)}; line-height: ${info.lineHeight}"`
  const sections = visitorSections(english)
  const count = sections.reduce((total, [, entries]) => total + entries.length, 0)
  const screens = sections
    .map(([section, entries], index) => {
      const title = (english[section] as Messages | undefined)?.title
      const heading = SECTION_NAMES[section] ?? (typeof title === 'string' ? `Screen “${title}”` : section)
      const rows = entries
        .map(([key, text]) => {
          const target = targets.get(key)
          return `<tr><td class="key">${escapeHtml(key)}</td><td>${messageHtml(text, SOURCE_LOCALE)}</td>
            <td ${targetAttributes}>${target === undefined ? '<em class="missing">(not translated)</em>' : messageHtml(target, tag)}</td>
            <td class="notes"></td></tr>`
        })
        .join('\n')
      return `<section><h2>${index + 1}. ${escapeHtml(heading)} <small>(${escapeHtml(section)})</small></h2>
        <table><colgroup><col class="key"><col class="text"><col class="text"><col class="notes"></colgroup>
        <thead><tr><th>Unit</th><th>English (source)</th><th>${escapeHtml(name)} (${tag})</th><th>Reviewer's notes</th></tr></thead>
        <tbody>${rows}</tbody></table></section>`
    })
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Translation review: ${escapeHtml(name)} (${tag})</title>
<style>
${fontCss}
@page { size: A4 landscape; margin: 12mm 12mm 16mm; }
body { margin: 0; font: 10pt/1.4 'Noto Sans', sans-serif; color: #000; }
h1 { font-size: 18pt; margin: 0 0 6pt; }
h2 { font-size: 13pt; margin: 0 0 6pt; break-after: avoid; }
h2 small { font-weight: 400; font-size: 9pt; }
section { break-before: page; }
table { inline-size: 100%; border-collapse: collapse; table-layout: fixed; }
col.key { inline-size: 14%; } col.text { inline-size: 30%; } col.notes { inline-size: 26%; }
th, td { border: 0.75pt solid #555; padding: 4pt 5pt; vertical-align: top; text-align: start; overflow-wrap: anywhere; }
th { background: #e8e8e8; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.key { font-size: 7.5pt; color: #333; }
td.notes { block-size: 12mm; }
.ph { font-family: monospace; background: #e8e8e8; padding: 0 2pt; }
.form { font-size: 7.5pt; color: #333; font-family: 'Noto Sans', sans-serif; }
.missing { color: #8a0000; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 3pt 12pt; margin: 12pt 0; }
dt { font-weight: 700; } dd { margin: 0; }
.sign { display: grid; grid-template-columns: repeat(4, 1fr); gap: 18pt; margin-block-start: 24pt; }
.sign p { border-block-start: 0.75pt solid #000; padding-block-start: 3pt; margin: 0; }
</style></head>
<body>
<h1>Night leg cramps kiosk: translation review, ${escapeHtml(name)} (${tag})</h1>
<p>Every message visitors read, screen by screen in the order they see them, with the printed handout after the
handout screen: the English source, the ${escapeHtml(name)} translation, and room for your notes. Placeholders in grey
such as <span class="ph">{count}</span> are filled in by the kiosk: keep them. A plural message has one line per form.
The unit names match the XLIFF file of this kit (${tag}.xliff), which your translation tool can import; corrections
made there are read back into the kiosk.</p>
<dl>
<dt>Language</dt><dd>${escapeHtml(name)} (${tag}), ${info.dir === 'rtl' ? 'right to left' : 'left to right'}</dd>
<dt>Status</dt><dd>${escapeHtml(statusText(status))}</dd>
<dt>Messages</dt><dd>${count} in ${sections.length} sections</dd>
<dt>Content version</dt><dd>${contentVersion}</dd>
</dl>
<div class="sign"><p>Reviewer</p><p>Qualification</p><p>Date</p><p>Signature</p></div>
${screens}
</body></html>`
}

/** Renders the review document to a PDF file with Chromium. */
export async function writeReviewPdf(file: string, review: ReviewDocument): Promise<void> {
  const fonts = shippedFonts()
  const html = documentHtml(review, fonts.css)
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  try {
    const page = await browser.newPage()
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname
      const font = fonts.files.get(basename(path))
      if (path === '/') return route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
      if (path.startsWith('/fonts/') && font) return route.fulfill({ path: font, contentType: 'font/woff2' })
      return route.fulfill({ status: 404 })
    })
    await page.goto(`${ORIGIN}/`)
    // The document's fonts, once every face its text needs has loaded (a string: this project has no DOM types).
    await page.evaluate('document.fonts.ready.then(() => true)')
    await page.pdf({
      path: file,
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: `<div style="font-size: 8px; inline-size: 100%; padding: 0 12mm; display: flex; justify-content: space-between">
        <span>Translation review ${review.tag} · ${review.contentVersion.slice(0, 19)}</span>
        <span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`,
    })
  } finally {
    await browser.close()
  }
}
