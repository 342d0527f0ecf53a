import { useIdle } from '@vueuse/core'
import { computed, watch } from 'vue'
import { useBridge } from '../platform/use-bridge'
import { useSettingsStore } from '../stores/settings'
import { useStaffStore } from '../stores/staff'
import { useStartOver } from './use-start-over'
import { useTextIn } from './use-text-in'

/** Staff mode leaves by itself after this long without a touch. */
const STAFF_IDLE_MS = 2 * 60_000

/**
 * Staff screens' words, in the clinic's language (not the visitor's), with the
 * lang, dir and font (the page's font follows the visitor's language, which may
 * lack the clinic's letters) to set on the staff screen.
 */
export function useStaffText() {
  const settings = useSettingsStore()
  const { text: st, ...shown } = useTextIn(
    computed(() => settings.config.clinicLocale),
    'staff',
  )
  return { st, ...shown }
}

/** Leaves staff mode: main closes the staff session, and the kiosk starts over for the next visitor. */
export function useStaffExit(): () => void {
  const bridge = useBridge()
  const staff = useStaffStore()
  const startOver = useStartOver()
  return () => {
    if (staff.view !== 'pin') void bridge.staffLogout()
    startOver('idle')
  }
}

/** Closes staff mode after two minutes without a touch; the visitor reset follows. */
export function useStaffTimeout(): void {
  const staff = useStaffStore()
  const exit = useStaffExit()
  const { idle } = useIdle(STAFF_IDLE_MS)
  watch(idle, (quiet) => {
    if (quiet && staff.view !== 'closed') exit()
  })
}
