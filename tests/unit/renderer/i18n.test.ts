import { isReactive } from 'vue'
import { describe, expect, it } from 'vitest'
import { i18n, onMissingTranslation, setLocale } from '../../../src/i18n'
import type { DisplayLocale } from '../../../src/i18n/locales'
import { pluralRuleFor } from '../../../src/i18n/plural'

describe('locale switching', () => {
  it('changes the messages and <html lang dir> together', async () => {
    await setLocale('es')
    expect(i18n.global.t('attract.start')).toBe('Toque para empezar')
    expect(document.documentElement.lang).toBe('es')
    expect(document.documentElement.dir).toBe('ltr')
    await setLocale('en')
    expect(i18n.global.t('attract.start')).toBe('Touch to start')
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('missing translations', () => {
  it('fall back to English and are reported once', async () => {
    const reports: string[] = []
    onMissingTranslation((locale, key) => reports.push(`${locale}:${key}`))
    i18n.global.mergeLocaleMessage('en', { testOnly: { englishOnly: 'Only in English' } })
    await setLocale('es')
    expect(i18n.global.t('testOnly.englishOnly')).toBe('Only in English')
    expect(i18n.global.t('testOnly.englishOnly')).toBe('Only in English')
    expect(reports).toEqual(['es:testOnly.englishOnly'])
    await setLocale('en')
  })
})

describe('plurals', () => {
  it('pick the form by each language’s own rules', async () => {
    const polish = pluralRuleFor('pl')
    expect([0, 1, 2, 5, 22, 25].map((count) => polish(count, 5))).toEqual([0, 1, 2, 3, 2, 3])
    const arabic = pluralRuleFor('ar')
    expect([0, 1, 2, 3, 11, 100].map((count) => arabic(count, 6))).toEqual([0, 1, 2, 3, 4, 5])
    const chinese = pluralRuleFor('zh-Hans')
    expect([0, 1, 7].map((count) => chinese(count, 2))).toEqual([0, 1, 1])
  })

  it('render the visitor’s count in the current language', async () => {
    await setLocale('en')
    expect(i18n.global.t('selfcheck.count', 0)).toBe('You chose nothing yet.')
    expect(i18n.global.t('selfcheck.count', 1)).toBe('You chose 1 thing.')
    expect(i18n.global.t('selfcheck.count', 4)).toBe('You chose 4 things.')
    await setLocale('zh-Hans')
    expect(i18n.global.t('selfcheck.count', 1)).toContain('1')
    await setLocale('en')
  })
})

describe('loading languages', () => {
  it('has every language’s welcome words from the start, and the rest once the language is picked', async () => {
    const reports: string[] = []
    onMissingTranslation((locale, key) => reports.push(`${locale}:${key}`))
    expect(i18n.global.t('attract.start', {}, { locale: 'vi' })).toBe('Chạm để bắt đầu')
    expect(i18n.global.te('doctor.title', 'vi'), 'not loaded before a visitor picks Vietnamese').toBe(false)
    expect(await setLocale('vi')).toBe(true)
    expect(i18n.global.t('doctor.title')).not.toBe(i18n.global.t('doctor.title', {}, { locale: 'en' }))
    expect(reports, 'a language not loaded yet is not missing anything').toEqual([])
    await setLocale('en')
  })

  it('stays in the current language, and says so, when a language’s messages cannot load', async () => {
    await setLocale('es')
    const errors: unknown[] = []
    const original = console.error
    console.error = (...args: unknown[]) => errors.push(args[0])
    try {
      expect(await setLocale('xx' as DisplayLocale)).toBe(false)
    } finally {
      console.error = original
    }
    expect(i18n.global.locale.value).toBe('es')
    expect(document.documentElement.lang).toBe('es')
    expect(errors).toEqual(['The xx messages did not load; the kiosk stays in es'])
    await setLocale('en')
  })
})

describe('memory over months of visitors', () => {
  it('keeps every language’s messages out of Vue’s reactivity, so reading one leaves no proxy behind', async () => {
    expect(await setLocale('pl')).toBe(true)
    const messages = i18n.global.messages.value as Record<string, Record<string, unknown>>
    for (const tag of ['en', 'pl', 'ur']) {
      const attract = messages[tag]!.attract
      expect(attract, `${tag} has its welcome messages`).toBeTypeOf('object')
      expect(isReactive(attract), `${tag} messages are plain objects`).toBe(false)
    }
    expect(i18n.global.t('attract.start'), 'the loaded language still shows').not.toBe(
      i18n.global.t('attract.start', {}, { locale: 'en' }),
    )
    await setLocale('en')
  })
})
