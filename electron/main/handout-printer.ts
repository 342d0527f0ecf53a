import type { PrinterInfo } from 'electron'
import type { HandoutRequest, HandoutSpec, KioskConfig, PrintOutcome, UsageCounter } from '../contract'
import { handoutSpecFor } from '../handout-spec'
import { createPrintAllowance, PRINT_COOLDOWN_SECONDS } from '../print-allowance'
import { HandoutNotRenderedError, type HandoutContents, type WarmHandoutWindow } from './handout-window'
import type { Logger } from './logger'

/** The few Electron calls printing needs, injected so the logic is unit-tested without Electron. */
export interface HandoutPrinterDeps {
  /** The warm, hidden handout window every handout is rendered in. */
  handoutWindow: Pick<WarmHandoutWindow, 'withHandout' | 'renew'>
  /** The system's printers (webContents.getPrintersAsync). */
  listPrinters(): Promise<Pick<PrinterInfo, 'name'>[]>
  /** The clinic's settings as they are now. */
  config(): KioskConfig
  /** Adds one to an anonymous usage counter. */
  count(counter: UsageCounter): void
  log: Logger
  now?: () => number
}

/** Prints the visitor's handout, or saves it as PDF, from the main process. */
export interface HandoutPrinter {
  /** Prints silently to the configured printer, within the visitor's allowance. */
  print(request: HandoutRequest): Promise<PrintOutcome>
  /** The same handout as PDF bytes (printToPDF), for staff and tests; not counted against any visitor. */
  savePdf(request: HandoutRequest): Promise<Buffer>
  /** A new visitor: their print allowance starts again, and the handout window is renewed. */
  resetVisitor(): void
}

type PrintError = Extract<PrintOutcome, { state: 'error' }>

/**
 * Creates the main process's handout printer. Each handout is rendered in the
 * warm handout window and printed once the page says its fonts and drawings
 * are ready (a blank page is the classic Electron printing bug). A configured
 * printer that the system does not list is an error, never a silent fallback
 * to another printer.
 */
export function createHandoutPrinter(deps: HandoutPrinterDeps): HandoutPrinter {
  const allowance = createPrintAllowance(deps.now)
  let busy = false

  async function printOnce(spec: HandoutSpec, printerName: string | null): Promise<PrintError | null> {
    const printers = await deps.listPrinters()
    if (printers.length === 0) return printError('no-printer', 'The system lists no printers.')
    if (printerName !== null && !printers.some((printer) => printer.name === printerName)) {
      return printError('printer-not-found', `The configured printer "${printerName}" is not on the system's list.`)
    }
    try {
      return await deps.handoutWindow.withHandout(spec, (contents) => silentPrint(contents, spec, printerName))
    } catch (error) {
      // Only the error's code, never its message, which might quote the page or the visitor's request.
      const code = error instanceof HandoutNotRenderedError ? error.code : 'error'
      return printError('not-rendered', `The handout could not be rendered (${code}).`)
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
      return deps.handoutWindow.withHandout(spec, (contents) =>
        contents.printToPDF({ pageSize: spec.paperSize, preferCSSPageSize: true, printBackground: true }),
      )
    },
    resetVisitor: () => {
      allowance.reset()
      // The window the last visitor's handout was drawn in goes; the next visitor gets one that never held it.
      void deps.handoutWindow.renew()
    },
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

function printError(reason: PrintError['reason'], detail: string): PrintError {
  return { state: 'error', reason, detail }
}
