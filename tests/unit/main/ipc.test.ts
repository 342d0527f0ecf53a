import type { IpcMain } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { registerIpcHandlers, type IpcHandlers } from '../../../electron/main/ipc'
import { ipcMain, resetElectronMock } from '../../mocks/electron'
import { fakeLog } from './fake-log'

const APP_ORIGIN = 'app://kiosk'
const appFrame = { url: 'app://kiosk/index.html', parent: null }

function call(channel: string, senderFrame: unknown, payload?: unknown) {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ senderFrame }, payload)
}

describe('IPC registration', () => {
  let log: ReturnType<typeof fakeLog>
  let handlers: IpcHandlers
  let staffOpen: boolean

  beforeEach(() => {
    resetElectronMock()
    log = fakeLog()
    handlers = {
      getConfig: vi.fn(() => DEFAULT_CONFIG),
      getAppInfo: vi.fn(() => ({ name: 'kiosk', version: '1.0.0', runtime: 'electron' as const })),
      reportProblem: vi.fn(() => null),
      heartbeat: vi.fn(() => null),
      clearVisitorData: vi.fn(() => null),
      printHandout: vi.fn(() => ({ state: 'done' as const, printsLeft: 1 })),
      recordVisit: vi.fn(() => null),
      getStaffStatus: vi.fn(() => ({ pinSet: true, lockedForSeconds: null })),
      setStaffPin: vi.fn(() => ({ state: 'saved' as const })),
      staffLogin: vi.fn(() => ({ state: 'open' as const })),
      staffLogout: vi.fn(() => null),
      getStaffSettings: vi.fn(() => ({ config: DEFAULT_CONFIG, lockedFields: [], printers: [] })),
      saveSettings: vi.fn(() => ({ state: 'saved' as const })),
      getUsage: vi.fn(() => ({})),
      exportUsage: vi.fn(() => ({ state: 'cancelled' as const })),
      quitKiosk: vi.fn(() => null),
    }
    staffOpen = false
    registerIpcHandlers(ipcMain as unknown as IpcMain, handlers, {
      appOrigin: APP_ORIGIN,
      log,
      staffOpen: () => staffOpen,
    })
  })

  it('registers a handler for every channel of the contract', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())
  })

  it.each([
    ['no payload', undefined],
    ['an unknown language', { locale: 'fr', chosen: [] }],
    ['an unknown self-check choice', { locale: 'en', chosen: ['over60', 'name: Jane'] }],
    ['a choice twice', { locale: 'en', chosen: ['over60', 'over60'] }],
    ['an extra field', { locale: 'en', chosen: [], printerName: 'Elsewhere' }],
    ['a string instead of a list', { locale: 'en', chosen: 'over60' }],
  ])('refuses a print request with %s and never reaches the printer', async (_case, payload) => {
    await expect(call(CHANNELS.printHandout, appFrame, payload)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
    expect(handlers.printHandout).not.toHaveBeenCalled()
  })

  it.each(['getStaffSettings', 'saveSettings', 'getUsage', 'exportUsage', 'quitKiosk'] as const)(
    'answers %s only in staff mode',
    async (name) => {
      const payload = name === 'saveSettings' ? DEFAULT_CONFIG : undefined
      await expect(call(CHANNELS[name], appFrame, payload)).resolves.toMatchObject({
        ok: false,
        error: { code: 'staff-only' },
      })
      expect(handlers[name]).not.toHaveBeenCalled()
      staffOpen = true
      await expect(call(CHANNELS[name], appFrame, payload)).resolves.toMatchObject({ ok: true })
    },
  )

  it.each([
    ['a PIN too short', { pin: '123' }],
    ['a PIN with letters', { pin: '12345a' }],
    ['a PIN as a number', { pin: 123456 }],
  ])('refuses a staff sign-in with %s', async (_case, payload) => {
    await expect(call(CHANNELS.staffLogin, appFrame, payload)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
    expect(handlers.staffLogin).not.toHaveBeenCalled()
  })

  it('passes a valid print request on and answers with its outcome', async () => {
    const request = { locale: 'es', chosen: ['over60', 'fluids'] }
    await expect(call(CHANNELS.printHandout, appFrame, request)).resolves.toEqual({
      ok: true,
      value: { state: 'done', printsLeft: 1 },
    })
    expect(handlers.printHandout).toHaveBeenCalledWith(request)
  })

  it('answers the app’s own top frame with the value', async () => {
    await expect(call(CHANNELS.getConfig, appFrame)).resolves.toEqual({ ok: true, value: DEFAULT_CONFIG })
  })

  it.each([
    ['another origin', { url: 'https://example.com/', parent: null }],
    ['a look-alike host', { url: 'app://kiosk.evil/index.html', parent: null }],
    ['a subframe of the app', { url: 'app://kiosk/frame.html', parent: appFrame }],
    ['a destroyed frame', null],
  ])('refuses a call from %s without running the handler', async (_name, frame) => {
    const result = await call(CHANNELS.getConfig, frame)
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(handlers.getConfig).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalled()
  })

  it('answers a malformed payload with an error result and logs it', async () => {
    const result = await call(CHANNELS.getAppInfo, appFrame, { evil: '<script>' })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } })
    expect(handlers.getAppInfo).not.toHaveBeenCalled()
    expect(log.warn).toHaveBeenCalledWith('IPC getAppInfo: invalid payload', expect.any(Array))
  })

  it('accepts a well-formed problem report and refuses an oversized one', async () => {
    const report = { kind: 'missing-translation', locale: 'ar', key: 'doctor.title' }
    await expect(call(CHANNELS.reportProblem, appFrame, report)).resolves.toEqual({ ok: true, value: null })
    expect(handlers.reportProblem).toHaveBeenCalledWith(report)
    const flood = { ...report, key: 'x'.repeat(10_000) }
    await expect(call(CHANNELS.reportProblem, appFrame, flood)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
  })

  it('turns a failing handler into an internal error instead of throwing across IPC', async () => {
    vi.mocked(handlers.getConfig).mockImplementation(() => {
      throw new Error('disk on fire')
    })
    await expect(call(CHANNELS.getConfig, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(log.error).toHaveBeenCalled()
  })

  it('never sends a result that breaks the contract', async () => {
    vi.mocked(handlers.getConfig).mockReturnValue({ ...DEFAULT_CONFIG, idleTimeoutSeconds: 5 })
    await expect(call(CHANNELS.getConfig, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })
})
