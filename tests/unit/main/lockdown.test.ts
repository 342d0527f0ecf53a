import type { Session, WebContents } from 'electron'
import { beforeEach, describe, expect, it } from 'vitest'
import { denyAllPermissions, isBlockedShortcut, lockDownWebContents } from '../../../electron/main/lockdown'
import { FakeSession, FakeWebContents, fakeEvent } from '../../mocks/electron'
import { fakeLog } from './fake-log'

const APP_ORIGIN = 'app://kiosk'

describe('web contents lockdown', () => {
  let contents: FakeWebContents
  let log: ReturnType<typeof fakeLog>

  beforeEach(() => {
    contents = new FakeWebContents()
    log = fakeLog()
    lockDownWebContents(contents as unknown as WebContents, {
      appOrigin: APP_ORIGIN,
      allowDeveloperShortcuts: false,
      log,
    })
  })

  it('refuses every new window, even one on the app origin', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/index.html' })).toEqual({ action: 'deny' })
  })

  it('refuses navigation and redirects off the app origin, and allows it on the origin', () => {
    const away = fakeEvent()
    contents.emit('will-navigate', away, 'https://example.com/')
    expect(away.defaultPrevented).toBe(true)
    const lookalike = fakeEvent()
    contents.emit('will-navigate', lookalike, 'app://kiosk.evil/index.html')
    expect(lookalike.defaultPrevented).toBe(true)
    const redirect = fakeEvent()
    contents.emit('will-redirect', redirect, 'file:///etc/passwd')
    expect(redirect.defaultPrevented).toBe(true)
    const frame = fakeEvent({ url: 'https://example.com/' })
    contents.emit('will-frame-navigate', frame)
    expect(frame.defaultPrevented).toBe(true)
    const home = fakeEvent()
    contents.emit('will-navigate', home, 'app://kiosk/index.html')
    expect(home.defaultPrevented).toBe(false)
    expect(log.warn).toHaveBeenCalledWith('Refused navigation to https://example.com/')
  })

  it('refuses webviews and the context menu', () => {
    const webview = fakeEvent()
    contents.emit('will-attach-webview', webview)
    expect(webview.defaultPrevented).toBe(true)
    const menu = fakeEvent()
    contents.emit('context-menu', menu)
    expect(menu.defaultPrevented).toBe(true)
  })

  it('pins the visual zoom so pinching cannot zoom the kiosk', () => {
    contents.emit('did-finish-load')
    expect(contents.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1)
  })

  it.each([
    { key: 'F12' },
    { key: 'F5' },
    { key: 'F11' },
    { key: 'I', control: true },
    { key: 'r', control: true },
    { key: 'R', meta: true },
    { key: 'w', control: true },
    { key: 'q', meta: true },
    { key: '=', control: true },
    { key: '-', control: true },
    { key: '0', control: true },
    { key: 'F4', alt: true },
    { key: 'ArrowLeft', alt: true },
  ])('swallows the shortcut %o', (input) => {
    const event = fakeEvent()
    contents.emit('before-input-event', event, { control: false, meta: false, alt: false, ...input })
    expect(event.defaultPrevented).toBe(true)
  })

  it('lets ordinary keys through', () => {
    for (const key of ['a', '5', 'Enter', 'Tab', ' ', 'Backspace']) {
      const event = fakeEvent()
      contents.emit('before-input-event', event, { key, control: false, meta: false, alt: false })
      expect(event.defaultPrevented, key).toBe(false)
    }
  })

  it('keeps developer shortcuts only in development', () => {
    const devContents = new FakeWebContents()
    lockDownWebContents(devContents as unknown as WebContents, {
      appOrigin: APP_ORIGIN,
      allowDeveloperShortcuts: true,
      log,
    })
    const event = fakeEvent()
    devContents.emit('before-input-event', event, { key: 'F12', control: false, meta: false, alt: false })
    expect(event.defaultPrevented).toBe(false)
    expect(isBlockedShortcut({ key: 'F12', control: false, meta: false, alt: false })).toBe(true)
  })
})

describe('permissions', () => {
  it('denies every permission request and check', () => {
    const session = new FakeSession()
    const log = fakeLog()
    denyAllPermissions(session as unknown as Session, log)
    for (const permission of ['media', 'geolocation', 'notifications', 'fullscreen']) {
      let granted: boolean | undefined
      session.permissionRequestHandler?.({}, permission, (answer) => (granted = answer))
      expect(granted, permission).toBe(false)
    }
    expect(session.permissionCheckHandler?.({}, 'media')).toBe(false)
    expect(session.deviceHandler?.({})).toBe(false)
    expect(log.warn).toHaveBeenCalledWith('Denied permission request: media')
  })
})
