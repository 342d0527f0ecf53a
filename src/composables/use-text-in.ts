import { computed, type ComputedRef } from 'vue'
import { useI18n } from 'vue-i18n'
import type { LocaleTag } from '../../electron/contract'
import { localeInfo, scriptStyle } from '../i18n/locales'

/**
 * Messages of one locale section in a language fixed by the clinic (not the
 * visitor's), with the lang, dir and font to set on the element that shows
 * them: the page's font follows the visitor's language, which may lack the
 * other language's letters.
 */
export function useTextIn(locale: ComputedRef<LocaleTag>, section: string) {
  const { t } = useI18n()
  const dir = computed(() => localeInfo(locale.value).dir)
  const style = computed(() => scriptStyle(localeInfo(locale.value)))
  /** A message of the section in that language. */
  const text = (key: string, named: Record<string, unknown> = {}) =>
    t(`${section}.${key}`, named, { locale: locale.value })
  return { text, locale, dir, style }
}
