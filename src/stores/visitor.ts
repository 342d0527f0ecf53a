import { defineStore } from 'pinia'
import { ref } from 'vue'
import { SELFCHECK_ITEMS, type CauseCard, type SelfCheckItem } from '../content/journey'

/**
 * What the current visitor chose and opened. It lives only in memory and only
 * leaves it on the printed handout.
 */
export const useVisitorStore = defineStore('visitor', () => {
  const chosen = ref<SelfCheckItem[]>([])
  const openCause = ref<CauseCard | null>(null)

  /** Whether the visitor said this applies to them. */
  function isChosen(item: SelfCheckItem): boolean {
    return chosen.value.includes(item)
  }

  /** Adds or removes a self-check choice, keeping the screen's order. */
  function toggle(item: SelfCheckItem): void {
    const next = isChosen(item) ? chosen.value.filter((other) => other !== item) : [...chosen.value, item]
    chosen.value = SELFCHECK_ITEMS.filter((candidate) => next.includes(candidate))
  }

  /** Opens one cause card's detail panel, or closes it when it is already open. */
  function toggleCause(card: CauseCard): void {
    openCause.value = openCause.value === card ? null : card
  }

  /** Forgets everything about the visitor. */
  function $reset(): void {
    chosen.value = []
    openCause.value = null
  }

  return { chosen, openCause, isChosen, toggle, toggleCause, $reset }
})
