import messages from '@intlify/unplugin-vue-i18n/messages'
import { createI18n } from 'vue-i18n'
import type { LocaleTag } from '../../electron/contract'
import { LOCALES, SOURCE_LOCALE } from './locales'

/**
 * The kiosk's vue-i18n instance (composition mode). Messages are precompiled
 * from locales/*.json at build time, so no eval runs under the CSP.
 */
export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages,
})

/**
 * Switches the kiosk's language at once (no reload) and sets <html lang dir>,
 * so assistive technology and the layout's direction follow (WCAG 3.1.1).
 */
export function setLocale(tag: LocaleTag): void {
  i18n.global.locale.value = tag
  document.documentElement.lang = tag
  document.documentElement.dir = LOCALES[tag].dir
}
