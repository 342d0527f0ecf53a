/**
 * Drives the renderer recovery and the heartbeat watchdog together, through a
 * fake kiosk window that models what the screen shows, over simulated hours of
 * crashes, hangs and failed loads. The one rule: the screen is never empty
 * unless a load is on its way.
 */
import type { WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { guardKioskScreen, type KioskScreenGuard } from '../../../electron/main/screen-guard'
import { FakeWebContents, fakeEvent } from '../../mocks/electron'
import { fakeLog } from './fake-log'

type Page = 'app' | 'out-of-order' | 'fallback'

const APP_URL = 'app://kiosk/index.html'
const OUT_OF_ORDER_URL = 'app://kiosk/out-of-order.html'
const LOAD_MS = 200
const HEARTBEAT_EVERY_MS = 10_000
/** Until Chromium delivers the render-process-gone of a forcefully crashed renderer. */
const FORCED_CRASH_NOTICE_MS = 20
const SECOND = 1_000
const MINUTE = 60 * SECOND

/** What goes wrong in the fake window; read at each page load. */
interface Faults {
  /** Pages whose loads fail. */
  failToLoad?: Page[]
  /** Pages that crash this long after they load. */
  crashAfterMs?: Partial<Record<Page, number>>
  /** The app hangs this long after it loads: no more heartbeats. */
  appHangsAfterMs?: number
  /** ...and Chromium reports it unresponsive this long into the hang. */
  unresponsiveAfterMs?: number
  /** Ending a hung renderer also takes the load started right after it (instead of a new process taking it). */
  forcedCrashTakesLoad?: boolean
}

function pageOf(url: string): Page {
  if (url === APP_URL) return 'app'
  if (url === OUT_OF_ORDER_URL) return 'out-of-order'
  if (url.startsWith('data:text/html')) return 'fallback'
  throw new Error(`The kiosk loaded an unexpected URL: ${url}`)
}

/**
 * A kiosk window: a load takes LOAD_MS, then shows its page (did-finish-load)
 * or nothing (did-fail-load); a crash leaves nothing shown; a healthy app sends
 * a heartbeat every 10 s. Keeps, over the whole run, how long the screen showed
 * each page, nothing while loading, and nothing at all.
 */
class FakeKioskWindow {
  readonly contents = new FakeWebContents()
  faults: Faults = {}
  shown: Page | null = null
  loads = 0
  readonly pageLoads = { app: 0, 'out-of-order': 0, fallback: 0 }
  readonly timeMs = { app: 0, 'out-of-order': 0, fallback: 0, loadingFromNothing: 0, nothing: 0 }
  private pending: { url: string; timer: ReturnType<typeof setTimeout>; reject: (error: Error) => void } | null = null
  private pageTimers: Array<ReturnType<typeof setTimeout>> = []
  private since = Date.now()
  private readonly guard: KioskScreenGuard

  constructor() {
    this.contents.loadURL.mockImplementation((url) => this.load(url))
    this.contents.forcefullyCrashRenderer.mockImplementation(() => this.forceCrash())
    this.guard = guardKioskScreen(this.contents as unknown as WebContents, {
      appUrl: APP_URL,
      outOfOrderUrl: OUT_OF_ORDER_URL,
      maxReloads: 3,
      stableAfterMs: 10 * MINUTE,
      retryOutOfOrderAfterMs: 5 * MINUTE,
      heartbeatLimitMs: () => 140 * SECOND,
      heartbeatCheckEveryMs: 5 * SECOND,
      log: fakeLog(),
    })
    this.guard.start()
  }

  /** Lets simulated time pass, then brings the screen times up to date. */
  run(ms: number): void {
    vi.advanceTimersByTime(ms)
    this.account()
  }

  private account(): void {
    const elapsed = Date.now() - this.since
    this.since = Date.now()
    this.timeMs[this.shown ?? (this.pending ? 'loadingFromNothing' : 'nothing')] += elapsed
  }

  private load(url: string): Promise<undefined> {
    this.account()
    const page = pageOf(url)
    this.abortPendingLoad()
    this.loads += 1
    this.pageLoads[page] += 1
    return new Promise<undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.account()
        this.pending = null
        this.stopPage()
        if (this.faults.failToLoad?.includes(page)) {
          this.shown = null
          this.contents.emit('did-fail-load', fakeEvent(), -6, 'ERR_FILE_NOT_FOUND', url, true)
          reject(new Error('ERR_FILE_NOT_FOUND'))
        } else {
          this.shown = page
          this.runPage(page)
          this.contents.emit('did-finish-load')
          resolve(undefined)
        }
      }, LOAD_MS)
      this.pending = { url, timer, reject }
    })
  }

  private abortPendingLoad(): void {
    if (!this.pending) return
    const { url, timer, reject } = this.pending
    clearTimeout(timer)
    this.pending = null
    this.contents.emit('did-fail-load', fakeEvent(), -3, 'ERR_ABORTED', url, true)
    reject(new Error('ERR_ABORTED'))
  }

  private runPage(page: Page): void {
    const { crashAfterMs, appHangsAfterMs, unresponsiveAfterMs } = this.faults
    const crashAfter = crashAfterMs?.[page]
    if (crashAfter !== undefined) this.pageTimers.push(setTimeout(() => this.crash(), crashAfter))
    if (page !== 'app') return
    const heartbeats = setInterval(() => this.guard.beat(), HEARTBEAT_EVERY_MS)
    this.pageTimers.push(heartbeats)
    if (appHangsAfterMs === undefined) return
    const hang = () => {
      clearInterval(heartbeats)
      if (unresponsiveAfterMs !== undefined) {
        this.pageTimers.push(setTimeout(() => this.contents.emit('unresponsive'), unresponsiveAfterMs))
      }
    }
    this.pageTimers.push(setTimeout(hang, appHangsAfterMs))
  }

  private stopPage(): void {
    for (const timer of this.pageTimers) clearTimeout(timer)
    this.pageTimers = []
  }

  /** The renderer dies: the page and a load on its way with it. */
  private crash(): void {
    this.account()
    this.stopPage()
    this.shown = null
    this.cancelPendingLoad()
    this.contents.emit('render-process-gone', fakeEvent(), { reason: 'crashed', exitCode: 1 })
  }

  /** forcefullyCrashRenderer(): the page dies at once; Chromium notices a little later. */
  private forceCrash(): void {
    this.account()
    this.stopPage()
    this.shown = null
    setTimeout(() => {
      if (this.faults.forcedCrashTakesLoad) this.cancelPendingLoad()
      this.contents.emit('render-process-gone', fakeEvent(), { reason: 'killed', exitCode: 9 })
    }, FORCED_CRASH_NOTICE_MS)
  }

  private cancelPendingLoad(): void {
    if (!this.pending) return
    this.account()
    clearTimeout(this.pending.timer)
    this.pending.reject(new Error('render process gone'))
    this.pending = null
  }
}

/** The screen was never empty without a load on its way, and no load left it empty longer than loading takes. */
function expectNeverEmpty(kiosk: FakeKioskWindow): void {
  expect(kiosk.timeMs.nothing).toBe(0)
  expect(kiosk.timeMs.loadingFromNothing).toBeLessThanOrEqual(kiosk.loads * LOAD_MS)
}

/** The working app shows and stays: no more loads over a further 30 minutes. */
function expectWorkingAppToStay(kiosk: FakeKioskWindow): void {
  expect(kiosk.shown).toBe('app')
  const loads = kiosk.loads
  kiosk.run(30 * MINUTE)
  expect(kiosk.shown).toBe('app')
  expect(kiosk.loads).toBe(loads)
}

describe('kiosk screen guard, simulated', () => {
  let kiosk: FakeKioskWindow

  beforeEach(() => {
    vi.useFakeTimers()
    kiosk = new FakeKioskWindow()
  })

  afterEach(() => {
    vi.useRealTimers()
  })

  it('rides out a crash loop on the out-of-order page, then shows the app again', () => {
    kiosk.faults = { crashAfterMs: { app: 3 * SECOND } }
    kiosk.run(2 * MINUTE)
    expect(kiosk.shown).toBe('out-of-order')
    expect(kiosk.pageLoads.app).toBe(4)
    kiosk.faults = {}
    kiosk.run(5 * MINUTE)
    expectNeverEmpty(kiosk)
    expect(kiosk.timeMs['out-of-order']).toBeGreaterThan(4.5 * MINUTE)
    expectWorkingAppToStay(kiosk)
  })

  it('keeps the out-of-order page up through an hour in which every app load crashes, retrying every 5 minutes', () => {
    kiosk.faults = { crashAfterMs: { app: 3 * SECOND } }
    kiosk.run(60 * MINUTE)
    expectNeverEmpty(kiosk)
    // One try and 3 reloads per 5-minute pause, not a reload every few seconds; one out-of-order load per pause.
    expect(kiosk.pageLoads.app).toBeLessThanOrEqual(4 * 13)
    expect(kiosk.pageLoads['out-of-order']).toBeLessThanOrEqual(Math.ceil(kiosk.pageLoads.app / 4))
    expect(kiosk.timeMs['out-of-order']).toBeGreaterThan(57 * MINUTE)
    kiosk.faults = {}
    kiosk.run(6 * MINUTE)
    expectNeverEmpty(kiosk)
    expectWorkingAppToStay(kiosk)
  })

  it('shows the out-of-order page again each time it crashes during the pause', () => {
    kiosk.faults = { crashAfterMs: { app: 3 * SECOND, 'out-of-order': 20 * SECOND } }
    kiosk.run(30 * MINUTE)
    expectNeverEmpty(kiosk)
    expect(kiosk.timeMs['out-of-order']).toBeGreaterThan(25 * MINUTE)
    kiosk.faults = {}
    kiosk.run(6 * MINUTE)
    expectNeverEmpty(kiosk)
    expectWorkingAppToStay(kiosk)
  })

  it('falls back to the inline page when the out-of-order page will not load, even if that crashes too', () => {
    kiosk.faults = { crashAfterMs: { app: 3 * SECOND, fallback: 30 * SECOND }, failToLoad: ['out-of-order'] }
    kiosk.run(30 * MINUTE)
    expectNeverEmpty(kiosk)
    expect(kiosk.timeMs.fallback).toBeGreaterThan(25 * MINUTE)
    kiosk.faults = {}
    kiosk.run(6 * MINUTE)
    expectNeverEmpty(kiosk)
    expectWorkingAppToStay(kiosk)
  })

  it('reloads an app that hangs silently once its heartbeats have been missing too long', () => {
    kiosk.faults = { appHangsAfterMs: MINUTE }
    kiosk.run(4 * MINUTE)
    // Hung after 1 min, last heartbeat at 1 min, reported 145 s later at the latest.
    expect(kiosk.pageLoads.app).toBe(2)
    kiosk.run(26 * MINUTE)
    expectNeverEmpty(kiosk)
    expect(kiosk.timeMs['out-of-order']).toBeGreaterThan(0)
    kiosk.faults = {}
    kiosk.run(10 * MINUTE)
    expectNeverEmpty(kiosk)
    expectWorkingAppToStay(kiosk)
  })

  it('does not hold the silence before a reload against the reloaded app', () => {
    // Hangs after 1 min, then crashes 200 s in: 140 s of silence by the time it is reloaded.
    kiosk.faults = { appHangsAfterMs: MINUTE, crashAfterMs: { app: 200 * SECOND } }
    kiosk.run(SECOND)
    kiosk.faults = {}
    kiosk.run(10 * MINUTE)
    expectNeverEmpty(kiosk)
    expect(kiosk.pageLoads.app).toBe(2)
    expectWorkingAppToStay(kiosk)
  })

  it.each([
    ['the reload goes to a new process', false],
    ['ending the renderer takes the reload with it', true],
  ])('ends an app that Chromium reports unresponsive and loads it again at once (%s)', (_case, takesLoad) => {
    kiosk.faults = { appHangsAfterMs: MINUTE, unresponsiveAfterMs: 30 * SECOND, forcedCrashTakesLoad: takesLoad }
    kiosk.run(2 * MINUTE)
    expect(kiosk.contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1)
    expect(kiosk.shown).toBe('app')
    kiosk.run(28 * MINUTE)
    expectNeverEmpty(kiosk)
    kiosk.faults = {}
    kiosk.run(10 * MINUTE)
    expectNeverEmpty(kiosk)
    expectWorkingAppToStay(kiosk)
  })

  it('keeps trying an app that fails to load, and shows it once it loads', () => {
    kiosk.faults = { failToLoad: ['app'] }
    kiosk.run(20 * MINUTE)
    expectNeverEmpty(kiosk)
    expect(kiosk.timeMs['out-of-order']).toBeGreaterThan(19 * MINUTE)
    kiosk.faults = {}
    kiosk.run(6 * MINUTE)
    expectNeverEmpty(kiosk)
    expectWorkingAppToStay(kiosk)
  })
})
