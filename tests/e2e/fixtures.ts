import axe from 'axe-core'
import { test as base, expect, type Locator, type Page } from '@playwright/test'
import { JOURNEY } from '../../src/content/journey'

/** The two screens the kiosk is built for. */
export const SCREEN_SIZES = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const

/**
 * A test whose page records every console error and uncaught exception; the
 * `problems` fixture holds them so a test can assert there were none.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    await use(problems)
  },
})

export { expect }

/** Opens the kiosk and waits for the welcome screen. */
export async function openKiosk(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('screen-attract')).toBeVisible()
}

/** Writes a screenshot as a test artifact (test-results/screenshots, not committed). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` })
}

/** Interactive elements smaller than 64x64 CSS px on the current screen. */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.$$eval('button, a[href], [role="button"], input, select', (elements) =>
    elements
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.width < 64 || box.height < 64)
      })
      .map((element) => element.getAttribute('data-testid') ?? element.outerHTML.slice(0, 80)),
  )
}

/** The journey's screens in order, as their data-testid suffixes. */
export { JOURNEY }

/**
 * Moves on one screen as a visitor would: on the language screen (which has no
 * Next) by touching the language in use, elsewhere with More to the screen's
 * last page, then Next.
 */
export async function goNext(page: Page): Promise<void> {
  const language = page.getByTestId('screen-language')
  const more = page.getByTestId('page-more')
  const next = page.getByTestId('nav-next')
  await language.or(more).or(next).first().waitFor()
  if (await language.isVisible()) return language.locator('[aria-pressed="true"]').tap()
  await readToLastPage(page)
  await next.tap()
}

/** Turns the current screen to its last page with More, as a visitor who keeps tapping the same button does. */
export async function readToLastPage(page: Page): Promise<void> {
  const more = page.getByTestId('page-more')
  await pagesCounted(page)
  while (await more.isVisible()) {
    await more.tap()
    await pagesCounted(page)
  }
}

/** Waits until every paged region on screen has counted its pages (until then, Next may yet turn into More). */
async function pagesCounted(page: Page): Promise<void> {
  await expect(page.locator('.paged:not([data-settled="true"])')).toHaveCount(0)
}

/** Moves on from journey screen `from` until `target` shows, waiting for each screen on the way. */
export async function walkTo(
  page: Page,
  from: (typeof JOURNEY)[number],
  target: (typeof JOURNEY)[number],
): Promise<void> {
  await expect(page.getByTestId(`screen-${from}`)).toBeVisible()
  for (const screen of JOURNEY.slice(JOURNEY.indexOf(from) + 1, JOURNEY.indexOf(target) + 1)) {
    await goNext(page)
    await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
  }
}

/**
 * Swipes a finger across the middle of the screen with real touch events
 * (Chrome DevTools Protocol), as a visitor would: "left" moves the finger
 * from right to left.
 */
export async function swipe(page: Page, direction: 'left' | 'right'): Promise<void> {
  const { width, height } = page.viewportSize()!
  const y = Math.round(height / 2)
  const [from, to] = direction === 'left' ? [width * 0.75, width * 0.25] : [width * 0.25, width * 0.75]
  const cdp = await page.context().newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
    cdp.send('Input.dispatchTouchEvent', {
      type,
      touchPoints: type === 'touchEnd' ? [] : [{ x: Math.round(x), y }],
    })
  await touch('touchStart', from)
  for (let step = 1; step <= 5; step++) await touch('touchMove', from + ((to - from) * step) / 5)
  await touch('touchEnd', to)
  await cdp.detach()
}

/** The WCAG 2.2 AA rule tags; `enhancedAccessibilityViolations` adds AAA. */
const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']

/**
 * axe-core's findings for `tags` on the current screen, as readable lines. axe is put into
 * the page once per document (through the DevTools protocol, so the kiosk's CSP does not
 * apply to it) and run there on the whole document: the kiosk has no frames.
 */
async function axeViolations(page: Page, tags: string[]): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source)
  return page.evaluate(async (values) => {
    const { violations } = await (window as unknown as { axe: typeof axe }).axe.run(document, {
      runOnly: { type: 'tag', values },
      resultTypes: ['violations'],
    })
    return violations.map(
      (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    )
  }, tags)
}

/** axe-core's WCAG 2.2 AA findings on the current screen, as readable lines. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  return axeViolations(page, WCAG_AA)
}

/**
 * Elements whose text does not fit their box and is clipped or spills out
 * (scroll containers excepted: their content may scroll).
 */
export async function overflowingText(page: Page): Promise<string[]> {
  return page.$$eval('body *', (elements) =>
    elements
      .filter((element) => {
        if (!(element instanceof HTMLElement) || element.closest('svg')) return false
        const style = getComputedStyle(element)
        if (style.display === 'none' || /(auto|scroll)/.test(style.overflowY + style.overflowX)) return false
        const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim())
        if (!hasText) return false
        return element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1
      })
      .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent!.trim().slice(0, 60)}`),
  )
}

/**
 * What a visitor could not see on the current screen (the fold check): every
 * text element must be wholly inside the window, and one inside a paged region
 * (a screen root or panel with data-pages) wholly inside that region on one of
 * its pages, reached with `page-more`; a warning box must stay in one piece
 * and be whole on one page, unless it is taller than a page. Leaves the region on its last page. `scope` is the
 * screen root or the panel to check.
 */
export async function hiddenContent(scope: Locator): Promise<string[]> {
  await turnToFirstPage(scope)
  const pages = Number((await scope.getAttribute('data-pages')) ?? '1')
  let seen: boolean[] = []
  let problems: string[] = []
  for (let turn = 1; turn <= pages; turn++) {
    if (turn > 1) {
      await scope.getByTestId('page-more').tap({ timeout: 10_000 })
      await expect(scope).toHaveAttribute('data-page', String(turn))
    }
    // One look per page: which paged elements are wholly in view now; on the last page, the verdict.
    ;({ seen, problems } = await scope.evaluate(
      (root, { seenBefore, last }) => {
        const window_ = { left: 0, top: 0, right: innerWidth, bottom: innerHeight }
        const inside = (box: DOMRect, frame: { left: number; top: number; right: number; bottom: number }) =>
          box.left >= frame.left - 1 &&
          box.top >= frame.top - 1 &&
          box.right <= frame.right + 1 &&
          box.bottom <= frame.bottom + 1
        // Only the paged flows' content moves between pages; everything else is checked once, on the last page.
        const paged = [...root.querySelectorAll('.paged__flow *')]
        const seenNow = paged.map((element, index) => {
          const box = element.getBoundingClientRect()
          const frame = element.closest('.paged__viewport')!.getBoundingClientRect()
          return seenBefore[index] === true || (inside(box, frame) && inside(box, window_))
        })
        const found: string[] = []
        if (!last) return { seen: seenNow, problems: found }
        for (const element of root.querySelectorAll('*')) {
          if (!(element instanceof HTMLElement) || element.closest('svg')) continue
          const style = getComputedStyle(element)
          if (style.display === 'none' || style.visibility === 'hidden' || element.getClientRects().length === 0)
            continue
          const label = `${element.tagName.toLowerCase()}: ${element.textContent!.trim().slice(0, 50)}`
          const warning = element.matches('.callout, .card--warning, .card--urgent, .card--emergency')
          // Only a warning taller than a whole page may go on to the next (use-pages.ts marks it).
          const split = element.getClientRects().length > 1 && !element.hasAttribute('data-taller-than-page')
          if (warning && split) found.push(`split across columns or pages: ${label}`)
          if (element.hasAttribute('data-taller-than-page')) {
            const height = [...element.getClientRects()].reduce((sum, box) => sum + box.height, 0)
            const region = element.closest('.paged__viewport')!.getBoundingClientRect().height
            if (height <= region) found.push(`marked taller than a page, but fits one: ${label}`)
          }
          const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent!.trim())
          // A warning taller than a page cannot be wholly in view: its lines, as every text, must be.
          if (!hasText && (!warning || element.hasAttribute('data-taller-than-page'))) continue
          const index = paged.indexOf(element)
          const visible = index === -1 ? inside(element.getBoundingClientRect(), window_) : seenNow[index]
          if (!visible) found.push(`never wholly in view: ${label}`)
        }
        return { seen: seenNow, problems: found }
      },
      { seenBefore: seen, last: turn === pages },
    ))
  }
  return problems
}

/** Turns a paged screen to the page that shows `target` (from the first page on), as a visitor would, then taps it. */
export async function tapOnItsPage(scope: Locator, target: Locator): Promise<void> {
  await turnToFirstPage(scope)
  while (!(await isWhollyInView(target))) {
    const more = scope.getByTestId('page-more')
    if ((await more.count()) === 0) throw new Error(`never in view on any page: ${target}`)
    await more.tap({ timeout: 10_000 })
  }
  await target.tap()
}

/**
 * Waits until the paged region in `scope` has counted the pages of its current
 * layout, then turns back to its first page: a dialog's pages with their own
 * control, a screen's with Back.
 */
async function turnToFirstPage(scope: Locator): Promise<void> {
  await expect(scope.locator('.paged').first()).toHaveAttribute('data-settled', 'true')
  const previous = scope.getByTestId('page-previous').or(scope.getByTestId('nav-back')).first()
  while ((await scope.getAttribute('data-page')) !== '1') {
    const page = await scope.getAttribute('data-page')
    await previous.tap({ timeout: 10_000 })
    await expect(scope).not.toHaveAttribute('data-page', page!)
  }
}

async function isWhollyInView(target: Locator): Promise<boolean> {
  return target.evaluate((element) => {
    const region = element.closest('.paged__viewport')?.getBoundingClientRect()
    const box = element.getBoundingClientRect()
    return !region || (box.left >= region.left - 1 && box.right <= region.right + 1 && box.bottom <= region.bottom + 1)
  })
}

/** axe-core's findings including WCAG AAA (enhanced 7:1 contrast among them), as readable lines. */
export async function enhancedAccessibilityViolations(page: Page): Promise<string[]> {
  return axeViolations(page, [...WCAG_AA, 'wcag2aaa'])
}
