import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { CONTENT_SCREENS, JOURNEY, type ContentScreen, type JourneyScreen } from '../content/journey'

/** Where the visitor is in the journey, and whether the sources page is open. Memory only. */
export const useJourneyStore = defineStore('journey', () => {
  const screen = ref<JourneyScreen>('attract')
  const sourcesOpen = ref(false)
  /** The visitor said "I'm done": the thank-you screen shows until the kiosk starts over. */
  const finished = ref(false)
  /** The furthest screen this visitor reached (anonymous drop-off figures). */
  const furthest = ref<JourneyScreen>('attract')

  const index = computed(() => JOURNEY.indexOf(screen.value))
  const isFirst = computed(() => index.value === 0)
  const isLast = computed(() => index.value === JOURNEY.length - 1)
  /** 1-based step among the content screens, or null before the content starts. */
  const step = computed(() => {
    const position = CONTENT_SCREENS.indexOf(screen.value as ContentScreen)
    return position === -1 ? null : position + 1
  })

  /** Shows a screen (and closes the sources page). */
  function go(target: JourneyScreen): void {
    screen.value = target
    sourcesOpen.value = false
    if (JOURNEY.indexOf(target) > JOURNEY.indexOf(furthest.value)) furthest.value = target
  }

  /** The next screen; stays on the last one. */
  function next(): void {
    if (!isLast.value) go(JOURNEY[index.value + 1]!)
  }

  /** The previous screen; stays on the first one. */
  function back(): void {
    if (!isFirst.value) go(JOURNEY[index.value - 1]!)
  }

  /** Opens or closes the sources page over the current screen. */
  function showSources(open: boolean): void {
    sourcesOpen.value = open
  }

  /** Ends the visit with the thank-you screen. */
  function finish(): void {
    finished.value = true
    sourcesOpen.value = false
  }

  /** Back to the welcome screen, as for a new visitor. */
  function $reset(): void {
    screen.value = 'attract'
    sourcesOpen.value = false
    finished.value = false
    furthest.value = 'attract'
  }

  return {
    screen,
    sourcesOpen,
    finished,
    furthest,
    step,
    isFirst,
    isLast,
    go,
    next,
    back,
    showSources,
    finish,
    $reset,
  }
})
