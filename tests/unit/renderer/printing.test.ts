import { createPinia, setActivePinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskConfig } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { PRINT_COOLDOWN_SECONDS } from '../../../electron/print-allowance'
import { loadWebConfig } from '../../../src/platform/web-config'
import { createWebBridge } from '../../../src/platform/web-bridge'
import { usePrintStore } from '../../../src/stores/print'

const REQUEST = { locale: 'en' as const, chosen: ['over60' as const] }

function jsonResponse(body: string, contentType = 'application/json'): Promise<Response> {
  return Promise.resolve(new Response(body, { status: 200, headers: { 'content-type': contentType } }))
}

describe('web-mode configuration file', () => {
  beforeEach(() => vi.spyOn(console, 'error').mockImplementation(() => {}))
  afterEach(() => vi.restoreAllMocks())

  it('lays the file’s fields over the defaults', async () => {
    const config = await loadWebConfig(() => jsonResponse('{"clinicName":"Eastside Clinic","paperSize":"A4"}'))
    expect(config).toEqual({ ...DEFAULT_CONFIG, clinicName: 'Eastside Clinic', paperSize: 'A4' })
  })

  it.each([
    ['no file', () => Promise.resolve(new Response('', { status: 404 }))],
    ['a server that answers with its index page', () => jsonResponse('<!doctype html>', 'text/html')],
    ['a network failure', () => Promise.reject(new TypeError('Failed to fetch'))],
  ])('uses the defaults quietly with %s', async (_case, fetchFile) => {
    await expect(loadWebConfig(fetchFile)).resolves.toEqual(DEFAULT_CONFIG)
    expect(console.error).not.toHaveBeenCalled()
  })

  it.each([
    ['broken JSON', '{"clinicName": "Eastside', 'not valid JSON'],
    ['a number out of range', '{"printsPerVisitor": 500}', 'printsPerVisitor'],
    ['an unknown paper size', '{"paperSize": "A3"}', 'paperSize'],
    ['a list instead of an object', '[1, 2]', 'object'],
  ])('uses the defaults and names the problem with %s', async (_case, body, named) => {
    await expect(loadWebConfig(() => jsonResponse(body))).resolves.toEqual(DEFAULT_CONFIG)
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining(named))
  })
})

describe('web-mode printing', () => {
  function bridgeWith(config: Partial<KioskConfig> = {}) {
    const print = vi.fn(async () => {})
    const bridge = createWebBridge({ loadConfig: async () => ({ ...DEFAULT_CONFIG, ...config }), print })
    return { bridge, print }
  }

  it('opens the browser’s print dialog, says it cannot know whether it printed, and counts the print', async () => {
    const { bridge, print } = bridgeWith({ printsPerVisitor: 2 })
    await expect(bridge.printHandout(REQUEST)).resolves.toEqual({
      ok: true,
      value: { state: 'unconfirmed', printsLeft: 1 },
    })
    expect(print).toHaveBeenCalledTimes(1)
    await expect(bridge.printHandout(REQUEST)).resolves.toEqual({
      ok: true,
      value: { state: 'limit', retryInSeconds: PRINT_COOLDOWN_SECONDS },
    })
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('gives the next visitor their prints back', async () => {
    const { bridge, print } = bridgeWith({ printsPerVisitor: 1 })
    await bridge.printHandout(REQUEST)
    await bridge.clearVisitorData()
    await expect(bridge.printHandout(REQUEST)).resolves.toMatchObject({ ok: true, value: { state: 'unconfirmed' } })
    expect(print).toHaveBeenCalledTimes(2)
  })

  it('reports a print dialog that fails as a printer error, which uses up no print', async () => {
    const print = vi.fn(async () => {
      throw new Error('Printing is not available here.')
    })
    const bridge = createWebBridge({ loadConfig: async () => ({ ...DEFAULT_CONFIG, printsPerVisitor: 1 }), print })
    await expect(bridge.printHandout(REQUEST)).resolves.toEqual({
      ok: true,
      value: { state: 'error', reason: 'print-failed', detail: 'Printing is not available here.' },
    })
  })

  it('does not print when staff turned printing off', async () => {
    const { bridge, print } = bridgeWith({ printsPerVisitor: 0 })
    await expect(bridge.printHandout(REQUEST)).resolves.toMatchObject({
      ok: true,
      value: { state: 'error', reason: 'disabled' },
    })
    expect(print).not.toHaveBeenCalled()
  })
})

describe('print status', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('shows printing while the shell works, then its outcome', async () => {
    const status = usePrintStore()
    let finish: (value: { ok: true; value: { state: 'done'; printsLeft: number } }) => void = () => {}
    const bridge = {
      ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
      printHandout: vi.fn(
        () => new Promise<{ ok: true; value: { state: 'done'; printsLeft: number } }>((r) => (finish = r)),
      ),
    }
    const printing = status.print(bridge, REQUEST)
    expect(status.status.state).toBe('printing')
    void status.print(bridge, REQUEST)
    expect(bridge.printHandout).toHaveBeenCalledTimes(1)
    status.dismiss()
    expect(status.status.state, 'a print under way cannot be waved away').toBe('printing')
    finish({ ok: true, value: { state: 'done', printsLeft: 1 } })
    await printing
    expect(status.status).toEqual({ state: 'done', printsLeft: 1 })
    status.dismiss()
    expect(status.status, 'once read, the outcome is closed').toEqual({ state: 'idle' })
  })

  it('shows a bridge that throws as a printer error, not "printing" forever', async () => {
    const status = usePrintStore()
    const bridge = {
      ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
      printHandout: vi.fn(async () => {
        throw new Error('The kiosk app went away.')
      }),
    }
    await status.print(bridge, REQUEST)
    expect(status.status).toEqual({ state: 'error', reason: 'print-failed', detail: 'The kiosk app went away.' })
  })

  it('shows a bridge failure as a printer error', async () => {
    const status = usePrintStore()
    const bridge = {
      ...createWebBridge({ loadConfig: async () => DEFAULT_CONFIG, print: vi.fn(async () => {}) }),
      printHandout: vi.fn(async () => ({
        ok: false as const,
        error: { code: 'invalid-payload' as const, message: 'Invalid payload for printHandout.' },
      })),
    }
    await status.print(bridge, REQUEST)
    expect(status.status).toMatchObject({ state: 'error' })
  })
})
