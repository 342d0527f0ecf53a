import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { STAFF_KEEP_ALIVE_MS, STAFF_SCREEN_IDLE_MS, STAFF_SESSION_MS } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { useStaffTimeout } from '../../../src/composables/use-staff-mode'
import { BRIDGE_KEY } from '../../../src/platform/use-bridge'
import { createWebBridge } from '../../../src/platform/web-bridge'
import { trackStores } from '../../../src/stores/registry'
import { useStaffStore } from '../../../src/stores/staff'

/** Mounts the staff timeout over a bridge whose keep-alives and logouts the test reads. */
function mountStaffTimeout() {
  const pinia = createPinia().use(trackStores)
  setActivePinia(pinia)
  const bridge = {
    ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
    staffKeepAlive: vi.fn(async () => ({ ok: true as const, value: null })),
    staffLogout: vi.fn(async () => ({ ok: true as const, value: null })),
    clearVisitorData: vi.fn(async () => ({ ok: true as const, value: null })),
    recordVisit: vi.fn(async () => ({ ok: true as const, value: null })),
  }
  mount(
    defineComponent({
      setup: () => {
        useStaffTimeout()
        return () => null
      },
    }),
    { global: { plugins: [pinia], provide: { [BRIDGE_KEY as symbol]: bridge } } },
  )
  return { bridge, staff: useStaffStore() }
}

/** A staff member's touch on the screen. */
const touch = () => window.dispatchEvent(new Event('mousedown'))

describe("the staff screens' timeout and main's staff session", () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it("agree: main's session outlasts the screen's idle time plus a keep-alive's spacing", () => {
    expect(STAFF_SCREEN_IDLE_MS + STAFF_KEEP_ALIVE_MS).toBeLessThan(STAFF_SESSION_MS)
  })

  it('keep main told while signed-in staff keep touching, for longer than main would wait without word', async () => {
    const { bridge, staff } = mountStaffTimeout()
    staff.show('settings')
    for (let elapsed = 0; elapsed < STAFF_SESSION_MS * 2; elapsed += 20_000) {
      touch()
      await nextTick()
      vi.advanceTimersByTime(20_000)
    }
    // Every 30 s of touching reaches main, so its 5-minute session never runs out under working staff.
    const calls = bridge.staffKeepAlive.mock.calls.length
    expect(calls).toBeGreaterThanOrEqual(Math.floor((STAFF_SESSION_MS * 2) / STAFF_KEEP_ALIVE_MS) - 1)
    expect(calls).toBeLessThanOrEqual(Math.ceil((STAFF_SESSION_MS * 2) / 20_000))
    expect(staff.view).toBe('settings')
    expect(bridge.staffLogout).not.toHaveBeenCalled()
  })

  it('send nothing from the PIN pad, where nobody is signed in, and close staff mode after two quiet minutes', async () => {
    const { bridge, staff } = mountStaffTimeout()
    staff.show('pin')
    touch()
    await nextTick()
    vi.advanceTimersByTime(STAFF_KEEP_ALIVE_MS * 2)
    expect(bridge.staffKeepAlive).not.toHaveBeenCalled()
    staff.show('settings')
    touch()
    await nextTick()
    await vi.advanceTimersByTimeAsync(STAFF_SCREEN_IDLE_MS + 1_000)
    expect(staff.view).toBe('closed')
    expect(bridge.staffLogout).toHaveBeenCalled()
  })
})
