import { computed, type ComputedRef } from 'vue'
import { useJourneyStore } from '../stores/journey'
import { useStaffStore } from '../stores/staff'

/**
 * Whether the kiosk rests: the welcome (or closed) screen shows, with no
 * sources page and no staff screen over it. Main's daily restart and updates
 * wait for it (told by the heartbeat), and only then may the closed screen show.
 */
export function useResting(): ComputedRef<boolean> {
  const journey = useJourneyStore()
  const staff = useStaffStore()
  return computed(() => journey.screen === 'attract' && !journey.sourcesOpen && staff.view === 'closed')
}
