import type { IpcMain } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { registerIpcHandlers } from '../../../electron/main/ipc'
import { ipcMain, resetElectronMock } from '../../mocks/electron'
import { APP_ORIGIN, registerGateOverFakes } from './fake-ipc-handlers'

const appFrame = { url: 'app://kiosk/index.html', parent: null }

function call(channel: string, senderFrame: unknown, payload?: unknown) {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  return handler({ senderFrame }, payload)
}

describe('IPC registration', () => {
  let gate: ReturnType<typeof registerGateOverFakes>
  let log: typeof gate.log
  let handlers: typeof gate.handlers

  beforeEach(() => {
    gate = registerGateOverFakes()
    ;({ log, handlers } = gate)
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

  it.each(['staffKeepAlive', 'getStaffSettings', 'saveSettings', 'getUsage', 'exportUsage', 'quitKiosk'] as const)(
    'answers %s only in staff mode',
    async (name) => {
      const payload = name === 'saveSettings' ? DEFAULT_CONFIG : undefined
      await expect(call(CHANNELS[name], appFrame, payload)).resolves.toMatchObject({
        ok: false,
        error: { code: 'staff-only' },
      })
      expect(handlers[name]).not.toHaveBeenCalled()
      gate.staffOpen = true
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
    expect(log.warn).toHaveBeenCalledWith('IPC getAppInfo: invalid payload: (root) invalid_type')
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
    handlers.getConfig.mockImplementation(() => {
      throw new Error('disk on fire')
    })
    await expect(call(CHANNELS.getConfig, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(log.error).toHaveBeenCalled()
  })

  it('never sends a result that breaks the contract', async () => {
    handlers.getConfig.mockReturnValue({ ...DEFAULT_CONFIG, idleTimeoutSeconds: 5 })
    await expect(call(CHANNELS.getConfig, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('refuses an oversized payload before validating it, with one short log line', async () => {
    const flood = { kind: 'missing-translation', locale: 'ar', key: `x\n${'y'.repeat(10 * 1024 * 1024)}` }
    const result = await call(CHANNELS.reportProblem, appFrame, flood)
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'invalid-payload',
        message: 'The payload for reportProblem is too large (larger than 16384 bytes).',
      },
    })
    expect(handlers.reportProblem).not.toHaveBeenCalled()
    expect(log.warn.mock.calls).toEqual([['IPC reportProblem: invalid payload: larger than 16384 bytes']])
  })

  it('refuses a deeply nested payload', async () => {
    let deep: unknown = {}
    for (let level = 0; level < 10_000; level++) deep = { deep }
    await expect(call(CHANNELS.saveSettings, appFrame, deep)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload', message: expect.stringContaining('nested deeper than 16 levels') },
    })
  })

  it('logs only issue paths and codes, never the values, and at most three of them', async () => {
    gate.staffOpen = true
    const secretish = 'Jane Doe, born 1950\n2026-01-01 [info] Staff mode opened'
    const config = { ...DEFAULT_CONFIG, clinicName: 12, clinicPhone: [secretish], paperSize: secretish, extra: 1 }
    delete (config as Record<string, unknown>).idleTimeoutSeconds
    await expect(call(CHANNELS.saveSettings, appFrame, config)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
    const [line] = log.warn.mock.calls[0] as [string]
    expect(log.warn.mock.calls[0]).toHaveLength(1)
    expect(line).toMatch(/^IPC saveSettings: invalid payload: \w+ \w+; \w+ \w+; \w+ \w+; \(\+\d+ more\)$/)
    expect(line).not.toContain('Jane')
  })

  it('never names a key or value from the payload in the log', async () => {
    await call(CHANNELS.printHandout, appFrame, { locale: 'en', chosen: ['over60', 'Jane\u202E'] })
    const [line] = log.warn.mock.calls[0] as [string]
    expect(line).toBe('IPC printHandout: invalid payload: chosen.1 invalid_value')
    await call(CHANNELS.printHandout, appFrame, { locale: 'en', chosen: [], 'Jane Doe\n': 1 })
    expect(log.warn.mock.calls[1]).toEqual(['IPC printHandout: invalid payload: (root) unrecognized_keys'])
  })

  it('logs a refused sender by its origin only, neutralised', async () => {
    await call(CHANNELS.getConfig, { url: `https://evil.example/${'a'.repeat(5000)}?q=%0A`, parent: null })
    expect(log.warn.mock.calls[0]).toEqual(['IPC getConfig: refused a call from https://evil.example'])
  })

  it('refuses a disposed frame that throws when read', async () => {
    const disposed = {
      get url(): string {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed')
      },
      parent: null,
    }
    await expect(call(CHANNELS.getConfig, disposed)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    const event = Object.defineProperty({}, 'senderFrame', {
      get() {
        throw new Error('disposed')
      },
    })
    const handler = ipcMain.handlers.get(CHANNELS.getConfig)!
    await expect(handler(event, undefined)).resolves.toMatchObject({ ok: false, error: { code: 'forbidden-sender' } })
    expect(handlers.getConfig).not.toHaveBeenCalled()
  })

  it('refuses a payload that throws when read instead of throwing', async () => {
    const hostile = Object.defineProperty({ pin: '123456' }, 'extra', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    await expect(call(CHANNELS.staffLogin, appFrame, hostile)).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
    expect(handlers.staffLogin).not.toHaveBeenCalled()
  })

  it('answers with an internal error when the result cannot even be read, or staff mode cannot be checked', async () => {
    handlers.getConfig.mockReturnValue(
      Object.defineProperty({ ...DEFAULT_CONFIG }, 'defaultLocale', {
        enumerable: true,
        get() {
          throw new Error('boom')
        },
      }),
    )
    await expect(call(CHANNELS.getConfig, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
    handlers.getUsage.mockRejectedValue(new Error('disk gone'))
    gate.staffOpen = true
    await expect(call(CHANNELS.getUsage, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })

    resetElectronMock()
    registerIpcHandlers(ipcMain as unknown as IpcMain, handlers, {
      appOrigin: APP_ORIGIN,
      log,
      staffOpen: () => {
        throw new Error('staff state unreadable')
      },
    })
    await expect(call(CHANNELS.getUsage, appFrame)).resolves.toMatchObject({ ok: false, error: { code: 'internal' } })
  })

  it('still answers when the logger itself throws', async () => {
    log.warn.mockImplementation(() => {
      throw new Error('disk full')
    })
    await expect(call(CHANNELS.getConfig, null)).resolves.toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    })
    await expect(call(CHANNELS.getConfig, appFrame, 'x')).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
  })

  it('logs a result that breaks the contract by issue paths only', async () => {
    handlers.getConfig.mockReturnValue({ ...DEFAULT_CONFIG, idleTimeoutSeconds: 5 })
    await call(CHANNELS.getConfig, appFrame)
    expect(log.error.mock.calls).toEqual([['IPC getConfig: result breaks the contract: idleTimeoutSeconds too_small']])
  })
})
