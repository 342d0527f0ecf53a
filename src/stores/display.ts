import { defineStore } from 'pinia'
import { ref } from 'vue'

/**
 * How the current visitor wants the screen shown: larger text and high
 * contrast (WCAG 1.4.4 and 1.4.6). Memory only, and reset for the next visitor.
 */
export const useDisplayStore = defineStore('display', () => {
  const largeText = ref(false)
  const highContrast = ref(false)

  function toggleLargeText(): void {
    largeText.value = !largeText.value
  }

  function toggleHighContrast(): void {
    highContrast.value = !highContrast.value
  }

  function $reset(): void {
    largeText.value = false
    highContrast.value = false
  }

  return { largeText, highContrast, toggleLargeText, toggleHighContrast, $reset }
})
