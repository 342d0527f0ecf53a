import { useIdle, useThrottleFn } from '@vueuse/core'
import { computed, watch } from 'vue'
import { STAFF_KEEP_ALIVE_MS, STAFF_SCREEN_IDLE_MS } from '../../electron/contract-constants'
import { useBridge } from '../platform/use-bridge'
import { useSettingsStore } from '../stores/settings'
import { useStaffStore } from '../stores/staff'
import { useStartOver } from './use-start-over'
import { useTextIn } from './use-text-in'

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

/**
 * Closes staff mode after two minutes without a touch; the visitor reset
 * follows. While signed-in staff keep touching, main hears so (at most every
 * 30 s), so its staff session outlasts the screen and a save is never refused
 * while staff are still working (say, typing a long clinic name).
 */
export function useStaffTimeout(): void {
  const staff = useStaffStore()
  const bridge = useBridge()
  const exit = useStaffExit()
  const { idle, lastActive } = useIdle(STAFF_SCREEN_IDLE_MS)
  watch(idle, (quiet) => {
    if (quiet && staff.view !== 'closed') exit()
  })
  const keepAlive = useThrottleFn(() => void bridge.staffKeepAlive(), STAFF_KEEP_ALIVE_MS, true, true)
  watch(lastActive, () => {
    if (staff.view !== 'closed' && staff.view !== 'pin') void keepAlive()
  })
}
