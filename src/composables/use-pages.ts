import { useMutationObserver, useResizeObserver } from '@vueuse/core'
import { onMounted, ref, watch, type Ref } from 'vue'
import { SPEAKING_ATTRIBUTE } from '../speech/reading-order'
import { useDisplayStore } from '../stores/display'

/** Marks a block too tall for any page (see usePages). */
const TALLER_THAN_PAGE = 'data-taller-than-page'

/**
 * Pages for a region whose content may not fit: the content flows into
 * columns (CSS multi-column, so a line or an unbreakable block is never cut),
 * and each region-wide run of columns is one page. Counts the pages whenever
 * the region, its content (a new language too) or the text size changes, and
 * keeps the current page in range. `page` is 0-based. When a block that must
 * not break (a warning, a step) is too tall for its column and splits, the page
 * takes one column fewer (`columns`, null while the stylesheet's count holds),
 * so the block gets a wider, shorter column. A block taller than a whole page
 * even so is marked `data-taller-than-page`: it may then continue on the next
 * page, between its lines (the stylesheet repeats its box on each part), rather
 * than leave a page empty.
 */
export function usePages(viewport: Ref<HTMLElement | null>, flow: Ref<HTMLElement | null>) {
  const page = ref(0)
  const pages = ref(1)
  const columns = ref<number | null>(null)
  /** False from a change until the pages of the new layout are counted. */
  const settled = ref(false)
  const display = useDisplayStore()
  let frame = 0

  /**
   * How far the content reaches along the reading direction, in px from the
   * region's start, measured on the laid-out fragments themselves (scrollWidth
   * misses columns that nested grids spill into).
   */
  function extentOf(content: HTMLElement): number {
    const start = content.getBoundingClientRect()
    const rtl = getComputedStyle(content).direction === 'rtl'
    let extent = start.width
    for (const element of content.querySelectorAll('*')) {
      for (const box of element.getClientRects()) {
        extent = Math.max(extent, rtl ? start.right - box.left : box.right - start.left)
      }
    }
    return extent
  }

  /** The blocks that must stay whole (break-inside: avoid) but are split across columns. */
  function splitBlocks(content: HTMLElement): Element[] {
    return [...content.querySelectorAll('*')].filter(
      (element) => element.getClientRects().length > 1 && getComputedStyle(element).breakInside === 'avoid',
    )
  }

  /** How tall a block is in all, over every column it spans. */
  const heightOf = (element: Element) => [...element.getClientRects()].reduce((sum, box) => sum + box.height, 0)

  /** The gap between two pages' columns, in px. */
  const gapOf = (content: HTMLElement) => parseFloat(getComputedStyle(content).columnGap) || 0

  function count(): void {
    cancelAnimationFrame(frame)
    settled.value = false
    frame = requestAnimationFrame(() => {
      const region = viewport.value
      const content = flow.value
      if (!region || !content) return
      const laidOut = parseInt(getComputedStyle(content).columnCount, 10) || 1
      const split = splitBlocks(content)
      if (split.length > 0 && laidOut > 1) {
        columns.value = laidOut - 1
        return // the flow's new style brings the next count
      }
      const tooTall = split.filter((element) => heightOf(element) > region.clientHeight)
      if (tooTall.length > 0) {
        for (const element of tooTall) element.setAttribute(TALLER_THAN_PAGE, '')
        return // as above
      }
      const gap = gapOf(content)
      const stride = region.clientWidth + gap
      pages.value = stride > 0 ? Math.max(1, Math.ceil((extentOf(content) + gap - 1) / stride)) : 1
      page.value = Math.min(page.value, pages.value - 1)
      settled.value = true
    })
  }

  /** Lays the content out afresh at the stylesheet's column count, then counts. */
  function refit(): void {
    columns.value = null
    for (const element of flow.value?.querySelectorAll(`[${TALLER_THAN_PAGE}]`) ?? []) {
      element.removeAttribute(TALLER_THAN_PAGE)
    }
    count()
  }

  useResizeObserver(viewport, refit)
  useMutationObserver(
    flow,
    (all) => {
      // The ring around a drawing being read aloud changes no layout.
      const changes = all.filter((change) => change.attributeName !== SPEAKING_ATTRIBUTE)
      if (changes.length === 0) return
      const fittedOnly = changes.every(
        (change) =>
          change.attributeName === TALLER_THAN_PAGE ||
          (change.target === flow.value && change.attributeName === 'style'),
      )
      if (fittedOnly) count()
      else refit()
    },
    { childList: true, subtree: true, characterData: true, attributes: true },
  )
  // Larger text changes the size of the content but not its DOM: neither observer sees it.
  watch(() => display.largeText, refit, { flush: 'post' })
  onMounted(() => {
    count()
    void document.fonts.ready.then(refit)
  })

  /** Shows the page that holds an element (a control reached by keyboard, say). */
  function reveal(element: Element): void {
    const region = viewport.value
    const content = flow.value
    if (!region || !content) return
    const rtl = getComputedStyle(region).direction === 'rtl'
    const box = region.getBoundingClientRect()
    const target = element.getBoundingClientRect()
    const offset = rtl ? box.right - target.right : target.left - box.left
    const shift = Math.floor((offset + 1) / (box.width + gapOf(content)))
    page.value = Math.min(pages.value - 1, Math.max(0, page.value + shift))
  }

  return {
    page,
    pages,
    columns,
    settled,
    next: () => (page.value = Math.min(page.value + 1, pages.value - 1)),
    previous: () => (page.value = Math.max(page.value - 1, 0)),
    reveal,
  }
}
