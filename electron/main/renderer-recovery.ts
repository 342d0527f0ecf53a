import type { WebContents } from 'electron'
import type { Logger } from './logger'

/** How the kiosk recovers from a crashed, hung or failed renderer. */
export interface RecoveryOptions {
  /** Reloads allowed inside one unstable period before the out-of-order page is shown. */
  maxReloads: number
  /** A renderer that has run this long without trouble starts a fresh count. */
  stableAfterMs: number
  /** After showing the out-of-order page, try the app again after this long. */
  retryOutOfOrderAfterMs: number
  /** Loads the app itself. */
  loadApp: () => void
  /** Loads the static "out of order, please tell staff" page. */
  showOutOfOrder: () => void
  log: Logger
  now?: () => number
  schedule?: (callback: () => void, ms: number) => void
}

/** Chromium's ERR_ABORTED: a load replaced by another one, not a failure. */
const ERR_ABORTED = -3

/**
 * Watches a renderer and brings the kiosk back by itself: on a crash
 * (render-process-gone), a hang (unresponsive: ended, then handled as a crash) or a
 * failed page load it reloads
 * the app and logs why; after maxReloads troubles within one unstable period it
 * shows the out-of-order page instead of a white screen, then tries again later.
 */
export function watchRendererHealth(contents: WebContents, options: RecoveryOptions): void {
  const { maxReloads, stableAfterMs, retryOutOfOrderAfterMs, loadApp, showOutOfOrder, log } = options
  const now = options.now ?? Date.now
  const schedule = options.schedule ?? ((callback, ms) => setTimeout(callback, ms).unref())
  let reloads = 0
  let lastTroubleAt = -Infinity
  let outOfOrder = false

  const recover = (reason: string) => {
    if (outOfOrder) return
    const time = now()
    if (time - lastTroubleAt > stableAfterMs) reloads = 0
    lastTroubleAt = time
    if (reloads < maxReloads) {
      reloads += 1
      log.error(`Renderer trouble (${reason}); reloading the app (${reloads}/${maxReloads})`)
      loadApp()
      return
    }
    outOfOrder = true
    log.error(`Renderer trouble (${reason}) after ${maxReloads} reloads; showing the out-of-order page`)
    showOutOfOrder()
    schedule(() => {
      outOfOrder = false
      reloads = 0
      log.info('Trying the app again after the out-of-order pause')
      loadApp()
    }, retryOutOfOrderAfterMs)
  }

  contents.on('render-process-gone', (_event, details) => {
    if (details.reason !== 'clean-exit') recover(`render process gone: ${details.reason}`)
  })
  contents.on('unresponsive', () => {
    // A hung renderer cannot load anything: end it, and render-process-gone recovers.
    log.error('Renderer unresponsive; ending it so it can be restarted')
    contents.forcefullyCrashRenderer()
  })
  contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    if (isMainFrame && errorCode !== ERR_ABORTED) recover(`load failed: ${description} (${errorCode}) for ${url}`)
  })
}
