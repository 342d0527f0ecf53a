import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { describe, expect, it, vi } from 'vitest'
import type { ConfigField } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { i18n } from '../../../src/i18n'
import { BRIDGE_KEY } from '../../../src/platform/use-bridge'
import { createWebBridge } from '../../../src/platform/web-bridge'
import StaffScreen from '../../../src/screens/StaffScreen.vue'

/** The staff screen over a bridge whose settings come with these locks and this update folder. */
async function staffScreen(lockedFields: ConfigField[], updateUrl = '') {
  const bridge = {
    ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
    getStaffSettings: async () => ({
      ok: true as const,
      value: { config: { ...structuredClone(DEFAULT_CONFIG), updateUrl }, lockedFields, printers: [] },
    }),
  }
  const staff = mount(StaffScreen, {
    global: { plugins: [createPinia(), i18n], provide: { [BRIDGE_KEY as symbol]: bridge } },
  })
  await flushPromises()
  return staff
}

describe('the staff schedule fields', () => {
  it('grey out the opening hours and the restart time the fleet locked, and leave the rest', async () => {
    const staff = await staffScreen(['openingHours'])
    expect(staff.get('[data-testid="staff-open-mon"]').attributes('disabled')).toBeDefined()
    expect(staff.get('[data-testid="staff-opens-mon"]').attributes('disabled')).toBeDefined()
    expect(staff.get('[data-testid="staff-restart-time"]').attributes('disabled')).toBeUndefined()
    expect(staff.text()).toContain('Locked by your IT team')

    const restartLocked = await staffScreen(['dailyRestartTime'])
    expect(restartLocked.get('[data-testid="staff-restart-time"]').attributes('disabled')).toBeDefined()
    expect(restartLocked.get('[data-testid="staff-closes-sun"]').attributes('disabled')).toBeUndefined()
  })

  it('show the update folder as text staff cannot edit', async () => {
    const off = await staffScreen([])
    expect(off.get('[data-testid="staff-update-url"]').text()).toBe('Updates are off')
    const on = await staffScreen([], 'https://it.example.org/kiosk/')
    const shown = on.get('[data-testid="staff-update-url"]')
    expect(shown.text()).toBe('https://it.example.org/kiosk/')
    expect(shown.element.tagName).toBe('OUTPUT')
  })
})
