import type { WebContents } from 'electron'
import type { Logger } from './logger'

/** What the kiosk window shows or is loading: nothing until `start()`. */
export type Showing = 'nothing' | 'app' | 'out-of-order' | 'fallback'

type Page = Exclude<Showing, 'nothing'>

/** How the kiosk recovers from a crashed, hung or failed renderer. */
export interface RecoveryOptions {
  /** The kiosk app. */
  appUrl: string
  /** The static "out of order, please tell staff" page. */
  outOfOrderUrl: string
  /** Reloads allowed inside one unstable period before the out-of-order page is shown. */
  maxReloads: number
  /** An app that has run this long without trouble starts a fresh count. */
  stableAfterMs: number
  /** After showing the out-of-order page, try the app again after this long. */
  retryOutOfOrderAfterMs: number
  /** Called whenever the app is (re)loaded, e.g. to restart the heartbeat watchdog's clock. */
  onAppLoad?: () => void
  /** Told of each counted trouble's outcome (the kiosk's health figures). */
  onRecovery?: (outcome: 'reloaded' | 'out-of-order') => void
  log: Logger
  now?: () => number
  schedule?: (callback: () => void, ms: number) => void
}

/** The recovery of the kiosk window; it alone decides what the window loads. */
export interface RendererRecovery {
  /** Loads the app; call once. */
  start(): void
  /** Trouble found outside the renderer's own events, such as missing heartbeats. */
  report(reason: string): void
  /** What the window shows or is loading. */
  showing(): Showing
}

/** Chromium's ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3

/**
 * Shown when even the out-of-order page cannot load: the words of
 * resources/public/out-of-order.html, inline and script-free, so it needs no file.
 */
const FALLBACK_URL = `data:text/html;charset=utf-8,${encodeURIComponent(
  '<!doctype html><html lang="en"><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">` +
    '<title>Out of order</title>' +
    '<body style="margin:0;height:100vh;display:grid;place-content:center;text-align:center;' +
    'background:#000;color:#fff;font:40px sans-serif;user-select:none">' +
    '<h1>Out of order</h1><p>Please tell a member of staff.</p>' +
    '<p lang="es">Fuera de servicio. Avise al personal, por favor.</p>',
)}`

/**
 * Owns what the kiosk window shows, so it is never empty: the app, or while the
 * app keeps failing the out-of-order page (or its inline fallback).
 *
 * A crash (render-process-gone), a hang (unresponsive: the renderer is ended and
 * the app reloaded at once), a failed main-frame load or a `report()` while the
 * app shows reloads the app and logs why; after `maxReloads` troubles within one
 * unstable period the out-of-order page shows for `retryOutOfOrderAfterMs`, then
 * the app is tried again. Trouble with the out-of-order page shows it again at
 * once (the inline fallback if it failed to load) and does not count.
 */
export function createRendererRecovery(contents: WebContents, options: RecoveryOptions): RendererRecovery {
  const { maxReloads, stableAfterMs, retryOutOfOrderAfterMs, log } = options
  // A clock that never jumps: a wall clock set forward must not read as a long silence or a stable spell.
  const now = options.now ?? (() => performance.now())
  const schedule = options.schedule ?? ((callback, ms) => setTimeout(callback, ms).unref())
  const urls: Record<Page, string> = {
    app: options.appUrl,
    'out-of-order': options.outOfOrderUrl,
    fallback: FALLBACK_URL,
  }
  let showing: Showing = 'nothing'
  let reloads = 0
  let lastTroubleAt = -Infinity
  // Set from forcefullyCrashRenderer() until the render-process-gone it causes or the next finished load.
  let forcedCrash = false

  const show = (page: Page) => {
    showing = page
    if (page === 'app') options.onAppLoad?.()
    contents.loadURL(urls[page]).catch((error: unknown) => log.warn(`Loading the ${page} page failed`, error))
  }

  const pause = () => {
    show('out-of-order')
    schedule(() => {
      reloads = 0
      log.info('Trying the app again after the out-of-order pause')
      show('app')
    }, retryOutOfOrderAfterMs)
  }

  const trouble = (reason: string, { loadFailed = false, counts = true } = {}) => {
    // Before start() there is nothing to recover: start() loads the app.
    if (showing === 'nothing') return
    if (showing !== 'app' || !counts) {
      const page = loadFailed && showing !== 'app' ? 'fallback' : showing
      log.warn(`Renderer trouble (${reason}) while the ${showing} page shows; showing the ${page} page`)
      show(page)
      return
    }
    const time = now()
    if (time - lastTroubleAt > stableAfterMs) reloads = 0
    lastTroubleAt = time
    if (reloads < maxReloads) {
      reloads += 1
      log.error(`Renderer trouble (${reason}); reloading the app (${reloads}/${maxReloads})`)
      options.onRecovery?.('reloaded')
      show('app')
      return
    }
    log.error(`Renderer trouble (${reason}) after ${maxReloads} reloads; showing the out-of-order page`)
    options.onRecovery?.('out-of-order')
    pause()
  }

  contents.on('render-process-gone', (_event, { reason }) => {
    if (reason === 'clean-exit') return
    if (forcedCrash) {
      // The hang that caused it is already counted; load again in case the crash took that load with it.
      forcedCrash = false
      trouble(`render process gone after ending a hung renderer: ${reason}`, { counts: false })
    } else {
      trouble(`render process gone: ${reason}`)
    }
  })
  contents.on('unresponsive', () => {
    // Electron's pattern for a hung renderer: end it, then load again at once (in a new process).
    forcedCrash = true
    contents.forcefullyCrashRenderer()
    trouble('unresponsive; ended it')
  })
  contents.on('did-finish-load', () => {
    forcedCrash = false
  })
  contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) {
      trouble(`load failed: ${description} (${errorCode}) for ${url}`, { loadFailed: true })
    }
  })

  return {
    start: () => show('app'),
    report: (reason) => trouble(reason),
    showing: () => showing,
  }
}
