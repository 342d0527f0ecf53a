import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { handoutPageUrl, handoutSpecFor, handoutSpecFromHash } from '../../../electron/handout-spec'

const config = {
  ...DEFAULT_CONFIG,
  clinicName: 'Eastside Clinic',
  clinicPhone: '555-0100',
  emergencyNumber: '999',
  paperSize: 'A4' as const,
}

describe('the handout spec', () => {
  it('adds the clinic’s language only when the handout is bilingual and the visitor reads another language', () => {
    const bilingual = { ...config, bilingualHandout: true, clinicLocale: 'en' as const }
    expect(handoutSpecFor({ locale: 'vi', chosen: [] }, bilingual).secondLocale).toBe('en')
    expect(handoutSpecFor({ locale: 'en', chosen: [] }, bilingual).secondLocale).toBeNull()
    expect(handoutSpecFor({ locale: 'vi', chosen: [] }, config).secondLocale).toBeNull()
  })

  it('carries the clinic’s phone and emergency number to the printed page', () => {
    expect(handoutSpecFor({ locale: 'es', chosen: [] }, config)).toMatchObject({
      clinicPhone: '555-0100',
      emergencyNumber: '999',
    })
  })

  it('travels to the handout page in the URL fragment and back unchanged', () => {
    const spec = handoutSpecFor({ locale: 'ar', chosen: ['pregnant', 'wakes'] }, config)
    const url = new URL(handoutPageUrl('app://kiosk/index.html', spec))
    expect(url.pathname).toBe('/handout.html')
    expect(url.search).toBe('')
    expect(handoutSpecFromHash(url.hash)).toEqual(spec)
  })

  it.each([
    ['an empty fragment', ''],
    ['text that is not JSON', '#%7Bnot-json'],
    ['a broken escape', '#%E0%A4%A'],
    [
      'an unknown choice',
      `#${encodeURIComponent(JSON.stringify({ ...handoutSpecFor({ locale: 'en', chosen: [] }, config), chosen: ['x'] }))}`,
    ],
  ])('gives no spec for %s', (_case, hash) => {
    expect(handoutSpecFromHash(hash)).toBeNull()
  })
})
