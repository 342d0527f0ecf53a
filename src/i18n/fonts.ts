import { nextTick } from 'vue'
import type { LocaleTag } from '../../electron/contract'
import { i18n } from '.'
import { fontFamiliesOf, LOCALES } from './locales'

type MessageTree = { [key: string]: MessageTree | unknown }

/** A compiled message: a function, or (precompiled at build time) an AST node with a numeric type `t`. */
function isMessage(value: unknown): boolean {
  return typeof value !== 'object' || value === null || typeof (value as { t?: unknown }).t === 'number'
}

function keysOf(tree: MessageTree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    isMessage(value) ? [`${prefix}${key}`] : keysOf(value as MessageTree, `${prefix}${key}.`),
  )
}

/** Every character a language's screens show, plus its name on the picker. */
function textOf(tag: LocaleTag): string {
  const { t, getLocaleMessage } = i18n.global
  const texts = keysOf(getLocaleMessage(tag) as MessageTree).map((key) => t(key, {}, { locale: tag }))
  return [LOCALES[tag].nativeName, ...texts].join(' ')
}

/**
 * Loads the font files that hold every glyph the languages `tags` use on any
 * screen, regular and bold, so none of their text shows in a fallback font
 * (the handout page waits for this before it prints). Only those unicode-range
 * files are fetched.
 */
export async function preloadFonts(tags: readonly LocaleTag[]): Promise<void> {
  if (!('fonts' in document)) return
  const loads = tags.flatMap((tag) => {
    const text = textOf(tag)
    return ['400', '700'].map((weight) => document.fonts.load(`${weight} 26px ${LOCALES[tag].fontStack}`, text))
  })
  const results = await Promise.allSettled(loads)
  for (const result of results)
    if (result.status === 'rejected') console.warn('A kiosk font did not load', result.reason)
}

/** How long the first screen stays hidden at most while its fonts load: a missing font must never leave it blank. */
const FIRST_SCREEN_FONT_WAIT_MS = 3000

/**
 * Mounts the app at once but shows it only when the fonts of what its first
 * screen draws have loaded (at most 3 s), so the welcome screen (the default
 * language's text, every offered language's name in its own script) never
 * flashes in a fallback font, and no other font is waited for: only the files
 * its text falls in, at the weights it is set in.
 */
export async function mountWhenFontsLoaded(root: HTMLElement, mount: () => void): Promise<void> {
  root.style.visibility = 'hidden'
  mount()
  await nextTick()
  // Laying the hidden screen out now starts loading the fonts its text needs.
  root.getBoundingClientRect()
  if ('fonts' in document)
    await Promise.race([document.fonts.ready, new Promise((resolve) => setTimeout(resolve, FIRST_SCREEN_FONT_WAIT_MS))])
  root.style.removeProperty('visibility')
}

/** How long the idle-time loading waits at most for the browser to be idle. */
const IDLE_TIMEOUT_MS = 2000

/**
 * Loads every font face of the families the languages `tags` use once the
 * browser is idle (after the welcome screen is drawn, within 2 s), so a
 * visitor who switches language sees no fallback font. Whole faces, not the
 * text's characters: a language's messages load only when a visitor picks it,
 * and the build has already cut each face down to the characters the kiosk
 * draws. A short timer stands in where requestIdleCallback is missing.
 */
export function preloadFontsWhenIdle(tags: readonly LocaleTag[]): void {
  const families = new Set(tags.flatMap((tag) => fontFamiliesOf(LOCALES[tag].fontStack)))
  const load = () => {
    for (const face of document.fonts) {
      if (!families.has(face.family.replace(/^["']|["']$/g, ''))) continue
      face.load().catch((error: unknown) => console.warn('A kiosk font did not load', error))
    }
  }
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: IDLE_TIMEOUT_MS })
  else setTimeout(load, 200)
}
