import { useEventListener, usePointerSwipe } from '@vueuse/core'
import type { Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { localeInfo, type DisplayLocale } from '../i18n/locales'
import { useJourneyStore } from '../stores/journey'
import { useStaffStore } from '../stores/staff'

/** How far a finger must travel, in CSS px, before a swipe turns the page. */
const SWIPE_THRESHOLD = 80

/**
 * Horizontal swipes (pointer events, so touch, pen and mouse alike) turn the
 * journey's pages like a book: towards the reading direction's end for the next
 * screen. In right-to-left languages the direction mirrors (a swipe to the right
 * moves forward). A horizontal touch is kept from the browser, whose own swipe
 * gesture would otherwise go back in history and leave the kiosk.
 */
export function useJourneySwipe(target: Ref<HTMLElement | null>): void {
  const journey = useJourneyStore()
  const staff = useStaffStore()
  const { locale } = useI18n()

  usePointerSwipe(target, {
    threshold: SWIPE_THRESHOLD,
    onSwipeEnd: (_event, direction) => {
      if (journey.screen === 'attract' || journey.sourcesOpen || staff.view !== 'closed') return
      const rtl = localeInfo(locale.value as DisplayLocale).dir === 'rtl'
      const forward = rtl ? 'right' : 'left'
      const backward = rtl ? 'left' : 'right'
      if (direction === forward) journey.next()
      else if (direction === backward) journey.back()
    },
  })

  let start: { x: number; y: number } | null = null
  useEventListener(target, 'touchstart', (event: TouchEvent) => {
    const touch = event.touches[0]
    start = touch ? { x: touch.clientX, y: touch.clientY } : null
  })
  useEventListener(
    target,
    'touchmove',
    (event: TouchEvent) => {
      const touch = event.touches[0]
      if (!start || !touch || !event.cancelable) return
      if (Math.abs(touch.clientX - start.x) > Math.abs(touch.clientY - start.y)) event.preventDefault()
    },
    { passive: false },
  )
}
