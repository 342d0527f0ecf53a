import type { LocaleTag } from '../../electron/contract'
import { i18n } from '.'
import { LOCALES } from './locales'

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
 * Loads, before the first screen shows, the font files that hold every glyph
 * the enabled languages use, so no text flashes in a fallback font when a
 * visitor switches language. Only those unicode-range files are fetched.
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
