import { setLocale } from '../i18n'
import { useJourneyStore } from '../stores/journey'
import { useSettingsStore } from '../stores/settings'
import { useVisitorStore } from '../stores/visitor'

/**
 * Returns the action that forgets the current visitor: their choices and open
 * panels, their place in the journey, and their language (back to the staff's
 * default). Settings belong to the clinic and stay.
 */
export function useStartOver(): () => void {
  const journey = useJourneyStore()
  const visitor = useVisitorStore()
  const settings = useSettingsStore()
  return () => {
    visitor.$reset()
    journey.$reset()
    setLocale(settings.config.defaultLocale)
  }
}
