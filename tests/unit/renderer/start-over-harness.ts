import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { vi } from 'vitest'
import { defineComponent } from 'vue'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { useStartOver } from '../../../src/composables/use-start-over'
import { BRIDGE_KEY } from '../../../src/platform/use-bridge'
import { createWebBridge } from '../../../src/platform/web-bridge'
import { trackStores } from '../../../src/stores/registry'

/**
 * Mounts `useStartOver` with a fresh, tracked Pinia and a web bridge whose
 * visitor calls (clearVisitorData, recordVisit) are spies; returns both.
 */
export function mountStartOver() {
  const pinia = createPinia().use(trackStores)
  setActivePinia(pinia)
  const bridge = {
    ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
    clearVisitorData: vi.fn(async () => ({ ok: true as const, value: null })),
    recordVisit: vi.fn(async () => ({ ok: true as const, value: null })),
  }
  let startOver: ReturnType<typeof useStartOver> = () => {}
  mount(
    defineComponent({
      setup: () => {
        startOver = useStartOver()
        return () => null
      },
    }),
    { global: { plugins: [pinia], provide: { [BRIDGE_KEY as symbol]: bridge } } },
  )
  return { startOver, bridge }
}
