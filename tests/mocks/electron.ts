/**
 * The one shared mock of the `electron` module for main-process and preload unit
 * tests. Fakes keep what the code under test registered (handlers, listeners,
 * options) so tests can drive them like Electron would.
 */
import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { vi } from 'vitest'

/** An Electron-like event whose preventDefault() is observable. */
export function fakeEvent<T extends object>(
  extra: T = {} as T,
): T & { preventDefault: () => void; defaultPrevented: boolean } {
  const event = {
    ...extra,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' }

/** A webContents that records what the lockdown and recovery code set on it. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null
  setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler
  })
  setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => undefined)
  forcefullyCrashRenderer = vi.fn()
  loadURL = vi.fn(async (_url: string) => undefined)
  executeJavaScript = vi.fn(async (_code: string): Promise<unknown> => true)
  /** Answers like Chromium after a print job: success, or failure with a reason. */
  print = vi.fn(
    (_options: Record<string, unknown>, callback?: (success: boolean, failureReason: string) => void) =>
      void callback?.(true, ''),
  )
  printToPDF = vi.fn(async (_options: Record<string, unknown>) => Buffer.from('%PDF-1.4 fake'))
  getPrintersAsync = vi.fn(async () => [
    { name: 'Front_Desk', displayName: 'Front desk', description: '', options: {} },
  ])
}

/** A session whose permission handlers can be called as Chromium would. */
export class FakeSession {
  permissionRequestHandler:
    ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null
  deviceHandler: ((...args: unknown[]) => boolean) | null = null
  setPermissionRequestHandler = vi.fn((handler: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = handler
  })
  setPermissionCheckHandler = vi.fn((handler: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = handler
  })
  setDevicePermissionHandler = vi.fn((handler: FakeSession['deviceHandler']) => {
    this.deviceHandler = handler
  })
  clearStorageData = vi.fn(async (_options?: { storages?: string[] }) => undefined)
  clearCache = vi.fn(async () => undefined)
  clearCodeCaches = vi.fn(async (_options: { urls?: string[] }) => undefined)
  readonly protocol = { handle: vi.fn() }
}

/** BrowserWindow: every instance is kept in `BrowserWindow.instances`. */
export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadURL = vi.fn(async (_url: string) => undefined)
  show = vi.fn()
  focus = vi.fn()
  destroy = vi.fn()
  constructor(readonly options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
  }
}

class FakeApp extends EventEmitter {
  requestSingleInstanceLock = vi.fn(() => true)
  quit = vi.fn()
  relaunch = vi.fn()
  exit = vi.fn()
  whenReady = vi.fn(() => Promise.resolve())
  getVersion = vi.fn(() => '0.0.0-test')
  getName = vi.fn(() => 'leg-cramp-kiosk')
  /** A fresh, empty user-data folder for each test (see resetElectronMock). */
  userData = mkdtempSync(join(tmpdir(), 'kiosk-user-data-'))
  getPath = vi.fn((_name: string) => this.userData)
  readonly commandLine = { appendSwitch: vi.fn() }
}

class FakeIpcMain {
  readonly handlers = new Map<string, (event: unknown, payload?: unknown) => unknown>()
  handle = vi.fn((channel: string, handler: (event: unknown, payload?: unknown) => unknown) => {
    this.handlers.set(channel, handler)
  })
}

export const app = new FakeApp()
export const ipcMain = new FakeIpcMain()
const partitions = new Map<string, FakeSession>()
export const session = {
  defaultSession: new FakeSession(),
  fromPartition: vi.fn((partition: string) => {
    if (!partitions.has(partition)) partitions.set(partition, new FakeSession())
    return partitions.get(partition)!
  }),
}
export const protocol = { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() }
export const powerSaveBlocker = { start: vi.fn(() => 1), stop: vi.fn() }
export const Menu = { setApplicationMenu: vi.fn() }
export const dialog = { showSaveDialog: vi.fn(async () => ({ canceled: true, filePath: '' })) }
export const contextBridge = { exposeInMainWorld: vi.fn() }
export const ipcRenderer = { invoke: vi.fn(async (..._args: unknown[]) => undefined) }

/** Puts every fake back to a fresh state between tests. */
export function resetElectronMock(): void {
  BrowserWindow.instances = []
  app.removeAllListeners()
  ipcMain.handlers.clear()
  session.defaultSession = new FakeSession()
  partitions.clear()
  vi.clearAllMocks()
  app.requestSingleInstanceLock.mockImplementation(() => true)
  app.userData = mkdtempSync(join(tmpdir(), 'kiosk-user-data-'))
}

export default {
  app,
  BrowserWindow,
  ipcMain,
  session,
  protocol,
  powerSaveBlocker,
  Menu,
  dialog,
  contextBridge,
  ipcRenderer,
}
