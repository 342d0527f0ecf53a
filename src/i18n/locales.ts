import type { LocaleTag } from '../../electron/contract'

/**
 * Who has checked a language's visitor text, as this build found it: the source
 * text, a machine draft nobody has reviewed, a translation reviewed by a
 * qualified medical translator, or one whose text (or the English it
 * translates) has changed since that review. Computed at build time from the
 * review records in locales/reviews/ (scripts/translation-reviews.ts).
 */
export type ReviewStatus =
  | { state: 'source' }
  | { state: 'machine-draft'; draftedOn: string }
  | { state: 'reviewed' | 'changed'; reviewer: string; qualification: string; reviewedOn: string }

/** Whether visitors can rely on a language's text: the source, or a review that still matches it. */
export function isReviewed(status: ReviewStatus): boolean {
  return status.state === 'source' || status.state === 'reviewed'
}

/** What the kiosk knows about one of its languages. */
export interface LocaleInfo {
  tag: LocaleTag
  /** The language's name in its own language and script, as the picker shows it. */
  nativeName: string
  dir: 'ltr' | 'rtl'
  /** CSS font-family stack; every family is shipped with the app (see styles/fonts.css). */
  fontStack: string
  /**
   * Line height the script needs: at least the font's own ascent plus descent, so lines never
   * overlap (Noto Sans Arabic spans 2.11 em, Nastaliq, which stacks letters diagonally, 2.5 em).
   */
  lineHeight: number
}

const LATIN = "'Noto Sans', sans-serif"

/** The locale registry: every language the kiosk ships, in the picker's default order. */
export const LOCALES: Readonly<Record<LocaleTag, LocaleInfo>> = {
  en: {
    tag: 'en',
    nativeName: 'English',
    dir: 'ltr',
    fontStack: LATIN,
    lineHeight: 1.4,
  },
  es: {
    tag: 'es',
    nativeName: 'Español',
    dir: 'ltr',
    fontStack: LATIN,
    lineHeight: 1.4,
  },
  'zh-Hans': {
    tag: 'zh-Hans',
    nativeName: '简体中文',
    dir: 'ltr',
    fontStack: "'Noto Sans SC', 'Noto Sans', sans-serif",
    lineHeight: 1.5,
  },
  vi: {
    tag: 'vi',
    nativeName: 'Tiếng Việt',
    dir: 'ltr',
    fontStack: LATIN,
    lineHeight: 1.4,
  },
  tl: {
    tag: 'tl',
    nativeName: 'Tagalog',
    dir: 'ltr',
    fontStack: LATIN,
    lineHeight: 1.4,
  },
  ar: {
    tag: 'ar',
    nativeName: 'العربية',
    dir: 'rtl',
    fontStack: "'Noto Sans Arabic', 'Noto Sans', sans-serif",
    lineHeight: 2.15,
  },
  pl: { tag: 'pl', nativeName: 'Polski', dir: 'ltr', fontStack: LATIN, lineHeight: 1.4 },
  ur: {
    tag: 'ur',
    nativeName: 'اردو',
    dir: 'rtl',
    fontStack: "'Noto Nastaliq Urdu', 'Noto Sans Arabic', 'Noto Sans', sans-serif",
    lineHeight: 2.55,
  },
}

/** The source locale: every message exists here first, and others fall back to it. */
export const SOURCE_LOCALE: LocaleTag = 'en'

/**
 * The accented, 40%-longer pseudo-locale for finding clipped text. Only
 * development and test builds carry its messages (locales/pseudo/, generated).
 */
export const PSEUDO_LOCALE: Omit<LocaleInfo, 'tag'> & { tag: 'en-XA' } = {
  tag: 'en-XA',
  nativeName: 'Ƥşḗŭḓǿ',
  dir: 'ltr',
  fontStack: LATIN,
  lineHeight: 1.4,
}

/** A language the renderer can display: a shipped one, or the pseudo-locale. */
export type DisplayLocale = LocaleTag | typeof PSEUDO_LOCALE.tag

/** Whether a displayed language is one the kiosk ships (and can print and count), not the pseudo-locale. */
export function isLocaleTag(tag: string): tag is LocaleTag {
  return Object.hasOwn(LOCALES, tag)
}

/** The registry entry of a displayable language. */
export function localeInfo(tag: DisplayLocale): Omit<LocaleInfo, 'tag'> & { tag: DisplayLocale } {
  return tag === PSEUDO_LOCALE.tag ? PSEUDO_LOCALE : LOCALES[tag]
}

/** The font families a CSS font stack names, in its order, without their quotes (the generic family is left out). */
export function fontFamiliesOf(stack: string): string[] {
  return [...stack.matchAll(/'([^']+)'/g)].map((match) => match[1]!)
}

/** Inline font settings for an element shown in a language other than the page's (the pickers). */
export function scriptStyle(info: Pick<LocaleInfo, 'fontStack' | 'lineHeight'>): {
  fontFamily: string
  lineHeight: number
} {
  return { fontFamily: info.fontStack, lineHeight: info.lineHeight }
}
