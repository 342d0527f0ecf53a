import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { useIdleReset } from '../../../src/composables/use-idle-reset'
import { createWebBridge } from '../../../src/platform/web-bridge'
import { BRIDGE_KEY } from '../../../src/platform/use-bridge'
import { useJourneyStore } from '../../../src/stores/journey'
import { useSettingsStore } from '../../../src/stores/settings'
import { useStaffStore } from '../../../src/stores/staff'

/** Mounts the idle reset over a bridge whose heartbeats the test reads. */
function mountIdleReset() {
  const pinia = createPinia()
  setActivePinia(pinia)
  const answer = { configRevision: 0 }
  const heartbeat = vi.fn(async (_beat: { resting: boolean }) => ({ ok: true as const, value: { ...answer } }))
  const config = { ...DEFAULT_CONFIG }
  const bridge = {
    ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
    heartbeat,
    getConfig: vi.fn(async () => ({ ok: true as const, value: structuredClone(config) })),
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
  return { heartbeat, answer, config, bridge, journey: useJourneyStore(), staff: useStaffStore() }
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

  it("load the settings again when main's answer says a pushed provisioning change was applied", async () => {
    const { answer, config, bridge } = mountIdleReset()
    const settings = useSettingsStore()
    await vi.advanceTimersByTimeAsync(10_000)
    expect(bridge.getConfig).not.toHaveBeenCalled()
    config.clinicName = 'Eastside Family Clinic'
    answer.configRevision = 1
    await vi.advanceTimersByTimeAsync(10_000)
    expect(bridge.getConfig).toHaveBeenCalledTimes(1)
    expect(settings.config.clinicName).toBe('Eastside Family Clinic')
    await vi.advanceTimersByTimeAsync(10_000)
    expect(bridge.getConfig).toHaveBeenCalledTimes(1)
  })
})
