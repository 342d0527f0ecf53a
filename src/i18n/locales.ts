import type { LocaleTag } from '../../electron/contract'

/** What the kiosk knows about one of its languages. */
export interface LocaleInfo {
  tag: LocaleTag
  /** The language's name in its own language and script, as the picker shows it. */
  nativeName: string
  dir: 'ltr' | 'rtl'
}

/** The locale registry: every language the kiosk ships. */
export const LOCALES: Readonly<Record<LocaleTag, LocaleInfo>> = {
  en: { tag: 'en', nativeName: 'English', dir: 'ltr' },
  es: { tag: 'es', nativeName: 'Español', dir: 'ltr' },
}

/** The source locale: every message exists here first, and others fall back to it. */
export const SOURCE_LOCALE: LocaleTag = 'en'
