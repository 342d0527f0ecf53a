import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useStartOver } from '../../../src/composables/use-start-over'
import { JOURNEY } from '../../../src/content/journey'
import { i18n, setLocale } from '../../../src/i18n'
import { useJourneyStore } from '../../../src/stores/journey'
import { useSettingsStore } from '../../../src/stores/settings'
import { useVisitorStore } from '../../../src/stores/visitor'

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
    visitor.toggleCause('medicines')
    expect(visitor.openCause).toBe('medicines')
    visitor.toggleCause('medicines')
    expect(visitor.openCause).toBeNull()
  })
})

describe('start over', () => {
  it('forgets the visitor and returns to the welcome screen in the default language', () => {
    const settings = useSettingsStore()
    settings.config = { ...settings.config, defaultLocale: 'es' }
    const journey = useJourneyStore()
    const visitor = useVisitorStore()
    const startOver = useStartOver()
    setLocale('en')
    journey.go('handout')
    journey.showSources(true)
    visitor.toggle('pregnant')
    visitor.toggleCause('age')

    startOver()

    expect(journey.screen).toBe('attract')
    expect(journey.sourcesOpen).toBe(false)
    expect(visitor.chosen).toEqual([])
    expect(visitor.openCause).toBeNull()
    expect(i18n.global.locale.value).toBe('es')
    expect(document.documentElement.lang).toBe('es')
  })
})
