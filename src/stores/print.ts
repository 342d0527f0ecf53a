import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { HandoutRequest, PrintOutcome } from '../../electron/contract'
import type { KioskBridge } from '../platform/bridge'

/** What `print-status` shows: nothing yet, a print under way, or how the last request ended. */
export type PrintStatus = { state: 'idle' } | { state: 'printing' } | PrintOutcome

/** The visitor's handout printing: the status of their last request. Reset with the visitor. */
export const usePrintStore = defineStore('print', () => {
  const status = ref<PrintStatus>({ state: 'idle' })

  /** Asks the shell to print the handout; a bridge failure shows as a printer error. */
  async function print(bridge: KioskBridge, request: HandoutRequest): Promise<void> {
    if (status.value.state === 'printing') return
    status.value = { state: 'printing' }
    const result = await bridge.printHandout(request)
    status.value = result.ok ? result.value : { state: 'error', reason: 'print-failed', detail: result.error.message }
  }

  function $reset(): void {
    status.value = { state: 'idle' }
  }

  return { status, print, $reset }
})
