import { describe, expect, it } from 'vitest'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { handoutPageUrl, handoutSpecFor, renderHandoutScript } from '../../../electron/handout-spec'
import { parseHandoutSpec } from '../../../electron/handout-spec-check'

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

  it('is never in the handout page’s URL, which is the same for every visitor', () => {
    expect(handoutPageUrl('app://kiosk/index.html')).toBe('app://kiosk/handout.html')
  })

  it('reaches the page’s API as a JSON literal that arrives unchanged, so no text of it can run as code', () => {
    const spec = {
      ...handoutSpecFor({ locale: 'ar', chosen: ['pregnant', 'wakes'] }, config),
      clinicName: '"); x("\u2028',
    }
    const script = renderHandoutScript(spec)
    const received: unknown[] = []
    new Function('window', script)({ handoutPage: { render: (value: unknown) => received.push(value) } })
    expect(received).toEqual([spec])
    expect(parseHandoutSpec(received[0])).toEqual(spec)
  })

  it.each([
    ['nothing', undefined],
    ['text', '{"locale":"en"}'],
    ['an unknown language', { ...handoutSpecFor({ locale: 'en', chosen: [] }, config), locale: 'xx' }],
    ['an unknown choice', { ...handoutSpecFor({ locale: 'en', chosen: [] }, config), chosen: ['x'] }],
  ])('gives no spec for %s', (_case, candidate) => {
    expect(parseHandoutSpec(candidate)).toBeNull()
  })
})
