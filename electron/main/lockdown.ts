import type { Input, Session, WebContents } from 'electron'
import type { Logger } from './logger'
import { isSameOrigin } from './origin'

/**
 * Denies every permission request and check (camera, microphone, geolocation,
 * notifications, ...): the kiosk needs none (Electron security checklist #5).
 */
export function denyAllPermissions(session: Session, log: Logger): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`Denied permission request: ${permission}`)
    callback(false)
  })
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

const BLOCKED_FUNCTION_KEYS = /^F([1-9]|1[0-9]|2[0-4])$/
const BLOCKED_WITH_CTRL = new Set([
  'r',
  'w',
  'q',
  'n',
  't',
  'p',
  'i',
  'j',
  'u',
  'o',
  's',
  'f',
  'g',
  'h',
  'l',
  '+',
  '-',
  '=',
  '0',
])
const BLOCKED_WITH_ALT = new Set(['F4', 'ArrowLeft', 'ArrowRight', 'Home'])

/**
 * Whether a key press is a browser or window shortcut a visitor must not reach:
 * reload, DevTools, zoom, close/quit, new window, print dialog, find, history.
 */
export function isBlockedShortcut(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt'>): boolean {
  if (BLOCKED_FUNCTION_KEYS.test(input.key)) return true
  if ((input.control || input.meta) && BLOCKED_WITH_CTRL.has(input.key.toLowerCase())) return true
  if (input.alt && BLOCKED_WITH_ALT.has(input.key)) return true
  return input.key === 'BrowserBack' || input.key === 'BrowserForward' || input.key === 'BrowserRefresh'
}

/** What a webContents may do beyond the lockdown. */
export interface LockdownOptions {
  /** scheme://host[:port] the renderer is served from; navigation elsewhere is refused. */
  appOrigin: string
  /** Keep DevTools, reload and zoom shortcuts (development only). */
  allowDeveloperShortcuts: boolean
  log: Logger
}

/**
 * Locks a webContents down: no new windows, no navigation off the app's origin,
 * no webviews, no context menu, no pinch or visual zoom, no browser shortcuts
 * (Electron security checklist #13, #14, #12).
 */
export function lockDownWebContents(contents: WebContents, options: LockdownOptions): void {
  const { appOrigin, allowDeveloperShortcuts, log } = options

  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`Refused to open a new window for ${url}`)
    return { action: 'deny' }
  })

  const refuseOffOrigin = (event: { preventDefault(): void }, url: string) => {
    if (isSameOrigin(url, appOrigin)) return
    event.preventDefault()
    log.warn(`Refused navigation to ${url}`)
  }
  contents.on('will-navigate', refuseOffOrigin)
  contents.on('will-frame-navigate', (event) => refuseOffOrigin(event, event.url))
  contents.on('will-redirect', refuseOffOrigin)

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
    log.warn('Refused to attach a webview')
  })

  contents.on('context-menu', (event) => event.preventDefault())

  contents.on('did-finish-load', () => {
    contents.setVisualZoomLevelLimits(1, 1).catch((error: unknown) => {
      log.error('Could not disable pinch zoom', error)
    })
  })

  if (!allowDeveloperShortcuts) {
    contents.on('before-input-event', (event, input) => {
      if (isBlockedShortcut(input)) event.preventDefault()
    })
  }
}
