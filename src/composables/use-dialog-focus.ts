import { useEventListener } from '@vueuse/core'
import { useFocusTrap } from '@vueuse/integrations/useFocusTrap'
import { onMounted, type Ref } from 'vue'
import { useSpeechStore } from '../stores/speech'

/**
 * Keeps keyboard focus inside an open dialog (focus-trap), starting on its
 * element marked `data-autofocus`, and gives focus back where it was when the
 * dialog closes; Escape calls `onEscape`, if given (WCAG 2.1.2, 2.4.3; ARIA dialog pattern).
 * Reading the screen aloud stops when a dialog opens over it (EN 301 549 5.1.3.5).
 */
export function useDialogFocus(dialog: Ref<HTMLElement | null>, onEscape?: () => void): void {
  const speech = useSpeechStore()
  onMounted(() => speech.stop())
  useFocusTrap(dialog, {
    immediate: true,
    escapeDeactivates: false,
    initialFocus: () => dialog.value?.querySelector<HTMLElement>('[data-autofocus]') ?? dialog.value ?? false,
    fallbackFocus: () => dialog.value ?? document.body,
    returnFocusOnDeactivate: true,
  })
  useEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (event.key === 'Escape') onEscape?.()
  })
}
