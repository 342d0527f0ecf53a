import { useMutationObserver, useResizeObserver } from '@vueuse/core'
import { onMounted, ref, watch, type Ref } from 'vue'
import { useDisplayStore } from '../stores/display'

/**
 * Pages for a region whose content may not fit: the content flows into
 * columns as wide as the region (CSS multi-column, so a line or an unbreakable
 * block is never cut), and each column is one page. Counts the pages whenever
 * the region, its content (a new language too) or the text size changes, and
 * keeps the current page in range. `page` is 0-based.
 */
export function usePages(viewport: Ref<HTMLElement | null>, flow: Ref<HTMLElement | null>) {
  const page = ref(0)
  const pages = ref(1)
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

  /** The gap between two pages' columns, in px. */
  const gapOf = (content: HTMLElement) => parseFloat(getComputedStyle(content).columnGap) || 0

  function count(): void {
    cancelAnimationFrame(frame)
    frame = requestAnimationFrame(() => {
      const region = viewport.value
      const content = flow.value
      if (!region || !content) return
      const gap = gapOf(content)
      const stride = region.clientWidth + gap
      pages.value = stride > 0 ? Math.max(1, Math.ceil((extentOf(content) + gap - 1) / stride)) : 1
      page.value = Math.min(page.value, pages.value - 1)
    })
  }

  useResizeObserver(viewport, count)
  useMutationObserver(flow, count, { childList: true, subtree: true, characterData: true, attributes: true })
  // Larger text changes the size of the content but not its DOM: neither observer sees it.
  watch(() => display.largeText, count, { flush: 'post' })
  onMounted(() => {
    count()
    void document.fonts.ready.then(count)
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
    next: () => (page.value = Math.min(page.value + 1, pages.value - 1)),
    previous: () => (page.value = Math.max(page.value - 1, 0)),
    reveal,
  }
}
