import { defineStore } from 'pinia'
import { ref } from 'vue'

/** The screens of the visitor journey, in order. */
export const JOURNEY = ['attract', 'language'] as const
/** One screen of the visitor journey. */
export type ScreenId = (typeof JOURNEY)[number]

/** Where the visitor is in the journey. Kept in memory only. */
export const useJourneyStore = defineStore('journey', () => {
  const screen = ref<ScreenId>('attract')

  /** Shows a screen. */
  function go(target: ScreenId): void {
    screen.value = target
  }

  /** Back to the welcome screen, as for a new visitor. */
  function $reset(): void {
    screen.value = 'attract'
  }

  return { screen, go, $reset }
})
