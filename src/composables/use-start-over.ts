import { getActivePinia } from 'pinia'
import { setLocale } from '../i18n'
import { useBridge } from '../platform/use-bridge'
import { resetVisitorStores } from '../stores/registry'
import { useSettingsStore } from '../stores/settings'

/**
 * Returns the action that forgets the current visitor: every visitor store back
 * to its initial state (choices, open panels, place in the journey, warnings),
 * the language back to the staff's default, and the browser storage the page
 * could have touched wiped by the shell. Settings belong to the clinic and stay.
 */
export function useStartOver(): () => void {
  const settings = useSettingsStore()
  const bridge = useBridge()
  const pinia = getActivePinia()!
  return () => {
    resetVisitorStores(pinia)
    setLocale(settings.config.defaultLocale)
    void bridge.clearVisitorData()
  }
}
