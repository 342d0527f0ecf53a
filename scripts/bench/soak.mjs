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
 * idle time, so a visitor costs about a second of wall-clock time.
 *
 * JS heap (after forced garbage collection), DOM nodes and JS event listeners
 * are read on the welcome screen every 50 visitors. The 500 measured visitors
 * come after 250 warm-up visitors: a kiosk's first hundreds of visitors fill
 * caches that fill once and then stay (every language's compiled messages and
 * fonts, every screen's components and layout). All along, V8 keeps compiling
 * the functions that stay hot to faster tiers and keeps that code: about half
 * of the heap, and most of what it gains after the warm-up (heap snapshots
 * showed the kiosk's own objects, closures and strings flat from visitor 250 to
 * 600 while V8's code grew by 130 KB). That memory is bounded by the app's code,
 * not by its visitors, so heap snapshots at the baseline and the end (and after
 * visitor 50) weigh V8's code, and the goal is on the rest: what the kiosk
 * holds, which would exhaust a kiosk that runs for months if it grew with each
 * visitor. Goals over the 500 measured visitors: the JS heap without V8's code
 * grows at most 2%; DOM nodes and listeners are flat, from visitor 50 on. The
 * whole heap's growth is reported beside it. Quick mode (30 visitors after 10,
 * first read after 5) only proves the bench still runs; its ok flags are
 * informational.
 */

/**
 * The visitor after which the first reading (and the DOM and listener baseline) is taken, the warm-up
 * visitors before the heap's baseline, and the measured visitors after it.
 */
const FULL = { firstRead: 50, warmUp: 250, visitors: 500 }
const QUICK = { firstRead: 5, warmUp: 10, visitors: 30 }
/** Every this many visitors the heap, DOM nodes and listeners are read (the series in the JSON). */
const READ_EVERY = 50
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
 * Bytes of V8's code in the page (the heap snapshot's `code` nodes: bytecode,
 * machine code of every tier and their feedback and metadata). V8 keeps
 * compiling functions that stay hot to faster tiers for as long as a page
 * runs; that memory is bounded by the app's code, not by its visitors.
 */
async function compiledCodeBytes(cdp) {
  const chunks = []
  const collect = ({ chunk }) => chunks.push(chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', collect)
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', collect)
  }
  const { snapshot, nodes } = JSON.parse(chunks.join(''))
  const fields = snapshot.meta.node_fields
  const typeNames = snapshot.meta.node_types[0]
  const [typeAt, sizeAt] = [fields.indexOf('type'), fields.indexOf('self_size')]
  const code = typeNames.indexOf('code')
  let bytes = 0
  for (let node = 0; node < nodes.length; node += fields.length)
    if (nodes[node + typeAt] === code) bytes += nodes[node + sizeAt]
  return bytes
}

const mib = (bytes) => Math.round((bytes / 2 ** 20) * 100) / 100
const kib = (bytes) => Math.round(bytes / 1024)
const percent = (from, to) => Math.round(((to - from) / from) * 1000) / 10

/**
 * Runs the soak against `origin` (serving the built renderer) in the launched
 * Playwright Chromium `browser`: 250 warm-up and 500 measured visitors (10 and
 * 30 when `quick`). Returns the benchmark rows: over the measured visitors,
 * the JS heap's growth, its compiled code's and (the goal) the growth of what
 * is left, the JS objects the kiosk holds; the warm-up's growth; the heap
 * every 50 visitors; DOM nodes and listeners from visitor 50 to the end.
 */
export async function benchSoak({ browser, origin, quick }) {
  const { firstRead, warmUp, visitors } = quick ? QUICK : FULL
  const last = warmUp + visitors
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
    const reads = new Map()
    for (let visitor = 1; visitor <= last; visitor++) {
      await visit()
      await page.getByTestId('screen-attract').waitFor()
      const marked = [firstRead, warmUp, last].includes(visitor)
      if (visitor % READ_EVERY === 0 || marked) reads.set(visitor, await measure(cdp))
      if (marked) reads.get(visitor).code = await compiledCodeBytes(cdp)
    }
    const [first, baseline, end] = [reads.get(firstRead), reads.get(warmUp), reads.get(last)]
    const objects = (read) => read.heap - read.code
    const growth = percent(objects(baseline), objects(end))
    const heapOk = growth <= HEAP_GROWTH_GOAL * 100
    const row = (measure, value, unit, goal, ok = true) => ({ bench: 'soak', measure, value, unit, goal, ok })
    const measured = `over the ${visitors} measured visitors`
    const flat = (name, key) => [
      row(`${name} after visitor ${firstRead}`, first[key], 'count', 'baseline'),
      row(`${name} after visitor ${last}`, end[key], 'count', 'flat', end[key] <= first[key]),
      row(`${name} change`, end[key] - first[key], 'count', '0 or less', end[key] <= first[key]),
    ]
    return [
      row('visitors', `${warmUp} warm-up + ${visitors} measured`, '', quick ? 'quick run' : '250 + 500'),
      row(`JS heap after visitor ${warmUp} (end of warm-up)`, mib(baseline.heap), 'MiB', 'baseline'),
      row(`JS heap after visitor ${last}`, mib(end.heap), 'MiB', 'informational'),
      row(`JS heap growth ${measured}`, percent(baseline.heap, end.heap), '%', 'informational: with V8’s code'),
      row(`V8 code growth ${measured}`, kib(end.code - baseline.code), 'KiB', 'informational'),
      row(
        `JS heap without V8’s code, growth ${measured}`,
        growth,
        '%',
        `≤ ${HEAP_GROWTH_GOAL * 100}% (${mib(objects(baseline))} → ${mib(objects(end))} MiB)`,
        heapOk,
      ),
      row(
        `JS heap growth in the warm-up, visitor ${firstRead} to ${warmUp}`,
        percent(first.heap, baseline.heap),
        '%',
        `informational: ${kib(baseline.heap - first.heap)} KiB, of which V8’s code ${kib(baseline.code - first.code)} KiB`,
      ),
      row(
        `JS heap every ${READ_EVERY} visitors`,
        [...reads].map(([visitor, read]) => `${visitor}: ${mib(read.heap)}`).join(', '),
        'MiB',
        'informational',
      ),
      ...flat('DOM nodes', 'nodes'),
      ...flat('JS event listeners', 'listeners'),
    ]
  } finally {
    await context.close()
  }
}
