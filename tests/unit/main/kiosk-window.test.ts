import { beforeEach, describe, expect, it } from 'vitest'
import { createHandoutWindow, createKioskWindow } from '../../../electron/main/kiosk-window'
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
