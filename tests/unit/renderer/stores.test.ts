import { createPinia, setActivePinia, type StateTree, type StoreGeneric } from 'pinia'
import { flushPromises } from '@vue/test-utils'
import { beforeEach, describe, expect, it } from 'vitest'
import { JOURNEY } from '../../../src/content/journey'
import { i18n, setLocale } from '../../../src/i18n'
import { useDisplayStore } from '../../../src/stores/display'
import { useJourneyStore } from '../../../src/stores/journey'
import { useSettingsStore } from '../../../src/stores/settings'
import { useStaffStore } from '../../../src/stores/staff'
import { useVisitorStore } from '../../../src/stores/visitor'
import { mountStartOver } from './start-over-harness'

beforeEach(() => setActivePinia(createPinia()))

describe('journey', () => {
  it('steps forward and back through every screen and stops at both ends', () => {
    const journey = useJourneyStore()
    journey.back()
    expect(journey.screen).toBe('attract')
    for (const screen of JOURNEY.slice(1)) {
      journey.next()
      expect(journey.screen).toBe(screen)
    }
    journey.next()
    expect(journey.screen).toBe('handout')
    expect(journey.step).toBe(8)
    journey.back()
    expect(journey.screen).toBe('doctor')
  })

  it('counts steps only on the teaching screens', () => {
    const journey = useJourneyStore()
    expect(journey.step).toBeNull()
    journey.go('about')
    expect(journey.step).toBe(1)
  })

  it('turns a paged screen’s pages before its screens, forward and back, like a book', () => {
    const journey = useJourneyStore()
    journey.go('prevention')
    journey.pages = 3
    expect(journey.hasMorePages).toBe(true)
    journey.next()
    journey.next()
    expect([journey.screen, journey.page, journey.hasMorePages]).toEqual(['prevention', 3, false])
    journey.back()
    expect([journey.screen, journey.page]).toEqual(['prevention', 2])
    journey.next()
    journey.next()
    expect([journey.screen, journey.page], 'the next screen opens at its first page').toEqual(['avoid', 1])
    journey.back()
    expect([journey.screen, journey.page]).toEqual(['prevention', 1])
  })

  it('going to the screen already shown turns to its first page and keeps its page count', () => {
    const journey = useJourneyStore()
    journey.go('about')
    journey.pages = 2
    journey.next()
    journey.go('about')
    expect([journey.page, journey.pages]).toEqual([1, 2])
    journey.go('causes')
    expect([journey.page, journey.pages], 'a new screen counts its own').toEqual([1, 1])
  })

  it('closes the sources page when the visitor moves on', () => {
    const journey = useJourneyStore()
    journey.go('avoid')
    journey.showSources(true)
    journey.next()
    expect(journey.sourcesOpen).toBe(false)
    expect(journey.screen).toBe('doctor')
  })
})

describe('visitor choices', () => {
  it('toggles choices and keeps them in the order of the screen', () => {
    const visitor = useVisitorStore()
    visitor.toggle('wakes')
    visitor.toggle('over60')
    visitor.toggle('fluids')
    visitor.toggle('fluids')
    expect(visitor.chosen).toEqual(['over60', 'wakes'])
  })

  it('opens one cause panel at a time', () => {
    const visitor = useVisitorStore()
    visitor.toggleCause('age')
    useStaffStore().show('settings')
    visitor.toggleCause('medicines')
    expect(visitor.openCause).toBe('medicines')
    visitor.toggleCause('medicines')
    expect(visitor.openCause).toBeNull()
  })
})

describe('start over', () => {
  it('forgets the visitor, returns to the welcome screen in the default language and wipes storage', async () => {
    const { startOver, bridge } = mountStartOver()
    const settings = useSettingsStore()
    await settings.apply({ ...settings.config, defaultLocale: 'es' })
    const journey = useJourneyStore()
    const visitor = useVisitorStore()
    await setLocale('en')
    journey.go('handout')
    journey.showSources(true)
    visitor.toggle('pregnant')
    visitor.toggleCause('age')
    const display = useDisplayStore()
    display.toggleLargeText()
    display.toggleHighContrast()
    journey.finish()

    startOver('visitor')
    await flushPromises()

    expect(journey.$state).toEqual({
      screen: 'attract',
      page: 1,
      pages: 1,
      finished: false,
      sourcesOpen: false,
      furthest: 'attract',
    })
    expect(visitor.$state).toEqual({ chosen: [], openCause: null })
    expect(display.$state, 'larger text and high contrast are for this visitor only').toEqual({
      largeText: false,
      highContrast: false,
    })
    expect(settings.config.defaultLocale).toBe('es')
    expect(i18n.global.locale.value).toBe('es')
    expect(document.documentElement.lang).toBe('es')
    expect(bridge.clearVisitorData).toHaveBeenCalled()
    expect(bridge.recordVisit).toHaveBeenCalledWith({ event: 'ended', locale: 'en', furthest: 'handout', idle: false })
    expect(useStaffStore().view).toBe('closed')

    startOver('idle')
    expect(bridge.recordVisit).toHaveBeenCalledTimes(1)
  })
})

describe('every store', () => {
  const modules = import.meta.glob<Record<string, unknown>>('../../../src/stores/*.ts', { eager: true })

  it.each(Object.entries(modules).filter(([file]) => !file.endsWith('registry.ts')))(
    '%s defines $reset that restores its initial state',
    (_file, module) => {
      const useStores = Object.entries(module).filter(([name]) => /^use\w+Store$/.test(name))
      expect(useStores.length).toBeGreaterThan(0)
      for (const [, useStore] of useStores) {
        setActivePinia(createPinia())
        const store = (useStore as () => StoreGeneric)()
        const snapshot = () => JSON.parse(JSON.stringify(store.$state)) as Record<string, unknown>
        const initial = snapshot()
        expect(typeof store.$reset, store.$id).toBe('function')
        store.$patch(
          Object.fromEntries(Object.entries(initial).map(([key, value]) => [key, scrambled(value)])) as StateTree,
        )
        expect(snapshot(), store.$id).not.toEqual(initial)
        store.$reset()
        expect(snapshot(), store.$id).toEqual(initial)
      }
    },
  )
})

/** A different value of the same kind, to prove $reset really restores state. */
function scrambled(value: unknown): unknown {
  if (typeof value === 'string') return `${value}-changed`
  if (typeof value === 'number') return value + 1
  if (typeof value === 'boolean') return !value
  if (Array.isArray(value)) return [...value, 'extra']
  if (value === null) return 'changed'
  return { changed: true }
}
