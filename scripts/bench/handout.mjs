/**
 * Handout benchmark: the time from a print request to PDF bytes, the way the
 * main process prints from its warm handout window. The handout page is loaded
 * once (untimed); each run renders a visitor's spec through the page's API,
 * waits for it to say fonts and drawings are ready, prints to PDF (Chromium's
 * page.pdf standing in for Electron's printToPDF) and resets the page.
 */

const LOCALES = ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur']
const GOAL_MS = 500

/** A visitor's handout: two self-check choices and the clinic's details, on A4. */
const specFor = (locale) => ({
  locale,
  chosen: ['over60', 'fluids'],
  paperSize: 'A4',
  secondLocale: null,
  clinicName: 'Eastside Family Clinic',
  clinicPhone: '555-0100',
  emergencyNumber: '911',
})

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Loads the handout page and waits for it to warm up. */
async function openHandoutPage(page, origin) {
  await page.goto(new URL('/handout.html', origin).href)
  if ((await page.evaluate(() => globalThis.handoutReady)) !== true) throw new Error('The handout page did not warm up')
}

/** One print: render the spec, wait for ready, print to PDF; the page is reset afterwards, untimed. */
async function printOnce(page, spec) {
  const started = performance.now()
  const ready = await page.evaluate((each) => globalThis.handoutPage.render(each), spec)
  if (ready !== true) throw new Error(`${spec.locale}: the handout was not ready`)
  await page.pdf({ preferCSSPageSize: true })
  const elapsed = performance.now() - started
  await page.evaluate(() => globalThis.handoutPage.reset())
  return elapsed
}

/**
 * Runs the benchmark in `browser` (a launched Playwright Chromium) against
 * `origin`, which serves out/renderer of a production build. `emptyUrl` is a
 * blank page the cold render starts from; `quick` runs 2 prints a language
 * instead of 9. Returns one row per language (median, goal ≤ 500 ms) and an
 * informational row for a cold first print (page load, warm-up, render, PDF).
 */
export async function benchHandout({ browser, origin, emptyUrl, quick }) {
  const runs = quick ? 2 : 9
  const context = await browser.newContext()
  try {
    const rows = []
    const cold = await context.newPage()
    await cold.goto(emptyUrl)
    const coldStarted = performance.now()
    await openHandoutPage(cold, origin)
    await printOnce(cold, specFor('en'))
    rows.push({
      bench: 'print',
      measure: 'cold first print, en: page load and warm-up, then request to PDF bytes',
      value: Math.round(performance.now() - coldStarted),
      unit: 'ms',
      goal: 'informational',
      ok: true,
    })
    await cold.close()

    const page = await context.newPage()
    await openHandoutPage(page, origin)
    for (const locale of LOCALES) {
      const times = []
      for (let run = 0; run < runs; run++) times.push(await printOnce(page, specFor(locale)))
      const value = Math.round(median(times))
      rows.push({
        bench: 'print',
        measure: `print request to PDF bytes, ${locale} (median of ${runs}, warm page)`,
        value,
        unit: 'ms',
        goal: `≤ ${GOAL_MS} ms`,
        ok: value <= GOAL_MS,
      })
    }
    return rows
  } finally {
    await context.close()
  }
}
