/**
 * Soak benchmark (issue 17): many simulated visitors, one after another, in one
 * Chromium page against the built renderer (web mode; it uses the test ids,
 * which production builds keep too). Each visitor does what real visitors do, chosen by a seeded
 * random walk so runs compare: a language from the welcome screen or the
 * language screen (and sometimes a switch to another), the screens in order as
 * far as they go, turning pages, cause panels, self-check choices, the display
 * toggles, reading aloud (pause, go on, from the start, volume), the sources
 * screen, the doctor shortcut, printing and its outcome, "I'm done", "Start
 * over" (asked, sometimes cancelled), and the idle warning, sometimes answered,
 * until the kiosk resets itself. Playwright's fake clock stands in for the
 * idle time, so a visitor costs well under a second of wall-clock time.
 *
 * JS heap (after forced garbage collection), DOM nodes and JS event listeners
 * are read on the welcome screen after a baseline visitor and after the last.
 * The baseline comes once the caches that fill once and then stay are warm
 * (every language's compiled messages and fonts, every screen's components and
 * layout): after visitor 50 of 500. What grows after it grows per visitor, and
 * would exhaust a kiosk that runs for months. Goals: heap growth at most 2%,
 * DOM nodes and listeners flat. Quick mode (30 visitors, baseline after 10) only
 * proves the bench still runs; its ok flags are informational.
 */

/** Visitors in all, and the visitor after which the baseline is read. */
const FULL = { visitors: 500, baseline: 50 }
const QUICK = { visitors: 30, baseline: 10 }
const HEAP_GROWTH_GOAL = 0.02

const LOCALES = ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur']
/** The system voices the fake engine offers: every language but Tagalog, as on Linux (see README). */
const VOICES = ['en-US', 'es', 'cmn', 'vi', 'ar', 'pl', 'ur']
/** How long the fake voice takes over a sentence: a screen is read on while the visitor idles, not at once. */
const SENTENCE_MS = 3_000
const CONTENT_SCREENS = ['about', 'causes', 'selfcheck', 'during', 'prevention', 'avoid', 'doctor', 'handout']
const CAUSE_CARDS = ['age', 'pregnancy', 'strain', 'conditions', 'medicines', 'alcohol', 'fluids']
const CHOICES = ['over60', 'pregnant', 'exercise', 'posture', 'condition', 'medicine', 'fluids', 'wakes']
/** The default idle timeout and warning (electron/default-config.ts), plus a second each. */
const IDLE_MS = 91_000
const WARNING_MS = 21_000
/** The thank-you screen's time (DoneScreen.vue), plus a second. */
const THANK_YOU_MS = 9_000

/**
 * Stands in for the system's speech engine before the kiosk loads: a voice per
 * language of `voices`, each utterance ending `SENTENCE_MS` (fake clock) after it starts.
 * Nothing is recorded, so the fake itself holds no memory across visitors.
 * Printing goes to a window.print that does nothing, as a dialog closed at once.
 */
function fakeSpeechAndPrinter({ voices, sentenceMs }) {
  const systemVoices = voices.map((lang) => ({
    name: `Soak voice ${lang}`,
    voiceURI: `soak-${lang}`,
    lang,
    default: false,
    localService: true,
  }))
  class FakeUtterance extends EventTarget {
    lang = ''
    voice = null
    volume = 1
    rate = 1
    pitch = 1
    constructor(text = '') {
      super()
      this.text = text
    }
  }
  let playing = null
  let timer = 0
  const finish = (utterance, type, error) => {
    if (playing !== utterance) return
    playing = null
    clearTimeout(timer)
    utterance.dispatchEvent(Object.assign(new Event(type), { error }))
  }
  const engine = Object.assign(new EventTarget(), {
    getVoices: () => systemVoices,
    speak(utterance) {
      if (playing) finish(playing, 'error', 'interrupted')
      playing = utterance
      utterance.dispatchEvent(new Event('start'))
      timer = setTimeout(() => finish(utterance, 'end'), sentenceMs)
    },
    cancel() {
      if (playing) finish(playing, 'error', 'interrupted')
    },
    pause() {},
    resume() {},
    get speaking() {
      return playing !== null
    },
    pending: false,
    paused: false,
    onvoiceschanged: null,
  })
  Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true })
  Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true })
  window.print = () => {}
}

/** Deterministic pseudo-random numbers in [0, 1), so runs walk the same visits. */
function seededRandom(seed) {
  let state = seed
  return () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
}

/** One visitor's walk through the kiosk, ending on the welcome screen once the kiosk has reset itself. */
function visitorOf(page, random) {
  const chance = (probability) => random() < probability
  const pick = (items) => items[Math.floor(random() * items.length)]
  const byId = (id) => page.getByTestId(id)
  /**
   * Presses a control, without Playwright's actionability checks (the walk waits for each screen and
   * dialog itself): a mouse click, whose click event has been handled when it returns (a touch's comes later).
   */
  const press = (control) => control.click({ force: true })
  const tap = (id) => press(byId(id))
  /** The settled page count of a screen (or dialog) root, so its paging controls are final. */
  const settled = (root) => root.locator('.paged[data-settled="true"]').first().waitFor()
  /** Whether a teaching screen has pages after the one shown, once its pages are counted. */
  async function hasMorePages(screen) {
    await settled(screen)
    return screen.evaluate((root) => Number(root.dataset.page) < Number(root.dataset.pages))
  }
  /** Those of `ids` on the page shown now: a paged region keeps its other pages beside it, clipped. */
  const onThisPage = (ids) =>
    page.evaluate(
      (candidates) =>
        candidates.filter((id) => {
          const element = document.querySelector(`[data-testid="${id}"]`)
          const box = element?.getBoundingClientRect()
          const region = element?.closest('.paged__viewport')?.getBoundingClientRect()
          return box && region && box.left >= region.left - 1 && box.right <= region.right + 1
        }),
      ids,
    )

  /** Turns through a paged dialog or the sources screen with its own More, to the last page. */
  async function readPages(root, turns) {
    await settled(root)
    for (let turn = 0; turn < turns; turn++) {
      const more = root.getByTestId('page-more')
      if ((await more.count()) === 0) break
      await press(more)
    }
  }

  /**
   * Listen to what `root` (a screen, or the overlay of a dialog) shows; now and then a louder volume,
   * or from the start. Unless it is to `readOn` (the visitor's last act before walking away), the
   * visitor then pauses it, or reading would turn the pages under their fingers, and sometimes goes
   * on and pauses again.
   */
  async function listen(root, readOn = false) {
    const control = (id) => root.getByTestId(id).first()
    if ((await root.getByTestId('speech-listen').count()) === 0) return // no voice for this language
    await press(control('speech-listen'))
    if (chance(0.4)) await press(control('speech-volume'))
    if (chance(0.3)) await press(control('speech-replay'))
    if (readOn) return
    await press(control('speech-listen')) // pause
    if (chance(0.3)) {
      await press(control('speech-listen')) // go on
      await press(control('speech-listen')) // pause
    }
  }

  async function chooseLanguage(tag) {
    await byId('screen-language').waitFor()
    await tap(`lang-${tag}`)
  }

  async function sources() {
    await tap('nav-sources')
    const screen = byId('screen-sources')
    await screen.waitFor()
    await readPages(screen, 2)
    await tap('sources-close')
  }

  /** Opens (and closes) some of the cause cards on the page shown. */
  async function causePanels() {
    for (const card of await onThisPage(CAUSE_CARDS.map((card) => `cause-${card}`))) {
      if (!chance(0.3)) continue
      await tap(card)
      const panel = byId('cause-panel')
      await panel.waitFor()
      if (chance(0.3)) await listen(page.locator('.modal-overlay'))
      await readPages(panel, 2)
      await tap('cause-panel-close')
      await panel.waitFor({ state: 'detached' })
    }
  }

  /** Taps some of the self-check choices on the page shown. */
  async function choose() {
    for (const choice of await onThisPage(CHOICES.map((choice) => `selfcheck-${choice}`)))
      if (chance(0.3)) await tap(choice)
  }

  async function print() {
    await tap('print-handout')
    if (chance(0.2)) {
      await tap('print-cancel')
      return
    }
    await tap('print-confirm')
    await tap('print-status-close')
    await byId('print-status-dialog').waitFor({ state: 'detached' })
  }

  /** "Start over", asked first (and now and then the visitor thinks better of it once). */
  async function startOver() {
    if (chance(0.3)) {
      await tap('nav-home')
      await tap('start-over-cancel')
    }
    await tap('nav-home')
    await tap('start-over-confirm')
  }

  /** Walks away: the idle warning, sometimes answered once, then the reset. */
  async function walkAway() {
    await page.clock.runFor(IDLE_MS)
    await byId('idle-warning').waitFor()
    if (chance(0.2)) {
      await byId('idle-stay').tap() // a real touch: the pointer moving to a button would already count as activity
      await byId('idle-warning').waitFor({ state: 'detached' })
      await page.clock.runFor(IDLE_MS)
      await byId('idle-warning').waitFor()
    }
    await page.clock.runFor(WARNING_MS)
  }

  return async function visit() {
    await byId('screen-attract').waitFor()
    if (chance(0.1)) await listen(byId('screen-attract'))
    const tag = pick(LOCALES)
    if (chance(0.5)) await tap(`attract-lang-${tag}`)
    else {
      await tap('start')
      await chooseLanguage(tag)
    }
    if (chance(0.2)) {
      // Another language after all: Back from the first lesson to the language screen.
      await byId('screen-about').waitFor()
      await tap('nav-back')
      await chooseLanguage(pick(LOCALES.filter((other) => other !== tag)))
    }
    const depth = 1 + Math.floor(random() * CONTENT_SCREENS.length)
    for (const [index, name] of CONTENT_SCREENS.slice(0, depth).entries()) {
      const screen = byId(`screen-${name}`)
      await screen.waitFor()
      await settled(screen)
      if (chance(0.05)) await tap('mode-large-text')
      if (chance(0.05)) await tap('mode-high-contrast')
      if (chance(0.25)) await listen(screen)
      // Page by page with More to the last page, where the sources line is.
      for (;;) {
        if (name === 'causes') await causePanels()
        if (name === 'selfcheck') await choose()
        if (!(await hasMorePages(screen))) break
        await tap('page-more')
      }
      if (chance(0.12)) await sources()
      if (name === 'handout') {
        if (chance(0.5)) await print()
        if (chance(0.4)) {
          await tap('visit-done')
          await byId('screen-done').waitFor()
          if (chance(0.5)) await tap('done-now')
          else await page.clock.runFor(THANK_YOU_MS)
          return
        }
      }
      if (index === depth - 1) break
      if (name !== 'doctor' && chance(0.08)) {
        await tap('nav-doctor') // the one-tap way to "When to see a doctor"
        await byId('screen-doctor').waitFor()
        break
      }
      await tap('nav-next')
    }
    if (chance(0.15)) await startOver()
    else {
      if (chance(0.3)) await listen(page.locator('.screen'), true)
      await walkAway()
    }
  }
}

/** JS heap after forced garbage collection, DOM nodes and JS event listeners, read over CDP. */
async function measure(cdp) {
  for (let pass = 0; pass < 3; pass++) await cdp.send('HeapProfiler.collectGarbage')
  const { usedSize } = await cdp.send('Runtime.getHeapUsage')
  const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters')
  return { heap: usedSize, nodes, listeners: jsEventListeners }
}

/**
 * Runs the soak against `origin` (serving out/renderer of a test build) in the
 * launched Playwright Chromium `browser`: 500 visitors, or 30 when `quick`.
 * Returns the benchmark rows: heap at baseline and end, its growth, DOM nodes
 * and listeners at baseline and end and their change, and the visitor count.
 */
export async function benchSoak({ browser, origin, quick }) {
  const { visitors, baseline } = quick ? QUICK : FULL
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    hasTouch: true,
    reducedMotion: 'reduce',
  })
  try {
    await context.addInitScript(fakeSpeechAndPrinter, { voices: VOICES, sentenceMs: SENTENCE_MS })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    await page.clock.install()
    await page.goto(origin)
    const cdp = await context.newCDPSession(page)
    const visit = visitorOf(page, seededRandom(20261126))
    let early
    for (let visitor = 1; visitor <= visitors; visitor++) {
      await visit()
      await page.getByTestId('screen-attract').waitFor()
      if (visitor === baseline) early = await measure(cdp)
    }
    const late = await measure(cdp)
    const mib = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100
    const growth = Math.round(((late.heap - early.heap) / early.heap) * 1000) / 10
    const row = (measure, value, unit, goal, ok) => ({ bench: 'soak', measure, value, unit, goal, ok })
    const flat = (name, key) => [
      row(`${name} after visitor ${baseline}`, early[key], 'count', 'baseline', true),
      row(`${name} after visitor ${visitors}`, late[key], 'count', 'flat', late[key] <= early[key]),
      row(`${name} change`, late[key] - early[key], 'count', '0 or less', late[key] <= early[key]),
    ]
    return [
      row('visitors', visitors, 'count', quick ? 'quick run' : '500', true),
      row(`JS heap after visitor ${baseline}`, mib(early.heap), 'MiB', 'baseline', true),
      row(`JS heap after visitor ${visitors}`, mib(late.heap), 'MiB', 'flat', growth <= HEAP_GROWTH_GOAL * 100),
      row('JS heap growth', growth, '%', `≤ ${HEAP_GROWTH_GOAL * 100}%`, growth <= HEAP_GROWTH_GOAL * 100),
      ...flat('DOM nodes', 'nodes'),
      ...flat('JS event listeners', 'listeners'),
    ]
  } finally {
    await context.close()
  }
}
