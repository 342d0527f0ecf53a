import { BrowserWindow, type BrowserWindowConstructorOptions } from 'electron'

/** What shapes the kiosk window. */
export interface KioskWindowSettings {
  preload: string
  /** An in-memory session's partition, so nothing of a visit reaches the disk. */
  partition: string
  /** A normal, framed window for development and maintenance. */
  windowed: boolean
  /** Allow DevTools (development only). */
  devTools: boolean
}

/**
 * Creates the one kiosk window: fullscreen kiosk mode without frame or menu,
 * black while loading and shown only when ready, so no white flash appears.
 */
export function createKioskWindow(settings: KioskWindowSettings): BrowserWindow {
  const window = createSecureWindow(
    {
      width: 1920,
      height: 1080,
      kiosk: !settings.windowed,
      fullscreen: !settings.windowed,
      frame: settings.windowed,
      autoHideMenuBar: true,
      backgroundColor: '#000000',
      show: false,
    },
    { preload: settings.preload, partition: settings.partition, devTools: settings.devTools },
  )
  window.once('ready-to-show', () => window.show())
  return window
}

/**
 * Creates a hidden window that only renders the handout for printing. It has
 * no preload (so no bridge) and lives in its own in-memory session, so nothing
 * of the visitor's handout reaches the disk.
 */
export function createHandoutWindow(partition: string): BrowserWindow {
  return createSecureWindow(
    { show: false, width: 816, height: 1056, backgroundColor: '#ffffff', paintWhenInitiallyHidden: true },
    { partition, devTools: false },
  )
}

/**
 * Every window's webPreferences follow the Electron security checklist (#2 no
 * Node, #3 context isolation, #4 sandbox, #5/#6 web security, #9 no
 * experimental or Blink features, #10 no webview); they are written out here,
 * once, so the security scanner can read them.
 */
function createSecureWindow(
  options: BrowserWindowConstructorOptions,
  secure: { preload?: string; partition?: string; devTools: boolean },
): BrowserWindow {
  return new BrowserWindow({
    ...options,
    webPreferences: {
      // The preload exposes one named function per contract channel and no Electron or Node API.
      preload: secure.preload, // eng-disable PRELOAD_JS_CHECK (reviewed: named methods only)
      partition: secure.partition,
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
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: secure.devTools,
    },
  })
}
