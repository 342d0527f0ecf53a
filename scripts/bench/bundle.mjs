/**
 * Script a visitor's path loads: every script response while a visitor opens
 * the kiosk, picks a language and walks every journey screen to the handout,
 * gzipped (the conventional, comparable figure), in a page opened as the kiosk
 * app shows it (kiosk-app-page.mjs). Staff screens must not be among them.
 */
import { gzipSync } from 'node:zlib'
import { newKioskAppPage } from './kiosk-app-page.mjs'

const GOAL_KIB = 120
/** Chunks only staff open: the PIN pad, the settings (with the on-screen keyboard) and the usage charts. */
const STAFF_CHUNK = /\/Staff[A-Za-z]*Screen-[^/]*\.js$/

/** Walks a visitor through the journey in `locale`, collecting the scripts the page fetched. */
async function scriptsOfAVisit(browser, origin, locale) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, hasTouch: true })
  const page = await newKioskAppPage(context)
  const scripts = new Map()
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return
    scripts.set(new URL(response.url()).pathname, await response.body())
  })
  await page.goto(origin)
  await page.getByTestId('start').tap()
  await page.getByTestId(`lang-${locale}`).tap()
  for (const screen of ['about', 'causes', 'selfcheck', 'during', 'prevention', 'avoid', 'doctor']) {
    await page.getByTestId(`screen-${screen}`).waitFor()
    await page.locator('.paged:not([data-settled="true"])').waitFor({ state: 'detached' })
    while (await page.getByTestId('page-more').isVisible()) await page.getByTestId('page-more').tap()
    await page.getByTestId('nav-next').tap()
  }
  await page.getByTestId('screen-handout').waitFor()
  await page.waitForLoadState('networkidle')
  await context.close()
  return scripts
}

/** The visitor path's gzipped script, in the default language and in another, against the 120 KiB goal. */
export async function benchBundle({ browser, origin }) {
  const rows = []
  for (const locale of ['en', 'zh-Hans']) {
    const scripts = await scriptsOfAVisit(browser, origin, locale)
    const gzipped = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body, { level: 9 }).length, 0)
    const staff = [...scripts.keys()].filter((path) => STAFF_CHUNK.test(path))
    rows.push({
      bench: 'script',
      measure: `visitor path in ${locale}: gzipped script (${scripts.size} files${staff.length ? `, staff chunks: ${staff.join(' ')}` : ''})`,
      value: Math.round(gzipped / 102.4) / 10,
      unit: 'KiB',
      goal: `<= ${GOAL_KIB} KiB, no staff chunk`,
      ok: gzipped <= GOAL_KIB * 1024 && staff.length === 0,
    })
  }
  return rows
}
