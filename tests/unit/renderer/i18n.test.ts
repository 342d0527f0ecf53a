import { describe, expect, it } from 'vitest'
import { i18n, onMissingTranslation, setLocale } from '../../../src/i18n'
import { pluralRuleFor } from '../../../src/i18n/plural'

describe('locale switching', () => {
  it('changes the messages and <html lang dir> together', () => {
    setLocale('es')
    expect(i18n.global.t('attract.start')).toBe('Toque para empezar')
    expect(document.documentElement.lang).toBe('es')
    expect(document.documentElement.dir).toBe('ltr')
    setLocale('en')
    expect(i18n.global.t('attract.start')).toBe('Touch to start')
    expect(document.documentElement.lang).toBe('en')
  })
})

describe('missing translations', () => {
  it('fall back to English and are reported once', () => {
    const reports: string[] = []
    onMissingTranslation((locale, key) => reports.push(`${locale}:${key}`))
    i18n.global.mergeLocaleMessage('en', { testOnly: { englishOnly: 'Only in English' } })
    setLocale('es')
    expect(i18n.global.t('testOnly.englishOnly')).toBe('Only in English')
    expect(i18n.global.t('testOnly.englishOnly')).toBe('Only in English')
    expect(reports).toEqual(['es:testOnly.englishOnly'])
    setLocale('en')
  })
})

describe('plurals', () => {
  it('pick the form by each language’s own rules', () => {
    const polish = pluralRuleFor('pl')
    expect([0, 1, 2, 5, 22, 25].map((count) => polish(count, 5))).toEqual([0, 1, 2, 3, 2, 3])
    const arabic = pluralRuleFor('ar')
    expect([0, 1, 2, 3, 11, 100].map((count) => arabic(count, 6))).toEqual([0, 1, 2, 3, 4, 5])
    const chinese = pluralRuleFor('zh-Hans')
    expect([0, 1, 7].map((count) => chinese(count, 2))).toEqual([0, 1, 1])
  })

  it('render the visitor’s count in the current language', () => {
    setLocale('en')
    expect(i18n.global.t('selfcheck.count', 0)).toBe('You chose nothing yet.')
    expect(i18n.global.t('selfcheck.count', 1)).toBe('You chose 1 thing.')
    expect(i18n.global.t('selfcheck.count', 4)).toBe('You chose 4 things.')
    setLocale('zh-Hans')
    expect(i18n.global.t('selfcheck.count', 1)).toContain('1')
    setLocale('en')
  })
})
