import type { PrintOutcome } from './contract'

/** Seconds a visitor waits between two prints, so one tap too many does not print twice. */
export const PRINT_COOLDOWN_SECONDS = 15

/** Counts one visitor's prints against the clinic's limit and the cool-down. */
export interface PrintAllowance {
  /** Why this visitor may not print now (printing off, out of prints, cooling down), or null when they may. */
  refusal(printsPerVisitor: number): Extract<PrintOutcome, { state: 'error' | 'limit' }> | null
  /** Notes a print attempt; a successful one uses up one of the visitor's prints. */
  record(printed: boolean): void
  /** Prints the visitor has left after the recorded ones. */
  left(printsPerVisitor: number): number
  /** A new visitor: every print is available again. */
  reset(): void
}

/**
 * The per-visitor print limit, shared by the main process and the web adapter
 * so both runtimes enforce the same rule. A failed print does not use up a
 * print, but still starts the cool-down.
 */
export function createPrintAllowance(now: () => number = Date.now): PrintAllowance {
  let printed = 0
  let lastAttemptAt: number | null = null

  return {
    refusal(printsPerVisitor) {
      if (printsPerVisitor === 0) {
        return { state: 'error', reason: 'disabled', detail: 'Printing is turned off in the kiosk settings.' }
      }
      if (printed >= printsPerVisitor) return { state: 'limit', retryInSeconds: null }
      if (lastAttemptAt === null) return null
      const waitMs = lastAttemptAt + PRINT_COOLDOWN_SECONDS * 1000 - now()
      return waitMs > 0 ? { state: 'limit', retryInSeconds: Math.ceil(waitMs / 1000) } : null
    },
    record(success) {
      lastAttemptAt = now()
      if (success) printed += 1
    },
    left: (printsPerVisitor) => Math.max(0, printsPerVisitor - printed),
    reset() {
      printed = 0
      lastAttemptAt = null
    },
  }
}
