import type { WebContents } from 'electron'
import type { HandoutSpec } from '../contract'
import { HANDOUT_READY_SCRIPT, HANDOUT_RESET_SCRIPT, renderHandoutScript } from '../handout-spec'
import type { Logger } from './logger'

/** What printing does with the handout window once a handout is rendered in it. */
export type HandoutContents = Pick<WebContents, 'print' | 'printToPDF'>

/** The hidden handout window as it is used here (a BrowserWindow from createHandoutWindow). */
export interface HandoutWindow {
  webContents: HandoutContents & Pick<WebContents, 'loadURL' | 'executeJavaScript' | 'once'>
  once(event: 'closed', listener: () => void): unknown
  destroy(): void
}

/** The few Electron calls the warm window needs, injected so the logic is unit-tested without Electron. */
export interface WarmHandoutWindowDeps {
  /** Opens a hidden, locked-down handout window. */
  openWindow(): HandoutWindow
  /** The handout page's URL, the same for every visitor. */
  pageUrl: string
  log: Logger
  /** How long loading the page and its fonts may take. */
  warmUpTimeoutMs?: number
  /** How long rendering one handout, or clearing it, may take. */
  renderTimeoutMs?: number
}

/**
 * One hidden handout window, kept with the handout page loaded and no visitor
 * data in it, so a print does not wait for a window, a page load and its fonts.
 */
export interface WarmHandoutWindow {
  /** Opens the window and loads the page in the background, unless it is already open. */
  warm(): void
  /**
   * Renders the spec into the page, hands the page to `use` once its fonts and
   * drawings are ready, then clears it. One handout at a time: a second call
   * waits for the first. Rejects with a HandoutNotRenderedError (and replaces
   * the window) when the page does not render in time.
   */
  withHandout<T>(spec: HandoutSpec, use: (contents: HandoutContents) => Promise<T>): Promise<T>
  /** A new visitor: a window that has held a handout is replaced by a fresh one, once any print is over. */
  renew(): Promise<void>
}

/** The handout was not rendered; `code` says why (a Chromium ERR_ code, `timeout`, `crashed`...) and is safe to log. */
export class HandoutNotRenderedError extends Error {
  constructor(readonly code: string) {
    super(`The handout page was not rendered (${code})`)
  }
}

/** One opened handout window and what is known about it. */
interface OpenedWindow {
  window: HandoutWindow
  /** Settles once the page has loaded and warmed up; rejects when it could not. */
  ready: Promise<void>
  /** Whether `ready` resolved. */
  warmedUp: boolean
  /** Whether a handout has been rendered in it since it was opened. */
  used: boolean
  /** Whether the window has been destroyed (here, or from outside). */
  closed: boolean
  /** Rejects when the window's renderer is gone or the window was destroyed. */
  gone: Promise<never>
}

/**
 * Creates the warm handout window. It is replaced, in the background, when its
 * renderer crashes, when a render fails or times out, and for each new visitor
 * who printed; a window destroyed from outside is opened again on the next
 * print. Nothing of a spec is ever logged.
 */
export function createWarmHandoutWindow(deps: WarmHandoutWindowDeps): WarmHandoutWindow {
  const warmUpTimeoutMs = deps.warmUpTimeoutMs ?? 30_000
  const renderTimeoutMs = deps.renderTimeoutMs ?? 20_000
  let current: OpenedWindow | null = null
  let queue: Promise<unknown> = Promise.resolve()

  /** Runs tasks one after another, so prints and PDFs never share the page. */
  function serially<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task, task)
    queue = run.catch(() => {})
    return run
  }

  function open(): OpenedWindow {
    const window = deps.openWindow()
    let markGone: (error: HandoutNotRenderedError) => void = () => {}
    const gone = new Promise<never>((_resolve, reject) => (markGone = reject))
    gone.catch(() => {})
    const opened: OpenedWindow = {
      window,
      ready: Promise.resolve(),
      warmedUp: false,
      used: false,
      closed: false,
      gone,
    }
    window.webContents.once('render-process-gone', (_event, details) => {
      markGone(new HandoutNotRenderedError('crashed'))
      if (current !== opened) return
      deps.log.warn(`The handout window's renderer is gone (${details.reason}); opening a new one`)
      // Only a window that had warmed up is reopened at once, so a page that crashes on load cannot loop.
      if (opened.warmedUp) replace(opened)
      else discard(opened)
    })
    window.once('closed', () => {
      opened.closed = true
      markGone(new HandoutNotRenderedError('closed'))
      if (current === opened) current = null
    })
    opened.ready = settle(opened, warmUp(window), warmUpTimeoutMs).then(() => {
      opened.warmedUp = true
    })
    return opened
  }

  async function warmUp(window: HandoutWindow): Promise<void> {
    await window.webContents.loadURL(deps.pageUrl)
    if ((await window.webContents.executeJavaScript(HANDOUT_READY_SCRIPT)) !== true) {
      throw new HandoutNotRenderedError('not-ready')
    }
  }

  function warm(): OpenedWindow {
    if (current) return current
    const opened = open()
    current = opened
    opened.ready.catch((error: unknown) => {
      deps.log.warn(`The handout page could not be prepared (${codeOf(error)})`)
      discard(opened)
    })
    return opened
  }

  function discard(opened: OpenedWindow): void {
    if (current === opened) current = null
    if (opened.closed) return
    opened.closed = true
    opened.window.destroy()
  }

  function replace(opened: OpenedWindow): void {
    discard(opened)
    warm()
  }

  return {
    warm: () => void warm(),
    withHandout: (spec, use) =>
      serially(async () => {
        const opened = warm()
        try {
          await opened.ready
          opened.used = true
          const rendered = await settle(
            opened,
            opened.window.webContents.executeJavaScript(renderHandoutScript(spec)),
            renderTimeoutMs,
          )
          if (rendered !== true) throw new HandoutNotRenderedError('not-ready')
        } catch (error) {
          replace(opened)
          throw error instanceof HandoutNotRenderedError ? error : new HandoutNotRenderedError(codeOf(error))
        }
        try {
          return await Promise.race([use(opened.window.webContents), opened.gone])
        } finally {
          await clear(opened)
        }
      }),
    renew: () =>
      serially(async () => {
        if (current?.used) replace(current)
      }),
  }

  /** Clears the rendered handout; a page that cannot be cleared is replaced, so nothing of the visitor stays. */
  async function clear(opened: OpenedWindow): Promise<void> {
    if (opened.closed) return
    try {
      await settle(opened, opened.window.webContents.executeJavaScript(HANDOUT_RESET_SCRIPT), renderTimeoutMs)
    } catch (error) {
      deps.log.warn(`The handout page could not be cleared (${codeOf(error)}); opening a new one`)
      replace(opened)
    }
  }
}

/** The promise's outcome, unless the window goes first or it takes longer than `ms`. */
function settle<T>(opened: OpenedWindow, promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new HandoutNotRenderedError('timeout')), ms)
  })
  return Promise.race([promise, opened.gone, timeout]).finally(() => clearTimeout(timer))
}

/**
 * A short code for what went wrong, safe to log: never an error's message, since
 * Chromium's load errors quote the URL and a page error could quote the spec.
 */
function codeOf(error: unknown): string {
  if (error instanceof HandoutNotRenderedError) return error.code
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^ERR_[A-Z_]{1,60}$/.test(code) ? code : 'error'
}
