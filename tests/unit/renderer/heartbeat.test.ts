import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { useIdleReset } from '../../../src/composables/use-idle-reset'
import { createWebBridge } from '../../../src/platform/web-bridge'
import { BRIDGE_KEY } from '../../../src/platform/use-bridge'
import { useJourneyStore } from '../../../src/stores/journey'
import { useStaffStore } from '../../../src/stores/staff'

/** Mounts the idle reset over a bridge whose heartbeats the test reads. */
function mountIdleReset() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const heartbeat = vi.fn(async (_beat: { resting: boolean }) => ({ ok: true as const, value: null }))
  const bridge = {
    ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
    heartbeat,
  }
  mount(
    defineComponent({
      setup: () => {
        useIdleReset()
        return () => null
      },
    }),
    { global: { plugins: [pinia], provide: { [BRIDGE_KEY as symbol]: bridge } } },
  )
  return { heartbeat, journey: useJourneyStore(), staff: useStaffStore() }
}

describe('heartbeats to main', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('say the kiosk rests on the welcome screen, and tell a visit starting and ending at once', async () => {
    const { heartbeat, journey } = mountIdleReset()
    vi.advanceTimersByTime(10_000)
    expect(heartbeat).toHaveBeenLastCalledWith({ resting: true })
    const before = heartbeat.mock.calls.length
    journey.go('about')
    await nextTick()
    expect(heartbeat).toHaveBeenCalledTimes(before + 1)
    expect(heartbeat).toHaveBeenLastCalledWith({ resting: false })
    vi.advanceTimersByTime(10_000)
    expect(heartbeat).toHaveBeenLastCalledWith({ resting: false })
    journey.$reset()
    await nextTick()
    expect(heartbeat).toHaveBeenLastCalledWith({ resting: true })
  })

  it('do not call a staff screen over the welcome screen resting', async () => {
    const { heartbeat, staff } = mountIdleReset()
    staff.show('settings')
    await nextTick()
    expect(heartbeat).toHaveBeenLastCalledWith({ resting: false })
  })
})
