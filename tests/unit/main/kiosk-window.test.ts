import { describe, expect, it } from 'vitest'
import { kioskWindowOptions } from '../../../electron/main/kiosk-window'
import { parseLaunchOptions } from '../../../electron/main/launch-options'

describe('kiosk window', () => {
  it('is a frameless fullscreen kiosk, black until ready, with secure webPreferences', () => {
    const options = kioskWindowOptions({ preload: '/p.cjs', windowed: false, devTools: false })
    expect(options).toMatchObject({ kiosk: true, fullscreen: true, frame: false, backgroundColor: '#000000', show: false })
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
  })

  it('opens as a normal window with --windowed', () => {
    const options = kioskWindowOptions({ preload: '/p.cjs', windowed: true, devTools: false })
    expect(options).toMatchObject({ kiosk: false, fullscreen: false, frame: true })
    expect(options.webPreferences?.sandbox).toBe(true)
  })
})

describe('launch options', () => {
  it('reads --windowed and KIOSK_WINDOWED', () => {
    expect(parseLaunchOptions(['electron', '.', '--windowed'], {}).windowed).toBe(true)
    expect(parseLaunchOptions(['electron', '.'], { KIOSK_WINDOWED: '1' }).windowed).toBe(true)
    expect(parseLaunchOptions(['electron', '.'], {}).windowed).toBe(false)
  })

  it('treats only the electron-vite dev server as development', () => {
    expect(parseLaunchOptions([], {})).toMatchObject({ development: false, devServerUrl: undefined })
    expect(parseLaunchOptions([], { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toMatchObject({
      development: true,
      devServerUrl: 'http://localhost:5173',
    })
  })
})
