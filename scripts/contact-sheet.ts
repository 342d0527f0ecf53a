/**
 * The reviewer's contact sheet: every visitor screen and its states, in every
 * language, both orientations and both text sizes (plus a small high-contrast
 * set), rendered by Chromium from the built renderer in web mode, written to
 * test-results/contact-sheet/ as PNG files and one self-contained index.html.
 *
 *   tsx scripts/contact-sheet.ts [--lang en,ar] [--orientation portrait] [--text large] [--port 4190]
 *
 * Each option takes a comma list; --text knows normal, large and contrast (the
 * high-contrast set: English and Arabic, landscape, normal text, screens only).
 * The output folder is emptied first, so index.html always matches the PNGs.
 * Serves $KIOSK_OUT_DIR/renderer (else out/renderer) with `vite preview`, so
 * build first (`electron-vite build --mode test` also gives the pseudo-locale).
 * A state whose control the build lacks is skipped and listed as not rendered.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { get } from 'node:http'
import { join, resolve } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { parseArgs } from 'node:util'
import { chromium, type Browser, type Locator, type Page } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium-launch.mjs'
import { LOCALE_TAGS } from '../electron/contract'
import { PRINT_COOLDOWN_SECONDS } from '../electron/print-allowance'
import { CAUSE_CARDS, CONTENT_SCREENS, SELFCHECK_ITEMS } from '../src/content/journey'
import { isLocaleTag, PSEUDO_LOCALE } from '../src/i18n/locales'

const root = resolve(import.meta.dirname, '..')
const SHEET_DIR = join(root, 'test-results/contact-sheet')
/** The test suite's port (playwright.config.ts): never used here. */
const TEST_SUITE_PORT = 4173

const LANGUAGES = [...LOCALE_TAGS, PSEUDO_LOCALE.tag] as const
const ORIENTATIONS = {
  landscape: { width: 1920, height: 1080 },
  portrait: { width: 1080, height: 1920 },
} as const
/** Normal text, large text, and the high-contrast extra set (normal text). */
const TEXT_MODES = ['normal', 'large', 'contrast'] as const
/** Which languages and orientations the high-contrast set covers. */
const CONTRAST_SET = { langs: ['en', 'ar'], orientation: 'landscape' }

/** Every screen the sheet shows, in the order visitors meet them, with a short English name. */
const SCREENS = {
  attract: 'Welcome',
  language: 'Language',
  about: 'About cramps',
  causes: 'Causes',
  selfcheck: 'Self-check',
  during: 'During a cramp',
  prevention: 'Prevention',
  avoid: 'What to avoid',
  doctor: 'When to see a doctor',
  handout: 'Handout',
  sources: 'Sources',
  done: 'Thank you',
} as const

type Lang = (typeof LANGUAGES)[number]
type Orientation = keyof typeof ORIENTATIONS
type TextMode = (typeof TEXT_MODES)[number]
type Screen = keyof typeof SCREENS

/** One language, orientation and text mode: one browser context, one visit (two page loads). */
interface Variant {
  lang: Lang
  orientation: Orientation
  text: TextMode
}

/** A written screenshot. */
interface Shot extends Variant {
  file: string
  screen: Screen
  state: string | null
  page: number | null
}

/** A screenshot the build could not give, and why. */
interface Skipped extends Variant {
  screen: Screen | null
  state: string | null
  reason: string
}

/** What a run produced. */
interface Sheet {
  shots: Shot[]
  skipped: Skipped[]
}

/** The kiosk configuration served to every page: a clinic phone and emergency number, one print per visitor. */
function kioskConfig(lang: Lang): Record<string, unknown> {
  return {
    // The welcome and language screens show in the default language; the pseudo-locale cannot be one.
    defaultLocale: isLocaleTag(lang) ? lang : 'en',
    clinicName: 'Eastside Family Clinic',
    clinicPhone: '(555) 010-0100',
    emergencyNumber: '999',
    printsPerVisitor: 1,
    // Long enough that no warning interrupts a screenshot; the idle state fast-forwards the clock instead.
    idleTimeoutSeconds: 600,
    idleWarningSeconds: 60,
  }
}

/** window.print stand-in: does nothing, or throws once the sheet sets `__contactSheetPrint = 'throw'`. */
const PRINT_STUB = `window.__contactSheetPrint = 'ok'
window.print = () => {
  if (window.__contactSheetPrint === 'throw') throw new Error('Printer out of paper (contact sheet)')
}`

/** Thrown when the visit cannot go on (a screen did not show): the rest of the variant is skipped. */
class VisitStopped extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Command line and server

/** The CLI options: which languages, orientations and text modes, and the server's port. */
function parseCli(): { variants: Variant[]; port: number } {
  const { values } = parseArgs({
    options: {
      lang: { type: 'string' },
      orientation: { type: 'string' },
      text: { type: 'string' },
      port: { type: 'string', default: '4190' },
    },
  })
  const langs = pick('--lang', values.lang, LANGUAGES)
  const orientations = pick('--orientation', values.orientation, Object.keys(ORIENTATIONS) as Orientation[])
  const texts = pick('--text', values.text, TEXT_MODES)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 1024 || port > 65535) throw new Error(`--port ${values.port} is not a port`)
  if (port === TEST_SUITE_PORT) throw new Error(`Port ${TEST_SUITE_PORT} belongs to the test suite; pick another`)
  const variants: Variant[] = []
  for (const lang of langs)
    for (const orientation of orientations)
      for (const text of texts) {
        const inContrastSet = CONTRAST_SET.langs.includes(lang) && orientation === CONTRAST_SET.orientation
        if (text !== 'contrast' || inContrastSet) variants.push({ lang, orientation, text })
      }
  return { variants, port }
}

/** The values of a comma list option, each checked against what exists; all of them when the option is absent. */
function pick<T extends string>(option: string, list: string | undefined, known: readonly T[]): T[] {
  if (list === undefined) return [...known]
  const wanted = list.split(',').map((value) => value.trim())
  const unknown = wanted.filter((value) => !known.includes(value as T))
  if (unknown.length > 0) throw new Error(`${option}: unknown ${unknown.join(', ')} (known: ${known.join(', ')})`)
  return known.filter((value) => wanted.includes(value))
}

/** Whether the server answers on `port` (node:http: fetch refuses ports on the Fetch standard's "bad port" list, 4190 among them). */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const request = get({ host: '127.0.0.1', port, path: '/', timeout: 1000 }, (response) => {
      response.resume()
      done(response.statusCode === 200)
    })
    request.on('error', () => done(false))
    request.on('timeout', () => request.destroy())
  })
}

/** Starts `vite preview` on the built renderer and resolves once it answers. */
async function startServer(port: number): Promise<ChildProcess> {
  if (await answers(port)) throw new Error(`Port ${port} is in use; pick another with --port`)
  const outDir = join(process.env.KIOSK_OUT_DIR || join(root, 'out'), 'renderer')
  const vite = join(root, 'node_modules/vite/bin/vite.js')
  const args = ['preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', `${port}`, '--strictPort']
  const server = spawn(process.execPath, [vite, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] })
  let errors = ''
  server.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()))
  for (let attempt = 0; attempt < 80; attempt++) {
    if (server.exitCode !== null) throw new Error(`vite preview stopped (port ${port} in use?):\n${errors}`)
    if (await answers(port)) return server
    await sleep(250)
  }
  server.kill()
  throw new Error(`vite preview did not answer on port ${port}:\n${errors}`)
}

// ---------------------------------------------------------------------------------------------------------------
// Page helpers

/** Waits for the fonts and two frames, so what the screenshot shows has been laid out and painted. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(
    'document.fonts.ready.then(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))))',
  )
}

/** The visible element with this test id (missing or hidden ones do not count). */
function byTestId(page: Page, testId: string): Locator {
  return page.getByTestId(testId).filter({ visible: true }).first()
}

/** Whether a control is there now, or shows within `waitMs`. */
async function present(page: Page, testId: string, waitMs = 0): Promise<boolean> {
  const locator = page.getByTestId(testId).first()
  if (waitMs === 0) return (await locator.count()) > 0
  return locator
    .waitFor({ state: 'attached', timeout: waitMs })
    .then(() => true)
    .catch(() => false)
}

/** Waits for a screen; stops the visit when it does not come. */
async function expectScreen(page: Page, screen: Screen): Promise<Locator> {
  const root = page.getByTestId(`screen-${screen}`)
  try {
    await root.waitFor({ state: 'visible', timeout: 5000 })
  } catch {
    throw new VisitStopped(`screen-${screen} did not show`)
  }
  await settle(page)
  return root
}

/** The 1-based page a paged element shows and how many it has (1 of 1 when it does not page). */
async function pageOf(root: Locator): Promise<{ page: number; pages: number }> {
  const [page, pages] = await Promise.all([root.getAttribute('data-page'), root.getAttribute('data-pages')])
  return { page: Number(page ?? 1) || 1, pages: Number(pages ?? 1) || 1 }
}

/**
 * A paging control (`page-more`, `page-previous`) of a paged element: its own,
 * else the screen's; a content screen turns back a page with its Back button.
 */
async function pageControl(page: Page, root: Locator, testId: string): Promise<Locator> {
  const own = root.getByTestId(testId).filter({ visible: true }).first()
  if ((await own.count()) > 0) return own
  const screens =
    testId === 'page-previous' ? byTestId(page, testId).or(byTestId(page, 'nav-back')) : byTestId(page, testId)
  return screens.first()
}

/** Shows page `target` of a paged element with `page-more` / `page-previous`. */
async function turnTo(page: Page, root: Locator, target: number): Promise<void> {
  const selector = JSON.stringify(`[data-testid="${await root.getAttribute('data-testid')}"]`)
  for (let guard = 0; guard < 20; guard++) {
    const { page: current } = await pageOf(root)
    if (current === target) return settle(page)
    await (await pageControl(page, root, current < target ? 'page-more' : 'page-previous')).tap()
    // A string: this project's node scripts have no DOM types.
    await page.waitForFunction(
      `document.querySelector(${selector})?.getAttribute('data-page') !== '${current}'`,
      null,
      {
        timeout: 3000,
      },
    )
  }
  throw new Error(`could not turn to page ${target}`)
}

/** Whether an element is on screen (not on another page of its screen, not scrolled away). */
async function onScreen(page: Page, element: Locator): Promise<boolean> {
  const box = await element.boundingBox()
  const view = page.viewportSize()!
  return (
    box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= view.width && box.y + box.height <= view.height
  )
}

/** Turns the pages of the current screen until `element` is on screen (it stays put when the screen does not page). */
async function reveal(page: Page, element: Locator, screenRoot: Locator): Promise<void> {
  if ((await element.isVisible()) && (await onScreen(page, element))) return
  const { pages } = await pageOf(screenRoot)
  for (let target = 1; target <= pages; target++) {
    await turnTo(page, screenRoot, target)
    if ((await element.isVisible()) && (await onScreen(page, element))) return
  }
}

/**
 * Taps a control, first turning the pages of `screenRoot` until it is on
 * screen. Returns false (having tapped nothing) when the build has no such control.
 */
async function tapControl(page: Page, testId: string, screenRoot?: Locator): Promise<boolean> {
  const control = page.getByTestId(testId).first()
  if ((await control.count()) === 0) return false
  if (screenRoot) await reveal(page, control, screenRoot)
  // Playwright cannot hit-test some elements of a column-paged screen (its boxes ignore the fragmentation): click them.
  await control.tap({ timeout: 3000 }).catch(() => control.dispatchEvent('click'))
  await settle(page)
  return true
}

/** Turns to the screen's last page, taps `nav-next` and waits for the next screen. */
async function next(page: Page, to: Screen): Promise<Locator> {
  while (await tapControl(page, 'page-more'));
  if (!(await tapControl(page, 'nav-next'))) throw new VisitStopped('no nav-next control')
  return expectScreen(page, to)
}

/** Presses or releases a mode toggle (aria-pressed); false when the screen has no such toggle. */
async function setToggle(page: Page, testId: string, pressed: boolean): Promise<boolean> {
  const toggle = byTestId(page, testId)
  if ((await toggle.count()) === 0) return !pressed
  if ((await toggle.getAttribute('aria-pressed')) !== String(pressed)) {
    await toggle.tap()
    const selector = JSON.stringify(`[data-testid="${testId}"]`)
    await page.waitForFunction(
      `document.querySelector(${selector})?.getAttribute('aria-pressed') === '${pressed}'`,
      null,
      {
        timeout: 3000,
      },
    )
    await settle(page)
  }
  return true
}

/** Sets the variant's text size and contrast on the current screen; the reason when it cannot. */
async function applyTextMode(page: Page, text: TextMode): Promise<string | null> {
  if (!(await setToggle(page, 'mode-large-text', text === 'large'))) return 'no mode-large-text toggle'
  if (!(await setToggle(page, 'mode-high-contrast', text === 'contrast'))) return 'no mode-high-contrast toggle'
  return null
}

// ---------------------------------------------------------------------------------------------------------------
// Capturing

/** Captures the screens and states of one variant into the sheet. */
class Camera {
  constructor(
    private readonly page: Page,
    readonly variant: Variant,
    private readonly sheet: Sheet,
  ) {}

  /** The high-contrast set shows the screens only, not their states. */
  get screensOnly(): boolean {
    return this.variant.text === 'contrast'
  }

  /** Notes a screenshot that could not be taken. */
  skip(screen: Screen | null, state: string | null, reason: string): void {
    this.sheet.skipped.push({ ...this.variant, screen, state, reason })
  }

  /**
   * Screenshots the current screen (or a state of it), every page of `paged`
   * when it pages. Skipped, with the reason, when the text mode cannot be set.
   */
  async shoot(screen: Screen, state: string | null, paged?: Locator): Promise<void> {
    const problem = await applyTextMode(this.page, this.variant.text)
    if (problem) return this.skip(screen, state, problem)
    try {
      const pages = paged ? (await pageOf(paged)).pages : 1
      for (let number = 1; number <= pages; number++) {
        if (paged && pages > 1) await turnTo(this.page, paged, number)
        const { lang, orientation, text } = this.variant
        const name = [lang, orientation, text, screen, state, pages > 1 ? `p${number}` : null].filter(Boolean)
        const file = `${name.join('-')}.png`
        await this.page.screenshot({ path: join(SHEET_DIR, file), animations: 'disabled', caret: 'hide' })
        this.sheet.shots.push({ ...this.variant, file, screen, state, page: pages > 1 ? number : null })
      }
      if (paged && pages > 1) await turnTo(this.page, paged, 1)
    } catch (error) {
      this.skip(screen, state, `failed: ${firstLine(error)}`)
    }
  }

  /** Runs one state's steps; a failure skips that state only (a stopped visit stops the variant). */
  async state(screen: Screen, state: string, steps: () => Promise<void>): Promise<void> {
    if (this.screensOnly) return
    try {
      await steps()
    } catch (error) {
      if (error instanceof VisitStopped) throw error
      if (process.env.CONTACT_SHEET_DEBUG) console.error(error)
      this.skip(screen, state, `failed: ${firstLine(error)}`)
    }
  }
}

const firstLine = (error: unknown) => String(error instanceof Error ? error.message : error).split('\n')[0]!

/** The print status now, once any print under way has ended. */
async function printOutcome(page: Page): Promise<string> {
  const status = page.getByTestId('print-status').first()
  await sleep(200)
  for (let waited = 0; waited < 5000; waited += 100) {
    const state = (await status.getAttribute('data-state')) ?? 'none'
    if (state !== 'printing') return state
    await sleep(100)
  }
  return 'printing'
}

/** Prints from the handout screen (button, then the confirmation); the outcome's data-state, or null without a button. */
async function printHandout(page: Page, handout: Locator): Promise<string | null> {
  // The last outcome's dialog is read and closed first.
  await tapControl(page, 'print-status-close')
  const button = page.getByTestId('print-handout').first()
  if ((await button.count()) > 0 && (await button.isDisabled())) throw new Error('print-handout is disabled')
  if (!(await tapControl(page, 'print-handout', handout))) return null
  if (!(await present(page, 'print-dialog', 3000))) throw new Error('print-dialog did not open')
  await tapControl(page, 'print-confirm')
  return printOutcome(page)
}

// ---------------------------------------------------------------------------------------------------------------
// The visit

/** The welcome screen, the language screen and the choice of language; ends on screen-about. */
async function chooseLanguage(page: Page, camera: Camera | null, lang: Lang): Promise<Locator> {
  const attract = await expectScreen(page, 'attract')
  if (camera && isLocaleTag(lang)) await camera.shoot('attract', null, attract)
  if (!(await tapControl(page, 'start'))) throw new VisitStopped('no start button on screen-attract')
  const language = await expectScreen(page, 'language')
  if (camera && isLocaleTag(lang)) await camera.shoot('language', null, language)
  if (!(await tapControl(page, `lang-${lang}`, language))) throw new VisitStopped(`no lang-${lang} button`)
  const about = await expectScreen(page, 'about')
  if (camera && !isLocaleTag(lang)) {
    // The pseudo-locale cannot be the default language: back from the first lesson to see its welcome screens.
    await tapControl(page, 'nav-back')
    await camera.shoot('language', null, await expectScreen(page, 'language'))
    await tapControl(page, 'nav-back')
    await camera.shoot('attract', null, await expectScreen(page, 'attract'))
    await tapControl(page, 'start')
    await tapControl(page, `lang-${lang}`, await expectScreen(page, 'language'))
    return expectScreen(page, 'about')
  }
  return about
}

/** The first lesson and the sources page opened from it. */
async function aboutAndSources(page: Page, camera: Camera, about: Locator): Promise<void> {
  await camera.shoot('about', null, about)
  if (!(await tapControl(page, 'nav-sources'))) return camera.skip('sources', null, 'no nav-sources control')
  await camera.shoot('sources', null, await expectScreen(page, 'sources'))
  if (!(await tapControl(page, 'sources-close')) && !(await tapControl(page, 'nav-back'))) {
    throw new VisitStopped('no sources-close or nav-back on screen-sources')
  }
  await expectScreen(page, 'about')
}

/** The causes screen, then each cause card opened (in its panel, or opened in place in older builds). */
async function causes(page: Page, camera: Camera, screen: Locator): Promise<void> {
  await camera.shoot('causes', null, screen)
  for (const card of CAUSE_CARDS) {
    await camera.state('causes', card, async () => {
      if (!(await tapControl(page, `cause-${card}`, screen))) return camera.skip('causes', card, `no cause-${card}`)
      if (await present(page, 'cause-panel')) {
        const panel = byTestId(page, 'cause-panel')
        await camera.shoot('causes', card, panel)
        if (!(await tapControl(page, 'cause-panel-close'))) throw new VisitStopped('no cause-panel-close')
        await page.getByTestId('cause-panel').waitFor({ state: 'detached', timeout: 3000 })
      } else {
        await camera.shoot('causes', card)
        await tapControl(page, `cause-${card}`, screen)
      }
    })
  }
}

/** The self-check with no choice, then with every choice made (left made, so the handout lists them all). */
async function selfCheck(page: Page, camera: Camera, screen: Locator): Promise<void> {
  await camera.shoot('selfcheck', null, screen)
  const missing: string[] = []
  for (const item of SELFCHECK_ITEMS) {
    const choice = page.getByTestId(`selfcheck-${item}`).first()
    if ((await choice.count()) === 0) missing.push(item)
    else if ((await choice.getAttribute('aria-pressed')) !== 'true') await tapControl(page, `selfcheck-${item}`, screen)
  }
  if (missing.length > 0) camera.skip('selfcheck', 'all', `no selfcheck-${missing.join(', selfcheck-')}`)
  else await camera.state('selfcheck', 'all', () => camera.shoot('selfcheck', 'all', screen))
}

/** Screenshots a print outcome as state `print-<data-state>`; skipped when the print never ended. */
async function shootOutcome(camera: Camera, expected: string, outcome: string | null): Promise<void> {
  if (outcome === null || outcome === 'printing' || outcome === 'idle') {
    return camera.skip('handout', `print-${expected}`, `print-status stayed ${outcome ?? 'absent'}`)
  }
  await camera.shoot('handout', `print-${outcome}`)
}

/**
 * The handout with every choice, its print confirmation, a no-op window.print()
 * (done, or unconfirmed) and printing again past the limit of one print per visitor.
 */
async function handoutAndPrinting(page: Page, camera: Camera, handout: Locator): Promise<void> {
  await camera.shoot('handout', 'all', handout)
  if (camera.screensOnly) return
  if (!(await present(page, 'print-handout'))) return camera.skip('handout', 'print-*', 'no print-handout button')
  await camera.state('handout', 'print-dialog', async () => {
    await tapControl(page, 'print-handout', handout)
    if (!(await present(page, 'print-dialog', 3000))) return camera.skip('handout', 'print-dialog', 'no print-dialog')
    await camera.shoot('handout', 'print-dialog')
    if (!(await tapControl(page, 'print-cancel'))) throw new VisitStopped('no print-cancel')
  })
  await camera.state('handout', 'print-done', async () =>
    shootOutcome(camera, 'done', await printHandout(page, handout)),
  )
  await camera.state('handout', 'print-limit', async () => {
    // Past the cool-down, so the refusal is the per-visitor limit, not "wait a moment".
    await page.clock.fastForward((PRINT_COOLDOWN_SECONDS + 1) * 1000)
    const outcome = await printHandout(page, handout)
    if (outcome === 'limit') await camera.shoot('handout', 'print-limit')
    else camera.skip('handout', 'print-limit', `printing again gave ${outcome}`)
  })
}

/** A throwing window.print() (the printer error), then printing again at once (refused: the cool-down). */
async function printFailure(page: Page, camera: Camera, handout: Locator): Promise<void> {
  if (camera.screensOnly || !(await present(page, 'print-handout'))) return
  await page.evaluate("window.__contactSheetPrint = 'throw'")
  let failed = false
  await camera.state('handout', 'print-error', async () => {
    const outcome = await printHandout(page, handout)
    failed = outcome === 'error'
    await shootOutcome(camera, 'error', outcome)
  })
  await page.evaluate("window.__contactSheetPrint = 'ok'")
  if (!failed) return camera.skip('handout', 'print-limit-wait', 'needs the printer error first')
  await camera.state('handout', 'print-limit-wait', async () => {
    const outcome = await printHandout(page, handout)
    if (outcome === 'limit') await camera.shoot('handout', 'print-limit-wait')
    else camera.skip('handout', 'print-limit-wait', `printing during the cool-down gave ${outcome}`)
  })
}

/** The idle warning and the start-over question, both over the first lesson, each answered "stay". */
async function idleAndStartOver(page: Page, camera: Camera): Promise<void> {
  // The text mode first: the overlays cover its toggles. (A missing toggle is noted by each screenshot.)
  await applyTextMode(page, camera.variant.text)
  await camera.state('about', 'idle-warning', async () => {
    const { idleTimeoutSeconds } = kioskConfig(camera.variant.lang) as { idleTimeoutSeconds: number }
    await page.clock.fastForward((idleTimeoutSeconds + 1) * 1000)
    if (!(await present(page, 'idle-warning', 3000))) return camera.skip('about', 'idle-warning', 'no idle-warning')
    await settle(page)
    await camera.shoot('about', 'idle-warning')
    if (!(await tapControl(page, 'idle-stay'))) await byTestId(page, 'idle-warning').tap()
    await page.getByTestId('idle-warning').waitFor({ state: 'detached', timeout: 3000 })
  })
  await camera.state('about', 'start-over', async () => {
    if (!(await tapControl(page, 'nav-home'))) return camera.skip('about', 'start-over', 'no nav-home')
    if (!(await present(page, 'start-over-dialog', 3000))) {
      return camera.skip('about', 'start-over', 'no start-over-dialog')
    }
    await camera.shoot('about', 'start-over')
    if (!(await tapControl(page, 'start-over-cancel'))) throw new VisitStopped('no start-over-cancel')
    await expectScreen(page, 'about')
  })
}

/** One variant: a visit through every screen with every state, then a second visit that chooses nothing. */
async function renderVariant(browser: Browser, variant: Variant, sheet: Sheet, baseUrl: string): Promise<void> {
  const context = await browser.newContext({ viewport: ORIENTATIONS[variant.orientation], hasTouch: true })
  try {
    const page = await context.newPage()
    page.setDefaultTimeout(5000)
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.route('**/kiosk-config.json', (route) => route.fulfill({ json: kioskConfig(variant.lang) }))
    await page.addInitScript({ content: PRINT_STUB })
    await page.clock.install()
    const camera = new Camera(page, variant, sheet)
    try {
      await page.goto(baseUrl)
      const about = await chooseLanguage(page, camera, variant.lang)
      await aboutAndSources(page, camera, about)
      await causes(page, camera, await next(page, 'causes'))
      await selfCheck(page, camera, await next(page, 'selfcheck'))
      for (const screen of ['during', 'prevention', 'avoid', 'doctor'] as const) {
        await camera.shoot(screen, null, await next(page, screen))
      }
      await handoutAndPrinting(page, camera, await next(page, 'handout'))

      // A new visitor (fresh page): nothing chosen; the idle warning, start over, and the end of the visit.
      await page.goto(baseUrl)
      await chooseLanguage(page, null, variant.lang)
      await idleAndStartOver(page, camera)
      let handout = await expectScreen(page, 'about')
      for (const screen of CONTENT_SCREENS.slice(1)) handout = await next(page, screen)
      await camera.state('handout', 'none', () => camera.shoot('handout', 'none', handout))
      await printFailure(page, camera, handout)
      await tapControl(page, 'print-status-close')
      if (!(await tapControl(page, 'visit-done', handout))) camera.skip('done', null, 'no visit-done button')
      else await camera.shoot('done', null, await expectScreen(page, 'done'))
    } catch (error) {
      camera.skip(null, null, `visit stopped: ${firstLine(error)}`)
    }
  } finally {
    await context.close()
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The index page

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[character]!)

/** A language's English name with its tag, e.g. "Arabic (ar)". */
function languageName(lang: Lang): string {
  if (lang === PSEUDO_LOCALE.tag) return `Pseudo-locale (${lang})`
  return `${new Intl.DisplayNames(['en'], { type: 'language' }).of(lang) ?? lang} (${lang})`
}

const TEXT_NAMES: Record<TextMode, string> = { normal: 'normal text', large: 'large text', contrast: 'high contrast' }

/** One thumbnail, linking to its full-size PNG. */
function thumbnailHtml(shot: Shot): string {
  const { width, height } = ORIENTATIONS[shot.orientation]
  const scale = 320 / Math.max(width, height)
  const label = [
    shot.lang,
    shot.orientation,
    TEXT_NAMES[shot.text],
    shot.screen,
    shot.state ?? '',
    shot.page ? `page ${shot.page}` : '',
  ].filter(Boolean)
  return `<figure data-lang="${shot.lang}" data-orientation="${shot.orientation}" data-text="${shot.text}">
<a href="${encodeURI(shot.file)}"><img src="${encodeURI(shot.file)}" loading="lazy" alt="${escapeHtml(label.join(', '))}" width="${Math.round(width * scale)}" height="${Math.round(height * scale)}"></a>
<figcaption>${label.map(escapeHtml).join(' · ')}</figcaption></figure>`
}

/** The skipped screenshots, grouped by reason. */
function skippedHtml(skipped: Skipped[]): string {
  if (skipped.length === 0) return '<p>Everything was rendered.</p>'
  const rows = [...groupBy(skipped, (entry) => entry.reason)].map(([reason, entries]) => {
    const names = [
      ...new Set(entries.map((entry) => [entry.screen ?? '(visit)', entry.state].filter(Boolean).join(' '))),
    ]
    const variants = new Set(entries.map((entry) => `${entry.lang}-${entry.orientation}-${entry.text}`))
    return `<tr><td>${escapeHtml(reason)}</td><td>${escapeHtml(names.join(', '))}</td><td>${entries.length} in ${variants.size} variant(s)</td></tr>`
  })
  return `<table><thead><tr><th>Why</th><th>Screen and state</th><th>How many</th></tr></thead><tbody>${rows.join('\n')}</tbody></table>`
}

/** A filter: a checkbox per value of one label field. */
function filterHtml(field: string, legend: string, values: [string, string][]): string {
  const boxes = values.map(
    ([value, name]) => `<label><input type="checkbox" data-filter="${field}" value="${value}" checked> ${name}</label>`,
  )
  return `<fieldset><legend>${legend}</legend>${boxes.join('')}</fieldset>`
}

/** The whole index page: filters, then thumbnails by language and screen, then what was not rendered. */
function indexHtml(sheet: Sheet, seconds: number): string {
  const langs = LANGUAGES.filter((lang) => sheet.shots.some((shot) => shot.lang === lang))
  const sections = langs.map((lang) => {
    const screens = (Object.keys(SCREENS) as Screen[]).flatMap((screen) => {
      const shots = sheet.shots.filter((shot) => shot.lang === lang && shot.screen === screen)
      if (shots.length === 0) return []
      return [
        `<section class="screen"><h3>${SCREENS[screen]} <small>(screen-${screen})</small></h3>
<div class="grid">${shots.map(thumbnailHtml).join('\n')}</div></section>`,
      ]
    })
    return `<section class="lang" data-lang="${lang}"><h2>${escapeHtml(languageName(lang))}</h2>${screens.join('\n')}</section>`
  })
  const used = <T extends string>(values: readonly T[], key: 'lang' | 'orientation' | 'text') =>
    values.filter((value) => sheet.shots.some((shot) => shot[key] === value))
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Night leg cramps kiosk: contact sheet</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { margin: 0 24px 48px; font: 16px/1.4 system-ui, sans-serif; color: #111; background: #f4f4f4; }
header { position: sticky; top: 0; z-index: 1; background: #f4f4f4; padding: 12px 0; border-bottom: 1px solid #ccc; }
h1 { font-size: 24px; margin: 0 0 8px; }
fieldset { display: inline-block; margin: 4px 12px 4px 0; border: 1px solid #bbb; }
fieldset label { margin-inline-end: 12px; white-space: nowrap; }
h2 { margin: 32px 0 8px; font-size: 22px; border-bottom: 2px solid #333; }
h3 { margin: 16px 0 8px; font-size: 17px; }
h3 small { font-weight: 400; color: #555; }
.grid { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-start; }
figure { margin: 0; background: #fff; padding: 6px; border: 1px solid #ccc; max-width: 320px; }
figure img { display: block; background: #ddd; }
figcaption { font-size: 13px; margin-top: 4px; }
[hidden] { display: none !important; }
table { border-collapse: collapse; background: #fff; }
th, td { border: 1px solid #bbb; padding: 4px 8px; text-align: left; vertical-align: top; }
</style></head>
<body>
<header>
<h1>Night leg cramps kiosk: contact sheet</h1>
<p>${sheet.shots.length} screenshots, rendered ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in
${Math.round(seconds)} s. Click a thumbnail for the full-size screen. <a href="#not-rendered">Not rendered: ${sheet.skipped.length}</a></p>
${filterHtml(
  'lang',
  'Language',
  langs.map((lang) => [lang, escapeHtml(languageName(lang))]),
)}
${filterHtml(
  'orientation',
  'Orientation',
  used(Object.keys(ORIENTATIONS) as Orientation[], 'orientation').map((value) => [value, value]),
)}
${filterHtml(
  'text',
  'Text',
  used(TEXT_MODES, 'text').map((value) => [value, TEXT_NAMES[value]]),
)}
</header>
<main>${sections.join('\n')}</main>
<section id="not-rendered"><h2>Not rendered</h2>${skippedHtml(sheet.skipped)}</section>
<script>
const boxes = [...document.querySelectorAll('input[data-filter]')]
function applyFilters() {
  const on = (field) => new Set(boxes.filter((box) => box.dataset.filter === field && box.checked).map((box) => box.value))
  const lang = on('lang'), orientation = on('orientation'), text = on('text')
  for (const figure of document.querySelectorAll('figure')) {
    const { dataset } = figure
    figure.hidden = !(lang.has(dataset.lang) && orientation.has(dataset.orientation) && text.has(dataset.text))
  }
  for (const group of document.querySelectorAll('section.screen, section.lang')) {
    group.hidden = !group.querySelector('figure:not([hidden])')
  }
}
for (const box of boxes) box.addEventListener('change', applyFilters)
</script>
</body></html>
`
}

/** Entries grouped by a key, in first-seen order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item])
  return groups
}

// ---------------------------------------------------------------------------------------------------------------
// Main

/** What was not rendered, grouped by reason, for the console. */
function printSummary(sheet: Sheet, seconds: number): void {
  console.log(`\n${sheet.shots.length} screenshots in ${Math.round(seconds)} s → ${join(SHEET_DIR, 'index.html')}`)
  if (sheet.skipped.length === 0) return console.log('Everything was rendered.')
  console.log(`Not rendered (${sheet.skipped.length}):`)
  for (const [reason, entries] of groupBy(sheet.skipped, (entry) => entry.reason)) {
    const names = [
      ...new Set(entries.map((entry) => [entry.screen ?? '(visit)', entry.state].filter(Boolean).join(' '))),
    ]
    console.log(`  ${reason}: ${entries.length}× (${names.slice(0, 6).join(', ')}${names.length > 6 ? ', …' : ''})`)
  }
}

async function main(): Promise<void> {
  const { variants, port } = parseCli()
  const started = Date.now()
  rmSync(SHEET_DIR, { recursive: true, force: true })
  mkdirSync(SHEET_DIR, { recursive: true })
  const sheet: Sheet = { shots: [], skipped: [] }
  const server = await startServer(port)
  const stop = () => server.kill()
  // Also when the run dies (Ctrl-C, a closed pipe, a crash): the server never outlives it.
  process.once('exit', stop)
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => process.exit(130))
  let browser: Browser | undefined
  try {
    // Chromium refuses 4190 and the Fetch standard's other "bad ports" unless told otherwise.
    browser = await chromium.launch({
      ...CHROMIUM_LAUNCH,
      args: [...CHROMIUM_LAUNCH.args, `--explicitly-allowed-ports=${port}`],
    })
    for (const [index, variant] of variants.entries()) {
      const before = sheet.shots.length
      const variantStart = Date.now()
      await renderVariant(browser, variant, sheet, `http://127.0.0.1:${port}/`)
      const took = ((Date.now() - variantStart) / 1000).toFixed(1)
      console.log(
        `[${index + 1}/${variants.length}] ${variant.lang} ${variant.orientation} ${variant.text}: ${sheet.shots.length - before} screenshots, ${took} s`,
      )
    }
  } finally {
    await browser?.close()
    stop()
  }
  const seconds = (Date.now() - started) / 1000
  writeFileSync(join(SHEET_DIR, 'index.html'), indexHtml(sheet, seconds))
  printSummary(sheet, seconds)
}

await main()
