import { useIdle, useIntervalFn, useTimestamp } from '@vueuse/core'
import { computed, ref, watch } from 'vue'
import { useBridge } from '../platform/use-bridge'
import { useJourneyStore } from '../stores/journey'
import { useSettingsStore } from '../stores/settings'
import { useStaffStore } from '../stores/staff'
import { useResting } from './use-resting'
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
 * hung renderer or a broken timer falls silent and main's backstop reloads;
 * each says whether the kiosk rests (main's daily restart and updates wait
 * for that), and a change of resting is told at once.
 * Staff changes to the timing apply at once. Staff mode has its own, longer
 * timeout (use-staff-timeout.ts), so no visitor warning shows over it.
 */
export function useIdleReset() {
  const settings = useSettingsStore()
  const journey = useJourneyStore()
  const staff = useStaffStore()
  const bridge = useBridge()
  const startOver = useStartOver()
  const timeoutMs = computed(() => settings.config.idleTimeoutSeconds * 1000)
  // At least 20 s to answer (WCAG 2.2.1): the contract's schema refuses a shorter warning.
  const warningSeconds = computed(() => settings.config.idleWarningSeconds)

  // useIdle only tracks the last activity here; the timeout is compared below, so staff changes apply at once.
  const { lastActive } = useIdle(HEARTBEAT_MS, { events: ACTIVITY_EVENTS })
  const now = useTimestamp({ interval: 1000 })
  const idle = computed(() => now.value - lastActive.value >= timeoutMs.value)
  const warning = computed(() => idle.value && journey.screen !== 'attract' && staff.view === 'closed')
  const secondsLeft = ref(warningSeconds.value)
  // Measured against the clock, not counted in ticks, so a late or throttled timer still resets on time.
  let deadline = 0

  const countdown = useIntervalFn(
    () => {
      secondsLeft.value = Math.max(0, Math.ceil((deadline - Date.now()) / 1000))
      if (secondsLeft.value === 0) {
        countdown.pause()
        startOver('idle')
      }
    },
    250,
    { immediate: false },
  )
  watch(warning, (showing) => {
    secondsLeft.value = warningSeconds.value
    deadline = Date.now() + warningSeconds.value * 1000
    if (showing) countdown.resume()
    else countdown.pause()
  })

  const resting = useResting()
  const beat = async () => {
    const reply = await bridge.heartbeat({ resting: resting.value })
    if (reply.ok) await settings.follow(reply.value.configRevision, bridge)
  }
  useIntervalFn(() => {
    const recentlyActive = Date.now() - lastActive.value < timeoutMs.value + warningSeconds.value * 1000
    if (resting.value || recentlyActive) void beat()
  }, HEARTBEAT_MS)
  // A visit starting (or ending) is told at once, so main's daily restart never catches a visitor.
  watch(resting, () => void beat())

  return { warning, secondsLeft }
}
