import { beforeEach, describe, expect, it } from 'vitest'
import { createHandoutWindow, createKioskWindow } from '../../../electron/main/kiosk-window'
import { parseLaunchOptions } from '../../../electron/main/launch-options'
import { BrowserWindow, resetElectronMock } from '../../mocks/electron'

describe('kiosk window', () => {
  beforeEach(() => resetElectronMock())

  it('is a frameless fullscreen kiosk, black until ready, with isolated, sandboxed, Node-free web preferences', () => {
    createKioskWindow({ preload: '/app/preload.cjs', partition: 'kiosk-visitor', windowed: false, devTools: false })
    const window = BrowserWindow.instances[0]!
    expect(window.options).toMatchObject({
      kiosk: true,
      fullscreen: true,
      frame: false,
      backgroundColor: '#000000',
      show: false,
      webPreferences: {
        preload: '/app/preload.cjs',
        // In memory: nothing of a visit persists on disk.
        partition: 'kiosk-visitor',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        disableBlinkFeatures: 'Auxclick',
        webviewTag: false,
        devTools: false,
      },
    })
    expect(window.options.webPreferences).not.toHaveProperty('enableBlinkFeatures')
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
  })

  it('opens as a normal window with --windowed, still sandboxed', () => {
    createKioskWindow({ preload: '/app/preload.cjs', partition: 'kiosk-visitor', windowed: true, devTools: false })
    const window = BrowserWindow.instances[0]!
    expect(window.options).toMatchObject({
      kiosk: false,
      fullscreen: false,
      frame: true,
      webPreferences: { sandbox: true },
    })
  })

  it('renders the handout in a hidden window without a preload, in its own session, as locked down as the kiosk', () => {
    createHandoutWindow('kiosk-handout')
    const window = BrowserWindow.instances[0]!
    expect(window.options).toMatchObject({
      show: false,
      webPreferences: {
        partition: 'kiosk-handout',
        preload: undefined,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    })
    expect(window.show).not.toHaveBeenCalled()
  })
})

describe('launch options', () => {
  it('reads --windowed and KIOSK_WINDOWED', () => {
    expect(parseLaunchOptions(['electron', '.', '--windowed'], {}).windowed).toBe(true)
    expect(parseLaunchOptions(['electron', '.'], { KIOSK_WINDOWED: '1' }).windowed).toBe(true)
    expect(parseLaunchOptions(['electron', '.'], {}).windowed).toBe(false)
  })

  it('reads --handout-pdf and its language, English unless told', () => {
    expect(parseLaunchOptions(['electron', '.'], {}).handoutPdf).toBeNull()
    expect(parseLaunchOptions(['electron', '.', '--handout-pdf=/tmp/h.pdf'], {}).handoutPdf).toEqual({
      path: '/tmp/h.pdf',
      locale: 'en',
    })
    expect(
      parseLaunchOptions(['electron', '.', '--handout-locale=ur', '--handout-pdf=/tmp/h.pdf'], {}).handoutPdf,
    ).toEqual({ path: '/tmp/h.pdf', locale: 'ur' })
  })

  it('reads the provisioning file from --config or KIOSK_CONFIG', () => {
    expect(parseLaunchOptions(['electron', '.'], {}).provisioningFile).toBeNull()
    expect(parseLaunchOptions(['electron', '.', '--config', '/etc/kiosk.json'], {}).provisioningFile).toBe(
      '/etc/kiosk.json',
    )
    expect(parseLaunchOptions(['electron', '.', '--config=/etc/kiosk.json'], {}).provisioningFile).toBe(
      '/etc/kiosk.json',
    )
    expect(parseLaunchOptions(['electron', '.'], { KIOSK_CONFIG: '/srv/fleet.json' }).provisioningFile).toBe(
      '/srv/fleet.json',
    )
  })

  it('treats only the electron-vite dev server as development', () => {
    expect(parseLaunchOptions([], {})).toMatchObject({ development: false, devServerUrl: undefined })
    expect(parseLaunchOptions([], { ELECTRON_RENDERER_URL: 'http://localhost:5173' })).toMatchObject({
      development: true,
      devServerUrl: 'http://localhost:5173',
    })
  })
})
