import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createRendererRecovery, type RendererRecovery } from '../../../electron/main/renderer-recovery'
import { FakeWebContents, fakeEvent } from '../../mocks/electron'
import { fakeLog } from './fake-log'

const APP_URL = 'app://kiosk/index.html'
const OUT_OF_ORDER_URL = 'app://kiosk/out-of-order.html'
const FALLBACK_PREFIX = 'data:text/html;charset=utf-8,'

describe('renderer recovery', () => {
  let contents: FakeWebContents
  let recovery: RendererRecovery
  let clock: number
  let scheduled: Array<{ callback: () => void; ms: number }>
  const onAppLoad = vi.fn()
  const onRecovery = vi.fn()
  const log = fakeLog()
  const crash = (reason = 'crashed') => contents.emit('render-process-gone', fakeEvent(), { reason, exitCode: 1 })
  const failLoad = (url: string, errorCode = -6, isMainFrame = true) =>
    contents.emit('did-fail-load', fakeEvent(), errorCode, 'ERR_FILE_NOT_FOUND', url, isMainFrame)
  const loaded = () => contents.loadURL.mock.calls.map(([url]) => url)
  const lastLoaded = () => loaded().at(-1)
  const appLoads = () => loaded().filter((url) => url === APP_URL).length

  beforeEach(() => {
    vi.clearAllMocks()
    contents = new FakeWebContents()
    clock = 0
    scheduled = []
    recovery = createRendererRecovery(contents as unknown as WebContents, {
      appUrl: APP_URL,
      outOfOrderUrl: OUT_OF_ORDER_URL,
      maxReloads: 3,
      stableAfterMs: 60_000,
      retryOutOfOrderAfterMs: 300_000,
      onAppLoad,
      onRecovery,
      log,
      now: () => clock,
      schedule: (callback, ms) => scheduled.push({ callback, ms }),
    })
  })

  it('shows nothing until started, then loads the app and tells the hook', () => {
    expect(recovery.showing()).toBe('nothing')
    crash()
    expect(contents.loadURL).not.toHaveBeenCalled()
    recovery.start()
    expect(loaded()).toEqual([APP_URL])
    expect(recovery.showing()).toBe('app')
    expect(onAppLoad).toHaveBeenCalledTimes(1)
  })

  it('logs a load that rejects instead of letting it go unhandled', async () => {
    contents.loadURL.mockRejectedValueOnce(new Error('ERR_FAILED'))
    recovery.start()
    await vi.waitFor(() => expect(log.warn).toHaveBeenCalledWith('Loading the app page failed', expect.any(Error)))
  })

  describe('once the app shows', () => {
    beforeEach(() => {
      recovery.start()
      vi.clearAllMocks()
    })

    it('reloads the app after a renderer crash and tells the hook', () => {
      crash('oom')
      expect(loaded()).toEqual([APP_URL])
      expect(onAppLoad).toHaveBeenCalledTimes(1)
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('render process gone: oom'))
    })

    it('ignores a renderer that exited cleanly', () => {
      crash('clean-exit')
      expect(contents.loadURL).not.toHaveBeenCalled()
    })

    it('reloads after a failed main-frame load but not after an aborted one or a subframe failure', () => {
      failLoad(APP_URL, -3)
      failLoad('app://kiosk/x.html', -6, false)
      expect(contents.loadURL).not.toHaveBeenCalled()
      failLoad(APP_URL)
      expect(loaded()).toEqual([APP_URL])
    })

    it('reloads when the heartbeat watchdog reports trouble', () => {
      recovery.report('no heartbeat for 145 s')
      expect(loaded()).toEqual([APP_URL])
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('no heartbeat for 145 s'))
    })

    it('shows the out-of-order page once the reloads are used up, then tries the app again later', () => {
      crash()
      failLoad(APP_URL)
      recovery.report('no heartbeat')
      expect(appLoads()).toBe(3)
      crash()
      expect(lastLoaded()).toBe(OUT_OF_ORDER_URL)
      expect(recovery.showing()).toBe('out-of-order')
      expect(scheduled).toEqual([{ callback: expect.any(Function), ms: 300_000 }])
      scheduled[0]!.callback()
      expect(lastLoaded()).toBe(APP_URL)
      expect(recovery.showing()).toBe('app')
      expect(onAppLoad).toHaveBeenCalledTimes(4)
      // The health figures hear of three reloads and one out-of-order episode.
      expect(onRecovery.mock.calls).toEqual([['reloaded'], ['reloaded'], ['reloaded'], ['out-of-order']])
    })

    it('gives the app its full reloads again after the out-of-order pause', () => {
      for (let i = 0; i < 4; i++) crash()
      scheduled[0]!.callback()
      vi.clearAllMocks()
      for (let i = 0; i < 3; i++) crash()
      expect(loaded()).toEqual([APP_URL, APP_URL, APP_URL])
      crash()
      expect(lastLoaded()).toBe(OUT_OF_ORDER_URL)
    })

    it('starts a fresh count after a stable period, so rare crashes never use up the reloads', () => {
      for (let i = 0; i < 10; i++) {
        crash()
        clock += 120_000
      }
      expect(appLoads()).toBe(10)
      expect(loaded()).not.toContain(OUT_OF_ORDER_URL)
    })

    it('ends a hung renderer and reloads the app at once', () => {
      contents.emit('unresponsive')
      expect(contents.forcefullyCrashRenderer).toHaveBeenCalledTimes(1)
      expect(contents.forcefullyCrashRenderer.mock.invocationCallOrder[0]).toBeLessThan(
        contents.loadURL.mock.invocationCallOrder[0]!,
      )
      expect(loaded()).toEqual([APP_URL])
    })

    it('does not count the crash that ending a hung renderer causes, but loads again in case it took the load', () => {
      contents.emit('unresponsive')
      crash('killed')
      expect(loaded()).toEqual([APP_URL, APP_URL])
      crash()
      crash()
      expect(appLoads()).toBe(4)
      crash()
      expect(lastLoaded()).toBe(OUT_OF_ORDER_URL)
    })

    it('counts the next crash again once a load has finished after the hang, even if the forced crash never came', () => {
      contents.emit('unresponsive')
      contents.emit('did-finish-load')
      crash()
      crash()
      crash()
      expect(appLoads()).toBe(3)
      expect(lastLoaded()).toBe(OUT_OF_ORDER_URL)
    })
  })

  describe('while the out-of-order page shows', () => {
    beforeEach(() => {
      recovery.start()
      for (let i = 0; i < 4; i++) crash()
      vi.clearAllMocks()
    })

    it('shows it again at once when it crashes, without touching the app or the retry', () => {
      crash()
      crash()
      expect(loaded()).toEqual([OUT_OF_ORDER_URL, OUT_OF_ORDER_URL])
      expect(onAppLoad).not.toHaveBeenCalled()
      expect(scheduled).toHaveLength(1)
    })

    it('shows the inline fallback when it fails to load, and keeps showing that', () => {
      failLoad(OUT_OF_ORDER_URL)
      expect(lastLoaded()).toMatch(new RegExp(`^${FALLBACK_PREFIX}`))
      expect(recovery.showing()).toBe('fallback')
      crash()
      failLoad(lastLoaded()!)
      expect(recovery.showing()).toBe('fallback')
      expect(loaded().every((url) => url.startsWith(FALLBACK_PREFIX))).toBe(true)
    })

    it('brings the app back when the pause ends, even from the fallback', () => {
      failLoad(OUT_OF_ORDER_URL)
      scheduled[0]!.callback()
      expect(lastLoaded()).toBe(APP_URL)
      expect(recovery.showing()).toBe('app')
    })

    it('ends a hung out-of-order page and shows it again', () => {
      contents.emit('unresponsive')
      expect(contents.forcefullyCrashRenderer).toHaveBeenCalled()
      expect(loaded()).toEqual([OUT_OF_ORDER_URL])
      expect(scheduled).toHaveLength(1)
    })
  })

  it('has an inline fallback with the words of the out-of-order page and no script', () => {
    recovery.start()
    for (let i = 0; i < 4; i++) crash()
    failLoad(OUT_OF_ORDER_URL)
    const fallback = decodeURIComponent(lastLoaded()!.slice(FALLBACK_PREFIX.length))
    const page = readFileSync(resolve(import.meta.dirname, '../../../resources/public/out-of-order.html'), 'utf8')
    const words = [...page.matchAll(/<(h1|p)\b[^>]*>([^<]+)</g)].map((match) => match[2]!)
    expect(words.length).toBeGreaterThan(1)
    for (const text of words) expect(fallback).toContain(text)
    expect(fallback).not.toMatch(/<script/i)
    expect(fallback).toContain("default-src 'none'")
  })
})
