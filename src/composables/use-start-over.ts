import { getActivePinia } from 'pinia'
import { i18n, setLocale } from '../i18n'
import { isLocaleTag } from '../i18n/locales'
import { useBridge } from '../platform/use-bridge'
import { useJourneyStore } from '../stores/journey'
import { resetVisitorStores } from '../stores/registry'
import { useSettingsStore } from '../stores/settings'

/** Why the kiosk starts over: the visitor asked, or nobody touched it (idle reset, staff mode timing out). */
export type StartOverReason = 'visitor' | 'idle'

/**
 * Returns the action that forgets the current visitor: the visit is counted
 * (how far it got, in which language, whether it ended idle: counts only),
 * every visitor store goes back to its initial state (choices, open panels,
 * place in the journey, warnings, staff mode), the language back to the
 * staff's default, and the browser storage the page could have touched is
 * wiped by the shell. Settings belong to the clinic and stay.
 */
export function useStartOver(): (reason: StartOverReason) => void {
  const settings = useSettingsStore()
  const journey = useJourneyStore()
  const bridge = useBridge()
  const pinia = getActivePinia()!
  return (reason) => {
    const locale = i18n.global.locale.value
    if (journey.furthest !== 'attract' && isLocaleTag(locale)) {
      void bridge.recordVisit({
        event: 'ended',
        locale,
        furthest: journey.furthest,
        idle: reason === 'idle',
      })
    }
    resetVisitorStores(pinia)
    // The default language's messages are loaded with the settings (stores/settings.ts).
    void setLocale(settings.visitorDefaultLocale)
    void bridge.clearVisitorData()
  }
}
