import { defineStore } from 'pinia'
import { ref } from 'vue'

/** Which staff screen shows: none, the PIN pad (sign in, or change the PIN), the settings, or the usage figures. */
export type StaffView = 'closed' | 'pin' | 'change-pin' | 'settings' | 'usage'

/**
 * Staff mode as the renderer shows it. Whether staff may act is decided by
 * main (the PIN and the staff session live there); this only picks the screen.
 * A visitor reset closes staff mode, like everything else.
 */
export const useStaffStore = defineStore('staff', () => {
  const view = ref<StaffView>('closed')

  function show(next: StaffView): void {
    view.value = next
  }

  function $reset(): void {
    view.value = 'closed'
  }

  return { view, show, $reset }
})
