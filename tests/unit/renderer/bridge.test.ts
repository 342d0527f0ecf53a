import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskApi } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { createBridge } from '../../../src/platform/bridge'
import { useSettingsStore } from '../../../src/stores/settings'

const electronConfig = { ...DEFAULT_CONFIG, defaultLocale: 'es' as const, idleTimeoutSeconds: 120 }

function fakeKiosk(overrides: Partial<KioskApi> = {}): KioskApi {
  return {
    getConfig: vi.fn(async () => ({ ok: true as const, value: electronConfig })),
    getAppInfo: vi.fn(async () => ({
      ok: true as const,
      value: { name: 'kiosk', version: '9.9.9', runtime: 'electron' as const },
    })),
    reportProblem: vi.fn(async () => ({ ok: true as const, value: null })),
    heartbeat: vi.fn(async () => ({ ok: true as const, value: { configRevision: 0 } })),
    clearVisitorData: vi.fn(async () => ({ ok: true as const, value: null })),
    printHandout: vi.fn(async () => ({ ok: true as const, value: { state: 'done' as const, printsLeft: 1 } })),
    recordVisit: vi.fn(async () => ({ ok: true as const, value: null })),
    getStaffStatus: vi.fn(async () => ({
      ok: true as const,
      value: { pin: 'set' as const, pinChange: 'allowed' as const, lockedForSeconds: null },
    })),
    setStaffPin: vi.fn(async () => ({ ok: true as const, value: { state: 'saved' as const } })),
    staffLogin: vi.fn(async () => ({ ok: true as const, value: { state: 'open' as const } })),
    staffLogout: vi.fn(async () => ({ ok: true as const, value: null })),
    getStaffSettings: vi.fn(async () => ({
      ok: true as const,
      value: { config: electronConfig, lockedFields: [], printers: [] },
    })),
    saveSettings: vi.fn(async () => ({ ok: true as const, value: { state: 'saved' as const } })),
    getUsage: vi.fn(async () => ({ ok: true as const, value: {} })),
    exportUsage: vi.fn(async () => ({ ok: true as const, value: { state: 'cancelled' as const } })),
    quitKiosk: vi.fn(async () => ({ ok: true as const, value: null })),
    staffKeepAlive: vi.fn(async () => ({ ok: true as const, value: null })),
    ...overrides,
  }
}

describe('bridge selection', () => {
  it('uses the preload bridge inside Electron', async () => {
    const bridge = createBridge({ kiosk: fakeKiosk() })
    await expect(bridge.getConfig()).resolves.toEqual({ ok: true, value: electronConfig })
  })

  it('uses the defaults in a plain browser without a configuration file', async () => {
    vi.stubGlobal('fetch', async () => new Response('', { status: 404 }))
    const bridge = createBridge({ kiosk: undefined })
    await expect(bridge.getConfig()).resolves.toEqual({ ok: true, value: DEFAULT_CONFIG })
    await expect(bridge.getAppInfo()).resolves.toMatchObject({ ok: true, value: { runtime: 'web' } })
    vi.unstubAllGlobals()
  })

  it('turns an IPC call that rejects into a typed error result', async () => {
    const bridge = createBridge({
      kiosk: fakeKiosk({ getConfig: () => Promise.reject(new Error('No handler registered')) }),
    })
    await expect(bridge.getConfig()).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})

describe('settings store', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('takes the configuration from the shell', async () => {
    const settings = useSettingsStore()
    await settings.load(createBridge({ kiosk: fakeKiosk() }))
    expect(settings.config.defaultLocale).toBe('es')
    expect(settings.appInfo?.version).toBe('9.9.9')
  })

  it('keeps running on the defaults when the shell cannot give a configuration', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const settings = useSettingsStore()
    const failing = fakeKiosk({
      getConfig: async () => ({ ok: false, error: { code: 'internal', message: 'config unreadable' } }),
    })
    await settings.load(createBridge({ kiosk: failing }))
    expect(settings.config).toEqual(DEFAULT_CONFIG)
    expect(settings.loadProblem).toBe('config unreadable')
    expect(console.warn).toHaveBeenCalled()
  })
})
