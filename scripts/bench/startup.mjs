/**
 * Start-up benchmark: how long a cold kiosk takes to show its first usable
 * screen (the welcome screen, in its own fonts), against an empty page and
 * the smallest Vue app (./reference-pages.mjs) served the same way, and how
 * many font bytes ship. Each run opens a fresh browser
 * context (no cache); the page records its own times (an init script), so
 * nothing polls from Node.
 */
import { newKioskAppPage } from './kiosk-app-page.mjs'

/** Runs per measure: a full run, and a quick one. */
const RUNS = { full: 15, quick: 3 }
const START_UP_RATIO_GOAL = 2
const FONT_KIB_GOAL = 1024
/** A page that never reaches its mark fails the benchmark instead of hanging it. */
const RUN_TIMEOUT_MS = 60_000

/**
 * Runs in the page before its own scripts: resolves `window.__startup` with the
 * milliseconds from navigation start to the load event (`loaded`) and to the
 * welcome screen being in the DOM, visible, with every font its text uses
 * loaded (`welcome`), each plus two animation frames (so the frame is drawn),
 * and `fontsBefore`, the font files fetched before the welcome screen showed.
 */
function recordStartup() {
  const frames = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  const fontFiles = () =>
    performance.getEntriesByType('resource').filter((entry) => /\.(woff2?|ttf|otf)(\?|$)/.test(entry.name)).length
  /** Loads (or finds loaded) the font of every element of `root` that shows text, for that text. */
  const fontsOf = (root) =>
    Promise.all(
      [root, ...root.querySelectorAll('*')].flatMap((element) => {
        const text = [...element.childNodes]
          .filter((node) => node.nodeType === Node.TEXT_NODE)
          .map((node) => node.textContent)
          .join('')
          .trim()
        if (!text) return []
        const style = getComputedStyle(element)
        return [
          document.fonts.load(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`, text),
        ]
      }),
    )
  const loaded = new Promise((resolve) =>
    addEventListener('load', () => frames().then(() => resolve(performance.now())), { once: true }),
  )
  const welcome = new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      const screen = document.querySelector('[data-testid="screen-attract"]')
      if (!screen?.checkVisibility({ visibilityProperty: true })) return
      observer.disconnect()
      const fontsBefore = fontFiles()
      fontsOf(screen)
        .then(frames)
        .then(() => resolve({ at: performance.now(), fontsBefore }))
    })
    observer.observe(document, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['style', 'class'],
    })
  })
  window.__startup = { loaded, welcome }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

/** Opens `url` in a fresh context and returns what `pick` reads from the page's record. */
async function coldRun(browser, url, pick) {
  const context = await browser.newContext()
  try {
    await context.addInitScript(recordStartup)
    // The kiosk as the app shows it; the empty page does not care.
    const page = await newKioskAppPage(context)
    await page.goto(url)
    const timeout = new Promise((_, reject) =>
      setTimeout(
        () => reject(new Error(`${url} did not reach its mark in ${RUN_TIMEOUT_MS} ms`)),
        RUN_TIMEOUT_MS,
      ).unref(),
    )
    return await Promise.race([page.evaluate(pick), timeout])
  } finally {
    await context.close()
  }
}

/** Runs in the page: the address of every font file its stylesheets name. */
function fontFileUrls() {
  const urls = [...document.styleSheets].flatMap((sheet) =>
    [...sheet.cssRules]
      .filter((rule) => rule instanceof CSSFontFaceRule)
      .flatMap((face) => [...face.style.getPropertyValue('src').matchAll(/url\("?([^")]+)"?\)/g)])
      .map((match) => new URL(match[1], sheet.href ?? document.baseURI).href),
  )
  return [...new Set(urls)]
}

/** The font files the build at `origin` ships (every file its stylesheets name, as served): how many, and KiB. */
async function shippedFonts(browser, origin) {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    await page.goto(`${origin}/`)
    const urls = await page.evaluate(fontFileUrls)
    const sizes = await Promise.all(urls.map(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength))
    return { files: urls.length, kiB: sizes.reduce((sum, size) => sum + size, 0) / 1024 }
  } finally {
    await context.close()
  }
}

/**
 * Measures start-up of the production build `origin` serves against
 * `emptyUrl` (an empty page on the same server) and `vueUrl` (the smallest
 * Vue app, there too), cold, median of 15 runs (3 when `quick`); `browser` is
 * a launched Playwright Chromium. Returns the rows: empty page ms, the
 * smallest Vue app's ms and its ratio to the empty page (the stack's floor),
 * start-up ms, its ratio to the empty page (goal ≤ 2) and to the smallest Vue
 * app, the KiB of font files the build ships (goal ≤ 1024) and the font files
 * fetched before the welcome screen showed.
 */
export async function benchStartup({ browser, origin, emptyUrl, vueUrl, quick }) {
  const runs = quick ? RUNS.quick : RUNS.full
  const empty = []
  const vue = []
  const kiosk = []
  const fontsBefore = []
  for (let run = 0; run < runs; run++) {
    empty.push(await coldRun(browser, emptyUrl, () => window.__startup.loaded))
    vue.push((await coldRun(browser, vueUrl, () => window.__startup.welcome)).at)
    const welcome = await coldRun(browser, `${origin}/`, () => window.__startup.welcome)
    kiosk.push(welcome.at)
    fontsBefore.push(welcome.fontsBefore)
  }
  const emptyMs = median(empty)
  const vueMs = median(vue)
  const startupMs = median(kiosk)
  const ratio = startupMs / emptyMs
  const shipped = await shippedFonts(browser, origin)
  const row = (measure, value, unit, goal, ok = true) => ({ bench: 'start-up', measure, value, unit, goal, ok })
  const times = (value) => Math.round(value * 100) / 100
  return [
    row('empty page, navigation to load + 2 frames', Math.round(emptyMs), 'ms', 'reference'),
    row('smallest Vue app, navigation to its screen shown + 2 frames', Math.round(vueMs), 'ms', 'reference'),
    row('smallest Vue app ÷ empty page', times(vueMs / emptyMs), 'x', 'reference: the floor of the stack'),
    row(
      'start-up, navigation to welcome screen in its fonts + 2 frames',
      Math.round(startupMs),
      'ms',
      '≤ 2 × empty page',
      ratio <= START_UP_RATIO_GOAL,
    ),
    row('start-up ÷ empty page', times(ratio), 'x', `≤ ${START_UP_RATIO_GOAL}`, ratio <= START_UP_RATIO_GOAL),
    row('start-up ÷ smallest Vue app', times(startupMs / vueMs), 'x', 'informational'),
    row('shipped woff2 fonts', Math.round(shipped.kiB), 'KiB', `≤ ${FONT_KIB_GOAL}`, shipped.kiB <= FONT_KIB_GOAL),
    row(
      'font files fetched before the welcome screen showed',
      median(fontsBefore),
      'x',
      `the welcome screen's own files only (fewer than the ${shipped.files} shipped)`,
      median(fontsBefore) < shipped.files,
    ),
  ]
}
