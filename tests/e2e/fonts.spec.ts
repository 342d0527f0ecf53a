import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { LocaleTag } from '../../electron/contract'
import { DEFAULT_CONFIG } from '../../electron/default-config'
import { LOCALES } from '../../src/i18n/locales'
import { expect, openKiosk, test } from './fixtures'

/** How soon after the welcome screen shows every other language's fonts are in (idle time, within 2 s, on a busy machine). */
const IDLE_LOADING_MS = 15_000

/**
 * The text of an element under `selector` that Chromium draws in a font the
 * app does not ship (a fallback font), as "text: font" (DevTools' platform
 * fonts of each element's text).
 */
async function inFallbackFonts(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    await cdp.send('CSS.enable')
    const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: `${selector} *` })
    const found: string[] = []
    for (const nodeId of nodeIds) {
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
      const fallbacks = fonts.filter((font) => !font.isCustomFont)
      if (fallbacks.length === 0) continue
      const { outerHTML } = await cdp.send('DOM.getOuterHTML', { nodeId })
      found.push(`${outerHTML.slice(0, 80)}: ${fallbacks.map((font) => font.familyName).join(', ')}`)
    }
    return found
  } finally {
    await cdp.detach()
  }
}

/** The fonts Chromium draws the text of the first element matching `selector` with, by the names inside the font files. */
async function drawnFamilies(page: Page, selector: string): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page)
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
    await cdp.send('CSS.enable')
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector })
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId })
    return fonts.map((font) => font.familyName)
  } finally {
    await cdp.detach()
  }
}

/**
 * Runs in the page before its scripts: when the welcome screen first becomes
 * visible (before that frame is drawn), notes each of its texts whose font has
 * not loaded yet, which would flash in a fallback font, in `window.__unloadedAtWelcome`,
 * and the time, in `window.__welcomeShownAt`.
 */
function noteUnloadedFontsAtWelcome(): void {
  const observer = new MutationObserver(() => {
    const screen = document.querySelector('[data-testid="screen-attract"]')
    if (!screen?.checkVisibility({ visibilityProperty: true })) return
    observer.disconnect()
    const unloaded = [...screen.querySelectorAll('*')].flatMap((element) => {
      const text = [...element.childNodes]
        .filter((node) => node.nodeType === Node.TEXT_NODE)
        .map((node) => node.textContent)
        .join('')
        .trim()
      const style = getComputedStyle(element)
      const font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`
      return text && !document.fonts.check(font, text) ? [`${text} (${font})`] : []
    })
    Object.assign(window, { __unloadedAtWelcome: unloaded, __welcomeShownAt: performance.now() })
  })
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['style', 'class'] })
}

/** A language's first teaching screen's heading and first paragraph, as the locale file has them. */
function aboutText(tag: LocaleTag): string {
  const { about } = JSON.parse(readFileSync(`locales/${tag}.json`, 'utf8')) as { about: Record<string, unknown> }
  return `${String(about.title)} ${String(about.feel)}`
}

/** Waits until the fonts for the languages' first teaching screen, regular and bold, are loaded. */
async function fontsLoadedFor(page: Page, tags: readonly LocaleTag[]): Promise<void> {
  const samples = tags.flatMap((tag) =>
    ['400', '700'].map((weight) => [`${weight} 26px ${LOCALES[tag].fontStack}`, aboutText(tag)] as const),
  )
  await expect
    .poll(() => page.evaluate((all) => all.filter(([font, text]) => !document.fonts.check(font, text)), samples), {
      timeout: IDLE_LOADING_MS,
    })
    .toEqual([])
}

test.describe('fonts', () => {
  test('the welcome screen shows every language’s name and the default language in their own fonts, and the other languages’ fonts follow, all from the app', async ({
    page,
  }) => {
    const fontRequests: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fontRequests.push(request.url())
    })
    await page.addInitScript(noteUnloadedFontsAtWelcome)
    await openKiosk(page)
    expect(await page.evaluate(() => (window as { __unloadedAtWelcome?: string[] }).__unloadedAtWelcome)).toEqual([])
    expect(await inFallbackFonts(page, '[data-testid="screen-attract"]')).toEqual([])
    for (const tag of DEFAULT_CONFIG.enabledLocales)
      await expect(page.getByTestId(`attract-lang-${tag}`)).toHaveText(LOCALES[tag].nativeName)

    // Soon after, in idle time, without any touch: every other enabled language's fonts.
    await fontsLoadedFor(page, DEFAULT_CONFIG.enabledLocales)
    expect(fontRequests.length).toBeGreaterThan(0)
    for (const url of fontRequests) expect(new URL(url).origin).toBe(new URL(page.url()).origin)
  })

  test('the welcome screen’s font files are asked for with the page, beside its scripts, not once they have run', async ({
    page,
  }) => {
    await page.addInitScript(noteUnloadedFontsAtWelcome)
    await openKiosk(page)
    const fetchedBeforeWelcome = await page.evaluate(() => {
      const shownAt = (window as { __welcomeShownAt?: number }).__welcomeShownAt ?? Infinity
      return performance
        .getEntriesByType('resource')
        .filter((entry) => /\.woff2$/.test(entry.name) && entry.startTime <= shownAt)
        .map(
          (entry) =>
            `${entry.name.slice(entry.name.lastIndexOf('/') + 1)} by ${(entry as PerformanceResourceTiming).initiatorType}`,
        )
    })
    // A preload (<link rel="preload">) in index.html asks for each; a file the stylesheet had to ask for would say "by css".
    expect(fetchedBeforeWelcome.length).toBeGreaterThan(0)
    expect(fetchedBeforeWelcome.filter((file) => !file.endsWith(' by link'))).toEqual([])
  })

  test('a visitor who picks Chinese reads it in Noto Sans SC, with nothing in a fallback font', async ({ page }) => {
    await openKiosk(page)
    // While the visitor looks for their language, the other languages' fonts load.
    await fontsLoadedFor(page, ['zh-Hans'])
    await page.getByTestId('attract-lang-zh-Hans').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    // The file's own name: fontsource's regular Noto Sans SC calls itself "Noto Sans SC Thin" inside.
    expect(await drawnFamilies(page, '[data-testid="screen-about"] h1')).toEqual([
      expect.stringMatching(/^Noto Sans SC\b/),
    ])
    expect(await inFallbackFonts(page, '[data-testid="screen-about"]')).toEqual([])
  })
})
