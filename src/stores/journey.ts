import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { CONTENT_SCREENS, JOURNEY, type ContentScreen, type JourneyScreen } from '../content/journey'

/**
 * Where the visitor is in the journey (the screen, and the page of a screen
 * whose content pages), and whether the sources page is open. Memory only.
 * Next and Back turn a screen's pages before its screens, as in a book.
 */
export const useJourneyStore = defineStore('journey', () => {
  const screen = ref<JourneyScreen>('attract')
  /** The current screen's page (1-based) and page count, kept by its paged region. */
  const page = ref(1)
  const pages = ref(1)
  const sourcesOpen = ref(false)
  /** The visitor said "I'm done": the thank-you screen shows until the kiosk starts over. */
  const finished = ref(false)
  /** The furthest screen this visitor reached (anonymous drop-off figures). */
  const furthest = ref<JourneyScreen>('attract')

  const index = computed(() => JOURNEY.indexOf(screen.value))
  const isFirst = computed(() => index.value === 0)
  const isLast = computed(() => index.value === JOURNEY.length - 1)
  /** The current screen has pages after this one. */
  const hasMorePages = computed(() => page.value < pages.value)
  /** 1-based step among the content screens, or null before the content starts. */
  const step = computed(() => {
    const position = CONTENT_SCREENS.indexOf(screen.value as ContentScreen)
    return position === -1 ? null : position + 1
  })

  /** Shows a screen at its first page (and closes the sources page). */
  function go(target: JourneyScreen): void {
    // A new screen's paged region counts its own pages; the current one's count still holds.
    if (target !== screen.value) pages.value = 1
    screen.value = target
    page.value = 1
    sourcesOpen.value = false
    if (JOURNEY.indexOf(target) > JOURNEY.indexOf(furthest.value)) furthest.value = target
  }

  /** The screen's next page, else the next screen; stays on the last one. */
  function next(): void {
    if (hasMorePages.value) page.value += 1
    else if (!isLast.value) go(JOURNEY[index.value + 1]!)
  }

  /** The screen's previous page, else the previous screen (at its first page); stays on the first one. */
  function back(): void {
    if (page.value > 1) page.value -= 1
    else if (!isFirst.value) go(JOURNEY[index.value - 1]!)
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
    page.value = 1
    pages.value = 1
    sourcesOpen.value = false
    finished.value = false
    furthest.value = 'attract'
  }

  return {
    screen,
    page,
    pages,
    hasMorePages,
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
