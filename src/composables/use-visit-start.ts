import { watch } from 'vue'
import { useBridge } from '../platform/use-bridge'
import { useJourneyStore } from '../stores/journey'

/** Counts a visit (anonymously) as soon as it leaves the welcome screen. */
export function useVisitStart(): void {
  const journey = useJourneyStore()
  const bridge = useBridge()
  watch(
    () => journey.furthest,
    (reached, before) => {
      if (before === 'attract' && reached !== 'attract') void bridge.recordVisit({ event: 'started' })
    },
  )
}
