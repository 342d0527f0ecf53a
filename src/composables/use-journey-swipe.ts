import { useSwipe } from '@vueuse/core'
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { LOCALES } from '../i18n/locales'
import { useJourneyStore } from '../stores/journey'
import type { LocaleTag } from '../../electron/contract'

/** How far a finger must travel, in CSS px, before a swipe turns the page. */
const SWIPE_THRESHOLD = 80

/**
 * Horizontal swipes turn the journey's pages like a book: towards the reading
 * direction's end for the next screen. In right-to-left languages the direction
 * mirrors (a swipe to the right moves forward).
 */
export function useJourneySwipe(target: Ref<HTMLElement | null>): void {
  const journey = useJourneyStore()
  const { locale } = useI18n()
  useSwipe(target, {
    threshold: SWIPE_THRESHOLD,
    onSwipeEnd: (_event, direction) => {
      if (journey.screen === 'attract' || journey.sourcesOpen) return
      const rtl = LOCALES[locale.value as LocaleTag].dir === 'rtl'
      const forward = rtl ? 'right' : 'left'
      const backward = rtl ? 'left' : 'right'
      if (direction === forward) journey.next()
      else if (direction === backward) journey.back()
    },
  })
}
