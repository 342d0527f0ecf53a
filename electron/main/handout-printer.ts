import type { PrinterInfo, WebContents } from 'electron'
import type { HandoutRequest, HandoutSpec, KioskConfig, PrintOutcome, UsageCounter } from '../contract'
import { handoutSpecFor } from '../handout-spec'
import { createPrintAllowance, PRINT_COOLDOWN_SECONDS } from '../print-allowance'
import type { Logger } from './logger'

/** The handout page sets this promise; it resolves true once fonts and drawings are ready to print. */
export const HANDOUT_READY_EXPRESSION = 'window.handoutReady'

type HandoutContents = Pick<WebContents, 'loadURL' | 'executeJavaScript' | 'print' | 'printToPDF'>

/** The few Electron calls printing needs, injected so the logic is unit-tested without Electron. */
export interface HandoutPrinterDeps {
  /** Opens a hidden, locked-down window for one handout. */
  openWindow(): { webContents: HandoutContents; destroy(): void }
  /** The system's printers (webContents.getPrintersAsync). */
  listPrinters(): Promise<Pick<PrinterInfo, 'name'>[]>
  /** Where the handout page for a spec is loaded from. */
  pageUrl(spec: HandoutSpec): string
  /** The clinic's settings as they are now. */
  config(): KioskConfig
  /** Adds one to an anonymous usage counter. */
  count(counter: UsageCounter): void
  log: Logger
  now?: () => number
  /** How long the handout may take to render before the print is given up. */
  renderTimeoutMs?: number
}

/** Prints the visitor's handout, or saves it as PDF, from the main process. */
export interface HandoutPrinter {
  /** Prints silently to the configured printer, within the visitor's allowance. */
  print(request: HandoutRequest): Promise<PrintOutcome>
  /** The same handout as PDF bytes (printToPDF), for staff and tests; not counted against any visitor. */
  savePdf(request: HandoutRequest): Promise<Buffer>
  /** A new visitor: their print allowance starts again. */
  resetVisitor(): void
}

type PrintError = Extract<PrintOutcome, { state: 'error' }>

/**
 * Creates the main process's handout printer. Each handout is rendered in its
 * own hidden window, printed once the page says its fonts and drawings are
 * ready (a blank page is the classic Electron printing bug), then the window is
 * destroyed. A configured printer that the system does not list is an error,
 * never a silent fallback to another printer.
 */
export function createHandoutPrinter(deps: HandoutPrinterDeps): HandoutPrinter {
  const allowance = createPrintAllowance(deps.now)
  const renderTimeoutMs = deps.renderTimeoutMs ?? 20_000
  let busy = false

  async function withRenderedHandout<T>(spec: HandoutSpec, use: (contents: HandoutContents) => Promise<T>): Promise<T> {
    const window = deps.openWindow()
    try {
      await window.webContents.loadURL(deps.pageUrl(spec))
      const ready = await withTimeout(window.webContents.executeJavaScript(HANDOUT_READY_EXPRESSION), renderTimeoutMs)
      if (ready !== true) throw new Error('The handout page did not confirm it was ready')
      return await use(window.webContents)
    } finally {
      window.destroy()
    }
  }

  async function printOnce(spec: HandoutSpec, printerName: string | null): Promise<PrintError | null> {
    const printers = await deps.listPrinters()
    if (printers.length === 0) return printError('no-printer', 'The system lists no printers.')
    if (printerName !== null && !printers.some((printer) => printer.name === printerName)) {
      return printError('printer-not-found', `The configured printer "${printerName}" is not on the system's list.`)
    }
    try {
      return await withRenderedHandout(spec, (contents) => silentPrint(contents, spec, printerName))
    } catch (error) {
      // Never the error's message: Chromium's load errors quote the page URL, whose fragment is the visitor's request.
      return printError('not-rendered', `The handout could not be rendered (${errorCode(error)}).`)
    }
  }

  return {
    async print(request) {
      const config = deps.config()
      const refusal = busy
        ? ({ state: 'limit', retryInSeconds: PRINT_COOLDOWN_SECONDS } as const)
        : allowance.refusal(config.printsPerVisitor)
      if (refusal) return refusal
      busy = true
      try {
        const failure = await printOnce(handoutSpecFor(request, config), config.printerName)
        allowance.record(failure === null)
        deps.count(failure === null ? 'handoutsPrinted' : 'printFailures')
        if (failure) deps.count(`printFailures.${failure.reason}`)
        // A success is only counted: a log line would date a visit to the millisecond. A failure
        // is logged for staff by its reason alone, never with the visitor's language or choices.
        if (failure) {
          deps.log.error(`Handout print failed (${failure.reason}): ${failure.detail}`)
          return failure
        }
        return { state: 'done', printsLeft: allowance.left(config.printsPerVisitor) }
      } finally {
        busy = false
      }
    },
    async savePdf(request) {
      const spec = handoutSpecFor(request, deps.config())
      return withRenderedHandout(spec, (contents) =>
        contents.printToPDF({ pageSize: spec.paperSize, preferCSSPageSize: true, printBackground: true }),
      )
    },
    resetVisitor: () => allowance.reset(),
  }
}

function silentPrint(
  contents: HandoutContents,
  spec: HandoutSpec,
  printerName: string | null,
): Promise<PrintError | null> {
  return new Promise((resolve) => {
    contents.print(
      {
        silent: true,
        // Without a name Chromium prints to the system's default printer.
        ...(printerName === null ? {} : { deviceName: printerName }),
        pageSize: spec.paperSize,
        color: false,
        printBackground: true,
      },
      (success, failureReason) =>
        resolve(success ? null : printError('print-failed', failureReason || 'The printer reported a failure.')),
    )
  })
}

/** A short code for what went wrong (Chromium's ERR_... code, or "timeout"), safe to log. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (typeof code === 'string' && /^ERR_[A-Z_]{1,60}$/.test(code)) return code
  return error instanceof RenderTimeoutError ? 'timeout' : 'error'
}

/** The handout page gave no ready signal in time. */
class RenderTimeoutError extends Error {}

function printError(reason: PrintError['reason'], detail: string): PrintError {
  return { state: 'error', reason, detail }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new RenderTimeoutError(`No ready signal within ${ms} ms`)), ms)
    promise.then(
      (value) => {
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        clearTimeout(timer)
        reject(error instanceof Error ? error : new Error(String(error)))
      },
    )
  })
}
