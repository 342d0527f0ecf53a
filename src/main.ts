import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { i18n, setLocale } from './i18n'
import { createBridge } from './platform/bridge'
import { useSettingsStore } from './stores/settings'
import './styles/base.css'

// A kiosk has no context menu and no dragging of images or text (closed functionality).
document.addEventListener('contextmenu', (event) => event.preventDefault())
document.addEventListener('dragstart', (event) => event.preventDefault())

async function boot(): Promise<void> {
  const app = createApp(App).use(createPinia()).use(i18n)
  const settings = useSettingsStore()
  await settings.load(createBridge())
  setLocale(settings.config.defaultLocale)
  app.mount('#app')
}

void boot()
