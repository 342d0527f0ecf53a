import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, onMissingTranslation, setLocale } from './i18n'
import { mountWhenFontsLoaded, preloadFontsWhenIdle } from './i18n/fonts'
import { createBridge } from './platform/bridge'
import { BRIDGE_KEY } from './platform/use-bridge'
import { initialStateOf, trackedStores, trackStores } from './stores/registry'
import { useSettingsStore } from './stores/settings'
import './styles/fonts.css'
import './styles/base.css'

// A kiosk has no context menu and no dragging of images or text (closed functionality).
document.addEventListener('contextmenu', (event) => event.preventDefault())
document.addEventListener('dragstart', (event) => event.preventDefault())

async function boot(): Promise<void> {
  const pinia = createPinia().use(trackStores)
  const bridge = createBridge()
  const app = createApp(App).use(pinia).use(i18n).provide(BRIDGE_KEY, bridge)
  const settings = useSettingsStore()
  onMissingTranslation((locale, key) => void bridge.reportProblem({ kind: 'missing-translation', locale, key }))
  await settings.load(bridge)
  await setLocale(settings.visitorDefaultLocale)
  // The first screen shows once its own fonts are in; every language's other fonts load after it.
  await mountWhenFontsLoaded(document.querySelector<HTMLElement>('#app')!, () => app.mount('#app'))
  preloadFontsWhenIdle(settings.config.enabledLocales)
  if (import.meta.env.MODE === 'test') {
    // Test builds only: lets end-to-end tests compare every store with its initial state. Production builds drop this.
    Object.assign(window, {
      __kioskStores: () =>
        trackedStores(pinia).map((store) => ({
          id: store.$id,
          current: JSON.stringify(store.$state),
          initial: initialStateOf(store),
        })),
    })
  }
}

void boot()
