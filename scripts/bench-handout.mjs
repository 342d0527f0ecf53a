#!/usr/bin/env node
/**
 * Handout benchmark (`npm run bench:handout`): for each language, the time from
 * a print request to PDF bytes, measured the way the main process prints: load
 * the handout page in a fresh page, wait for its ready signal (fonts and
 * drawings), then print to PDF. Chromium's page.pdf stands in for Electron's
 * printToPDF. Reports the median of the runs and the PDF size per language.
 * Figures go into README's performance section.
 */
import { startBenchBrowser } from './bench-browser.mjs'

const PORT = 4180
const RUNS = 7
const LOCALES = ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur']

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const bench = await startBenchBrowser(PORT)
try {
  const context = await bench.browser.newContext()
  const rows = []
  for (const locale of LOCALES) {
    const spec = {
      locale,
      chosen: ['over60', 'fluids'],
      paperSize: 'A4',
      secondLocale: null,
      clinicName: 'Eastside Family Clinic',
      clinicPhone: '555-0100',
      emergencyNumber: '911',
    }
    const times = []
    let bytes = 0
    for (let run = 0; run < RUNS; run++) {
      const page = await context.newPage()
      const started = performance.now()
      await bench.open(page, `/handout.html#${encodeURIComponent(JSON.stringify(spec))}`)
      if ((await page.evaluate('window.handoutReady')) !== true) throw new Error(`${locale}: the handout was not ready`)
      const pdf = await page.pdf({ preferCSSPageSize: true })
      times.push(performance.now() - started)
      bytes = pdf.length
      await page.close()
    }
    rows.push({ locale, 'median ms': Math.round(median(times)), 'PDF KiB': Math.round(bytes / 1024) })
  }
  console.table(rows)
} finally {
  await bench.close()
}
