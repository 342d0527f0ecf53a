import { watchEffect } from 'vue'
import { useDisplayStore } from '../stores/display'

/**
 * Applies the visitor's display modes to the whole document, as the classes
 * `text-large` and `high-contrast` on <html> that base.css styles.
 */
export function useDisplayModes(): void {
  const display = useDisplayStore()
  watchEffect(() => {
    const root = document.documentElement.classList
    root.toggle('text-large', display.largeText)
    root.toggle('high-contrast', display.highContrast)
  })
}
