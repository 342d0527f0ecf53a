import { useIdle, useIntervalFn } from '@vueuse/core'
import { computed, ref, watch } from 'vue'
import { useBridge } from '../platform/use-bridge'
import { useJourneyStore } from '../stores/journey'
import { useSettingsStore } from '../stores/settings'
import { useStartOver } from './use-start-over'

/** Any of these, anywhere in the app, counts as a visitor being there. */
const ACTIVITY_EVENTS: (keyof WindowEventMap)[] = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart']
/** How often the renderer tells main it is alive and watching (see heartbeat-watchdog.ts). */
const HEARTBEAT_MS = 10_000

/**
 * The visitor idle reset. After the configured quiet time away from the welcome
 * screen a warning counts down; any touch keeps the visitor where they were; at
 * zero everything about the visitor is wiped. Heartbeats go to main while the
 * kiosk rests on the welcome screen or a visitor has been active recently, so a
 * hung renderer or a broken timer falls silent and main's backstop reloads.
 */
export function useIdleReset() {
  const settings = useSettingsStore()
  const journey = useJourneyStore()
  const bridge = useBridge()
  const startOver = useStartOver()
  const timeoutMs = settings.config.idleTimeoutSeconds * 1000
  // At least 20 s to answer (WCAG 2.2.1): the contract's schema refuses a shorter warning.
  const warningSeconds = settings.config.idleWarningSeconds

  const { idle, lastActive } = useIdle(timeoutMs, { events: ACTIVITY_EVENTS })
  const warning = computed(() => idle.value && journey.screen !== 'attract')
  const secondsLeft = ref(warningSeconds)
  // Measured against the clock, not counted in ticks, so a late or throttled timer still resets on time.
  let deadline = 0

  const countdown = useIntervalFn(
    () => {
      secondsLeft.value = Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
      if (secondsLeft.value === 0) {
        countdown.pause()
        startOver()
      }
    },
    250,
    { immediate: false },
  )
  watch(warning, (showing) => {
    secondsLeft.value = warningSeconds
    deadline = Date.now() + warningSeconds * 1000
    if (showing) countdown.resume()
    else countdown.pause()
  })

  useIntervalFn(() => {
    const recentlyActive = Date.now() - lastActive.value < timeoutMs + warningSeconds * 1000
    if (journey.screen === 'attract' || recentlyActive) void bridge.heartbeat()
  }, HEARTBEAT_MS)

  return { warning, secondsLeft }
}
