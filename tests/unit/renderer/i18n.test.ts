import { describe, expect, it } from 'vitest'
import { i18n, setLocale } from '../../../src/i18n'

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
