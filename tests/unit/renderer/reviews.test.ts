import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { LocaleTag } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { i18n, setLocale } from '../../../src/i18n'
import type { ReviewStatus } from '../../../src/i18n/locales'
import { offeredLocales, showsTranslationNotice, visitorDefaultLocale } from '../../../src/i18n/reviews'
import { BRIDGE_KEY } from '../../../src/platform/use-bridge'
import { createWebBridge } from '../../../src/platform/web-bridge'
import StaffScreen from '../../../src/screens/StaffScreen.vue'
import { trackStores } from '../../../src/stores/registry'
import { useSettingsStore } from '../../../src/stores/settings'
import { mountStartOver } from './start-over-harness'

// virtual:translation-reviews is tests/unit/renderer/review-statuses.fixture.ts here:
// en the source, es reviewed, pl changed since its review, the others machine drafts.

beforeEach(() => setActivePinia(createPinia()))

const ALL = DEFAULT_CONFIG.enabledLocales
const reviewedOnly = (enabledLocales: readonly LocaleTag[]) => ({
  enabledLocales: [...enabledLocales],
  reviewedLanguagesOnly: true,
})

describe('the translation notice', () => {
  it('shows in a machine draft and in a translation changed since its review, not in the source or a reviewed one', () => {
    expect(showsTranslationNotice('en')).toBe(false)
    expect(showsTranslationNotice('es')).toBe(false)
    expect(showsTranslationNotice('pl')).toBe(true)
    expect(showsTranslationNotice('vi')).toBe(true)
  })

  it('shows in the pseudo-locale, which stands in for the longest translation', () => {
    expect(showsTranslationNotice('en-XA')).toBe(true)
  })
})

describe('the languages offered to visitors', () => {
  it('are every enabled language, in the staff order, while reviewedLanguagesOnly is off', () => {
    expect(offeredLocales({ enabledLocales: ['ur', 'vi', 'en'], reviewedLanguagesOnly: false })).toEqual([
      'ur',
      'vi',
      'en',
    ])
  })

  it('with reviewedLanguagesOnly are the source and the reviewed translations, not those changed since', () => {
    expect(offeredLocales(reviewedOnly(ALL))).toEqual(['en', 'es'])
    expect(offeredLocales(reviewedOnly(['es', 'pl', 'en']))).toEqual(['es', 'en'])
  })

  it('follow the status they are given', () => {
    const allReviewed = (): ReviewStatus => ({
      state: 'reviewed',
      reviewer: 'A',
      qualification: 'B',
      reviewedOn: '2026-12-01',
    })
    expect(offeredLocales(reviewedOnly(ALL), allReviewed)).toEqual(ALL)
  })

  it('fall back to English, the source, when reviewedLanguagesOnly would leave none', () => {
    expect(offeredLocales(reviewedOnly(['vi', 'pl']))).toEqual(['en'])
  })
})

describe('the language after each reset', () => {
  it("is the staff's default when it is offered", () => {
    expect(visitorDefaultLocale('es', ['en', 'es'])).toBe('es')
  })

  it('is English when the default is hidden and English is offered, else the first offered', () => {
    expect(visitorDefaultLocale('vi', ['es', 'en'])).toBe('en')
    expect(visitorDefaultLocale('vi', ['es'])).toBe('es')
  })
})

describe('the settings store', () => {
  it('applies the rule to the configuration it holds', () => {
    const settings = useSettingsStore()
    settings.config = { ...settings.config, defaultLocale: 'vi' }
    expect(settings.offeredLocales).toEqual(ALL)
    expect(settings.visitorDefaultLocale).toBe('vi')
    settings.config = { ...settings.config, reviewedLanguagesOnly: true }
    expect(settings.offeredLocales).toEqual(['en', 'es'])
    expect(settings.visitorDefaultLocale).toBe('en')
  })

  it('makes start over return to the fallback when reviewedLanguagesOnly hides the default', async () => {
    const { startOver } = mountStartOver()
    const settings = useSettingsStore()
    await settings.apply({ ...settings.config, defaultLocale: 'pl', reviewedLanguagesOnly: true })
    await setLocale('es')
    startOver('visitor')
    await flushPromises()
    expect(i18n.global.locale.value).toBe('en')
    expect(settings.config.defaultLocale).toBe('pl')

    await settings.apply({ ...settings.config, defaultLocale: 'es' })
    startOver('visitor')
    await flushPromises()
    expect(i18n.global.locale.value).toBe('es')
  })
})

describe('the staff settings', () => {
  it("show each language's review record", async () => {
    const pinia = createPinia().use(trackStores)
    const bridge = {
      ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
      getStaffSettings: async () => ({
        ok: true as const,
        value: { config: structuredClone(DEFAULT_CONFIG), lockedFields: [], printers: [] },
      }),
    }
    const staff = mount(StaffScreen, {
      global: { plugins: [pinia, i18n], provide: { [BRIDGE_KEY as symbol]: bridge } },
    })
    await flushPromises()
    const review = (tag: LocaleTag) => staff.get(`[data-testid="staff-language-${tag}"] .staff__review`).text()
    const isolated = (text: string) => `\u2068${text}\u2069`
    expect(review('en')).toBe('Original text')
    expect(review('vi')).toBe(`Machine draft from ${isolated('2026-11-26')}, not yet reviewed`)
    expect(review('es')).toBe(
      `Reviewed by ${isolated('Ana García (Certified medical translator)')} on ${isolated('2026-12-01')}`,
    )
    expect(review('pl')).toBe(
      `Changed since its review by ${isolated('Ana García (Certified medical translator)')} on ${isolated('2026-12-01')}`,
    )
  })
})
