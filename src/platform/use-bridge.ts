import { inject, type InjectionKey } from 'vue'
import type { KioskBridge } from './bridge'

/** Where the app provides the bridge to its components. */
export const BRIDGE_KEY: InjectionKey<KioskBridge> = Symbol('kiosk-bridge')

/** The shell bridge, as provided by main.ts. */
export function useBridge(): KioskBridge {
  const bridge = inject(BRIDGE_KEY)
  if (!bridge) throw new Error('The kiosk bridge was not provided')
  return bridge
}
