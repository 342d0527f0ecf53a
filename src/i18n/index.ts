import messages from '@intlify/unplugin-vue-i18n/messages'
import { createI18n } from 'vue-i18n'
import { localeInfo, PSEUDO_LOCALE, SOURCE_LOCALE, type DisplayLocale } from './locales'
import { pluralRuleFor } from './plural'

let reportMissing: (locale: string, key: string) => void = () => {}
const reported = new Set<string>()

/**
 * The kiosk's vue-i18n instance (composition mode). Messages are precompiled
 * from locales/*.json at build time, so no eval runs under the CSP. A key
 * missing in a language falls back to English and is reported once.
 */
export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages,
  missingWarn: false,
  fallbackWarn: false,
  pluralRules: Object.fromEntries(Object.keys(messages ?? {}).map((tag) => [tag, pluralRuleFor(tag)])),
  missing: (locale, key) => {
    if (reported.has(`${locale}:${key}`)) return
    reported.add(`${locale}:${key}`)
    reportMissing(locale, key)
  },
})

/** Where missing translations are reported (the kiosk log through the bridge). */
export function onMissingTranslation(report: (locale: string, key: string) => void): void {
  reportMissing = report
}

/**
 * Switches the kiosk's language at once (no reload) and sets <html lang dir>,
 * the script's font stack and line height, so assistive technology and the
 * layout's direction follow (WCAG 3.1.1).
 */
export function setLocale(tag: DisplayLocale): void {
  const info = localeInfo(tag)
  i18n.global.locale.value = tag
  const root = document.documentElement
  root.lang = tag
  root.dir = info.dir
  root.style.fontFamily = info.fontStack
  root.style.setProperty('--script-line-height', String(info.lineHeight))
}

/** Whether this build carries the pseudo-locale (development and test builds). */
export function hasPseudoLocale(): boolean {
  return i18n.global.availableLocales.includes(PSEUDO_LOCALE.tag)
}

/**
 * Wraps a value interpolated into a sentence (names, dates) in Unicode isolates,
 * so Latin names or numbers inside right-to-left text keep their place.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`
}
