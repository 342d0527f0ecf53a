#!/usr/bin/env node
/**
 * Soak benchmark (`npm run bench:soak`): 200 simulated visitors in one browser
 * session against the built renderer in Chromium. Each walks a random part of
 * the journey, toggles choices, opens a card, maybe switches language, then
 * goes idle until the kiosk resets itself. JS heap (after a forced GC) and DOM
 * node count are read after visitor 20 and visitor 200. Fails if the heap grew
 * 10% or more, or the DOM grew. Figures go into README's performance section.
 */
import { startBenchBrowser } from './bench-browser.mjs'

const VISITORS = 200
const PORT = 4179
const LOCALES = ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur']
const SCREENS = ['about', 'causes', 'selfcheck', 'during', 'prevention', 'avoid', 'doctor', 'handout']
const CHOICES = ['over60', 'pregnant', 'exercise', 'posture', 'condition', 'medicine', 'fluids', 'wakes']
/** The default idle timeout and warning, plus a second each. */
const IDLE_MS = 91_000
const WARNING_MS = 21_000

/** Deterministic pseudo-random numbers, so runs are comparable. */
let seed = 20261126
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = (items) => items[Math.floor(random() * items.length)]

const bench = await startBenchBrowser(PORT)

try {
  const page = await bench.browser.newPage({ viewport: { width: 1920, height: 1080 } })
  await page.clock.install()
  await bench.open(page)
  await page.getByTestId('screen-attract').waitFor()
  const cdp = await page.context().newCDPSession(page)

  const measure = async () => {
    await cdp.send('HeapProfiler.collectGarbage')
    const { usedSize } = await cdp.send('Runtime.getHeapUsage')
    const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters')
    return { heapBytes: usedSize, nodes, listeners: jsEventListeners }
  }

  const visit = async () => {
    await page.getByTestId(`attract-lang-${pick(LOCALES)}`).click()
    const depth = Math.floor(random() * SCREENS.length)
    for (const screen of SCREENS.slice(0, depth + 1)) {
      await page.getByTestId(`screen-${screen}`).waitFor()
      if (screen === 'causes' && random() < 0.5) await page.getByTestId('cause-medicines').click()
      if (screen === 'selfcheck')
        for (const choice of CHOICES) if (random() < 0.3) await page.getByTestId(`selfcheck-${choice}`).click()
      if (screen !== SCREENS.at(-1) && screen !== SCREENS[depth]) await page.getByTestId('nav-next').click()
    }
    if (random() < 0.2) {
      await page.getByTestId('nav-sources').click()
      await page.getByTestId('sources-close').click()
    }
    await page.clock.runFor(IDLE_MS)
    await page.getByTestId('idle-warning').waitFor()
    await page.clock.runFor(WARNING_MS)
    await page.getByTestId('screen-attract').waitFor()
  }

  const figures = {}
  for (let visitor = 1; visitor <= VISITORS; visitor++) {
    await visit()
    if (visitor === 20 || visitor === VISITORS) figures[visitor] = await measure()
  }
  const early = figures[20]
  const late = figures[VISITORS]
  const growth = (late.heapBytes - early.heapBytes) / early.heapBytes
  const mib = (bytes) => (bytes / 2 ** 20).toFixed(2)
  console.log(
    `after visitor 20:  JS heap ${mib(early.heapBytes)} MiB, DOM nodes ${early.nodes}, listeners ${early.listeners}`,
  )
  console.log(
    `after visitor ${VISITORS}: JS heap ${mib(late.heapBytes)} MiB, DOM nodes ${late.nodes}, listeners ${late.listeners}`,
  )
  console.log(`heap growth ${(growth * 100).toFixed(1)}% (limit 10%), DOM node change ${late.nodes - early.nodes}`)
  if (growth >= 0.1 || late.nodes > early.nodes) {
    console.error('Soak benchmark FAILED: memory or DOM grew across visitors')
    process.exitCode = 1
  }
} finally {
  await bench.close()
}
