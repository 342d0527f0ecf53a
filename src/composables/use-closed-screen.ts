import { useTimestamp } from '@vueuse/core'
import { computed } from 'vue'
import { isOpenAt, nextOpening } from '../../electron/opening-hours'
import { useSettingsStore } from '../stores/settings'
import { useResting } from './use-resting'

/** How often the renderer looks at the clock for opening and closing times. */
const CHECK_EVERY_MS = 15_000

/**
 * The clinic's opening hours as the renderer shows them: outside them, once
 * the kiosk rests on the welcome screen (no visit, no staff screen), the closed
 * screen shows instead; a visit under way at closing time is never
 * interrupted, and the closed screen gives way by itself at opening time.
 * The same rules as main's schedule (electron/opening-hours.ts), in local time.
 */
export function useClosedScreen() {
  const settings = useSettingsStore()
  const resting = useResting()
  const now = useTimestamp({ interval: CHECK_EVERY_MS })
  const open = computed(() => isOpenAt(settings.config.openingHours, new Date(now.value)))
  /** Whether the closed screen shows now. */
  const showing = computed(() => !open.value && resting.value)
  /** When the clinic opens next, or null while it is open (or never opens). */
  const opensAt = computed(() => (open.value ? null : nextOpening(settings.config.openingHours, new Date(now.value))))
  return { showing, opensAt, now }
}
