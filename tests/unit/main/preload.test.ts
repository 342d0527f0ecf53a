import { beforeAll, describe, expect, it } from 'vitest'
import { CHANNELS } from '../../../electron/contract'
import { contextBridge, ipcRenderer } from '../../mocks/electron'

describe('preload', () => {
  let exposed: Record<string, unknown>

  beforeAll(async () => {
    await import('../../../electron/preload/index')
    const [name, api] = contextBridge.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>]
    expect(name).toBe('kiosk')
    exposed = api
  })

  it('exposes exactly one named function per contract channel, and nothing else', () => {
    expect(Object.keys(exposed).sort()).toEqual(Object.keys(CHANNELS).sort())
    for (const value of Object.values(exposed)) expect(typeof value).toBe('function')
    expect(exposed).not.toHaveProperty('ipcRenderer')
    expect(exposed).not.toHaveProperty('invoke')
    expect(exposed).not.toHaveProperty('process')
  })

  it('sends each method on its own channel and returns only the answer', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: 'answer' } as never)
    const result = await (exposed.getConfig as () => Promise<unknown>)()
    expect(ipcRenderer.invoke).toHaveBeenCalledWith(CHANNELS.getConfig, undefined)
    expect(result).toEqual({ ok: true, value: 'answer' })
  })
})
