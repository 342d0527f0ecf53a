import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../electron/contract'
import { fakeLog } from './fake-log'

vi.mock('../../../electron/main/file-log', () => ({ createFileLogger: () => ({ ...fakeLog(), identify: vi.fn() }) }))
/** The updater main starts (its own behaviour is tested in updater.test.ts): what it was given, what it did. */
const updates = vi.hoisted(() => ({
  started: [] as { feedUrl: string; isResting: () => boolean; isClosed: () => boolean }[],
  installIfReady: vi.fn(() => false),
}))
vi.mock('../../../electron/main/updater', () => ({
  startUpdates: (options: (typeof updates.started)[number]) => {
    updates.started.push(options)
    return { installIfReady: updates.installIfReady, status: () => ({ phase: 'off' }), stop: () => {} }
  },
}))

type ElectronMock = typeof import('../../mocks/electron')

/** Loads a fresh main process against a fresh electron mock; `arrange` runs before start-up. */
async function startMain(arrange: (electron: ElectronMock) => void = () => {}): Promise<ElectronMock> {
  vi.resetModules()
  const electron = await import('../../mocks/electron')
  electron.resetElectronMock()
  arrange(electron)
  await import('../../../electron/main/index')
  if (electron.app.requestSingleInstanceLock.mock.results[0]?.value !== false) {
    await vi.waitFor(() => expect(electron.ipcMain.handlers.size).toBeGreaterThan(0))
    await vi.waitFor(() => expect(electron.BrowserWindow.instances.length).toBeGreaterThan(0))
  }
  return electron
}

describe('main process start-up', () => {
  it('opens one locked-down kiosk window on app://, keeps the display awake and wires the bridge', async () => {
    const { protocol, Menu, session, powerSaveBlocker, ipcMain, BrowserWindow } = await startMain()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null)
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep')
    expect([...ipcMain.handlers.keys()].sort()).toEqual(Object.values(CHANNELS).sort())

    expect(BrowserWindow.instances).toHaveLength(1)
    const window = BrowserWindow.instances[0]!
    expect(window.options).toMatchObject({
      kiosk: true,
      frame: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    })
    expect(window.webContents.loadURL).toHaveBeenCalledWith('app://kiosk/index.html')
    // Both the kiosk window and the handout window live in in-memory sessions that serve app://.
    const partitions = session.fromPartition.mock.calls.map(([partition]) => partition)
    expect(partitions).toHaveLength(2)
    expect((window.options.webPreferences as { partition: string }).partition).toBe(partitions[0])
    for (const [index, partition] of partitions.entries()) {
      expect(partition).not.toMatch(/^persist:/)
      const each = session.fromPartition.mock.results[index]!.value as InstanceType<ElectronMock['FakeSession']>
      expect(each.setPermissionRequestHandler).toHaveBeenCalled()
      expect(each.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    }
    // The default session serves nothing and grants nothing.
    expect(protocol.handle).not.toHaveBeenCalled()
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalled()
  })

  it('lets the display sleep when the clinic is closed, and refuses a heartbeat without its resting flag', async () => {
    const closedWeek = { sun: null, mon: null, tue: null, wed: null, thu: null, fri: null, sat: null }
    const { powerSaveBlocker, ipcMain } = await startMain(({ app }) =>
      writeFileSync(
        join(app.userData, 'config.json'),
        JSON.stringify({ version: 2, settings: { openingHours: closedWeek } }),
      ),
    )
    expect(powerSaveBlocker.start).not.toHaveBeenCalled()
    const appFrame = { url: 'app://kiosk/index.html', parent: null }
    await expect(ipcMain.handlers.get(CHANNELS.heartbeat)!({ senderFrame: appFrame })).resolves.toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    })
  })

  it('locks down every web contents the app creates', async () => {
    const { app, FakeWebContents } = await startMain()
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' })
  })

  it('quits at once when another kiosk instance already runs', async () => {
    const { app, BrowserWindow } = await startMain(({ app }) => app.requestSingleInstanceLock.mockReturnValue(false))
    expect(app.quit).toHaveBeenCalled()
    expect(BrowserWindow.instances).toHaveLength(0)
  })

  it('takes a pushed provisioning change at the next rest, and the renderer hears of it in the heartbeat answer', async () => {
    const fleet = join(mkdtempSync(join(tmpdir(), 'kiosk-fleet-')), 'provisioning.json')
    writeFileSync(fleet, JSON.stringify({ version: 2, settings: { clinicName: 'Before' } }))
    vi.stubEnv('KIOSK_CONFIG', fleet)
    try {
      const { ipcMain } = await startMain()
      const appFrame = { url: 'app://kiosk/index.html', parent: null }
      const call = (channel: keyof typeof CHANNELS, payload?: unknown) =>
        ipcMain.handlers.get(CHANNELS[channel])!({ senderFrame: appFrame }, payload) as Promise<{
          value: { clinicName?: string; configRevision?: number }
        }>
      await expect(call('heartbeat', { resting: false })).resolves.toMatchObject({ value: { configRevision: 0 } })
      writeFileSync(fleet, JSON.stringify({ version: 2, settings: { clinicName: 'After' } }))
      // The change is seen (file event, settled), but waits while a visit is under way.
      await new Promise((resolve) => setTimeout(resolve, 3_000))
      await expect(call('heartbeat', { resting: false })).resolves.toMatchObject({ value: { configRevision: 0 } })
      expect((await call('getConfig')).value.clinicName).toBe('Before')
      await vi.waitFor(
        async () => {
          await expect(call('heartbeat', { resting: true })).resolves.toMatchObject({ value: { configRevision: 1 } })
        },
        { timeout: 30_000, interval: 500 },
      )
      expect((await call('getConfig')).value.clinicName).toBe('After')
    } finally {
      vi.unstubAllEnvs()
    }
  }, 60_000)

  it('wipes every storage a visitor could have touched when the renderer asks', async () => {
    const { ipcMain, session } = await startMain()
    const appFrame = { url: 'app://kiosk/index.html', parent: null }
    const answer = await ipcMain.handlers.get(CHANNELS.clearVisitorData)!({ senderFrame: appFrame })
    expect(answer).toEqual({ ok: true, value: null })
    const visitorSession = session.fromPartition.mock.results[0]!.value as InstanceType<ElectronMock['FakeSession']>
    expect(visitorSession.clearStorageData).toHaveBeenCalledWith({
      storages: expect.arrayContaining(['localstorage', 'indexdb', 'cookies', 'cachestorage', 'serviceworkers']),
    })
    expect(visitorSession.clearCache).toHaveBeenCalled()
    expect(visitorSession.clearCodeCaches).toHaveBeenCalled()
    await expect(
      ipcMain.handlers.get(CHANNELS.heartbeat)!({ senderFrame: appFrame }, { resting: true }),
    ).resolves.toEqual({
      ok: true,
      value: { configRevision: 0 },
    })
  })

  it('prints the handout from a hidden window and gives a new visitor their prints back', async () => {
    const { ipcMain, BrowserWindow } = await startMain()
    const appFrame = { url: 'app://kiosk/index.html', parent: null }
    const print = () =>
      ipcMain.handlers.get(CHANNELS.printHandout)!({ senderFrame: appFrame }, { locale: 'es', chosen: [] })
    await expect(print()).resolves.toEqual({ ok: true, value: { state: 'done', printsLeft: 1 } })
    const handoutWindow = BrowserWindow.instances[1]!
    expect(handoutWindow.options).toMatchObject({ show: false, webPreferences: { sandbox: true, preload: undefined } })
    // The page is the same for every visitor: the handout is rendered into it through its API, not the URL.
    expect(handoutWindow.webContents.loadURL.mock.calls).toEqual([['app://kiosk/handout.html']])
    expect(handoutWindow.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: true, pageSize: 'Letter' }),
      expect.any(Function),
    )
    await expect(print()).resolves.toMatchObject({ ok: true, value: { state: 'limit' } })
    await ipcMain.handlers.get(CHANNELS.clearVisitorData)!({ senderFrame: appFrame })
    await expect(print()).resolves.toEqual({ ok: true, value: { state: 'done', printsLeft: 1 } })
  })

  it('warms the handout window up once the kiosk shows, and quits when the kiosk window closes', async () => {
    const { app, BrowserWindow } = await startMain()
    const [kiosk] = BrowserWindow.instances
    expect(BrowserWindow.instances).toHaveLength(1)
    kiosk!.emit('ready-to-show')
    expect(BrowserWindow.instances).toHaveLength(2)
    expect(BrowserWindow.instances[1]!.webContents.loadURL).toHaveBeenCalledWith('app://kiosk/handout.html')
    // The hidden handout window stays open, so the kiosk window closing must end the app by itself.
    kiosk!.emit('closed')
    expect(app.quit).toHaveBeenCalled()
  })

  it('shows the out-of-order page when the renderer keeps crashing', async () => {
    const { BrowserWindow } = await startMain()
    const window = BrowserWindow.instances[0]!
    for (let i = 0; i < 4; i++) window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 })
    expect(window.webContents.loadURL).toHaveBeenLastCalledWith('app://kiosk/out-of-order.html')
  })

  describe('updates and the nightly restart', () => {
    beforeEach(() => {
      updates.started.length = 0
      updates.installIfReady.mockClear()
    })
    afterEach(() => {
      vi.useRealTimers()
      vi.unstubAllEnvs()
    })

    it('hands the provisioned update folder to the updater, lets it take the nightly restart, and under a supervisor only exits', async () => {
      const fleet = join(mkdtempSync(join(tmpdir(), 'kiosk-fleet-')), 'provisioning.json')
      const updateUrl = 'https://updates.example.org/leg-cramp-kiosk/'
      writeFileSync(fleet, JSON.stringify({ version: 2, settings: { updateUrl, dailyRestartTime: '03:30' } }))
      vi.stubEnv('KIOSK_CONFIG', fleet)
      vi.stubEnv('KIOSK_SUPERVISED', '1')
      vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval', 'Date'] })
      vi.setSystemTime(new Date(2026, 11, 2, 3, 29, 45))
      const { app, ipcMain } = await startMain()
      expect(updates.started).toHaveLength(1)
      expect(updates.started[0]!.feedUrl).toBe(updateUrl)
      expect(updates.started[0]!.isClosed()).toBe(false)

      const appFrame = { url: 'app://kiosk/index.html', parent: null }
      await vi.advanceTimersByTimeAsync(15_000)
      await ipcMain.handlers.get(CHANNELS.heartbeat)!({ senderFrame: appFrame }, { resting: true })
      expect(updates.started[0]!.isResting()).toBe(true)
      await vi.advanceTimersByTimeAsync(60_000)
      expect(updates.installIfReady).toHaveBeenCalled()
      expect(app.exit).toHaveBeenCalledWith(0)
      // systemd or Shell Launcher starts the kiosk again; a relaunch of its own would race it.
      expect(app.relaunch).not.toHaveBeenCalled()
    })
  })
})
