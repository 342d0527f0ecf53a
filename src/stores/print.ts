import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { HandoutRequest, PrintOutcome } from '../../electron/contract'
import type { KioskBridge } from '../platform/bridge'

/** What `print-status` shows: nothing yet, a print under way, or how the last request ended. */
export type PrintStatus = { state: 'idle' } | { state: 'printing' } | PrintOutcome

const failed = (detail: string): PrintOutcome => ({ state: 'error', reason: 'print-failed', detail })

/** The visitor's handout printing: the status of their last request. Reset with the visitor. */
export const usePrintStore = defineStore('print', () => {
  const status = ref<PrintStatus>({ state: 'idle' })

  /** Asks the shell to print the handout; a bridge failure, reported or thrown, shows as a printer error. */
  async function print(bridge: KioskBridge, request: HandoutRequest): Promise<void> {
    if (status.value.state === 'printing') return
    status.value = { state: 'printing' }
    try {
      const result = await bridge.printHandout(request)
      status.value = result.ok ? result.value : failed(result.error.message)
    } catch (error) {
      status.value = failed(error instanceof Error ? error.message : String(error))
    }
  }

  function $reset(): void {
    status.value = { state: 'idle' }
  }

  return { status, print, $reset }
})
