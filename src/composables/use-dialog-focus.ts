import { useEventListener } from '@vueuse/core'
import { useFocusTrap } from '@vueuse/integrations/useFocusTrap'
import type { Ref } from 'vue'

/**
 * Keeps keyboard focus inside an open dialog (focus-trap), starting on its
 * element marked `data-autofocus`, and gives focus back where it was when the
 * dialog closes; Escape calls `onEscape`, if given (WCAG 2.1.2, 2.4.3; ARIA dialog pattern).
 */
export function useDialogFocus(dialog: Ref<HTMLElement | null>, onEscape?: () => void): void {
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
