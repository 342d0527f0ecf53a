/**
 * The real electron-updater (6.8.10) against a feed folder served on the
 * loopback. The one seam: electron-updater would fetch through Electron's `net`
 * (ElectronHttpExecutor), which needs the Electron binary, so these updaters get
 * a Node HTTP executor instead (below) and an AppAdapter in place of Electron's
 * `app`. Both only carry bytes and answer paths; reading latest.yml, comparing
 * versions, choosing the platform's file, the sha512 check, the cache and every
 * error code are electron-updater's own code, as they run in the kiosk.
 */
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs'
import {
  type ClientRequest,
  createServer,
  request,
  type IncomingMessage,
  type RequestOptions,
  type Server,
} from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { configureRequestOptions, configureRequestUrl, type DownloadOptions, HttpExecutor } from 'builder-util-runtime'
import electronUpdater, { type AppUpdater } from 'electron-updater'
import type { AppAdapter } from 'electron-updater/out/AppAdapter'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UpdatesHandle, UpdateTimers } from '../../../electron/main/update-policy'
import { startUpdates } from '../../../electron/main/updater'
import { fakeLog } from './fake-log'

const { AppImageUpdater, DebUpdater, NsisUpdater } = electronUpdater

/**
 * builder-util-runtime's HttpExecutor over node:http: the same request,
 * redirect, status and checksum handling ElectronHttpExecutor inherits; only
 * createRequest (node:http instead of net.request) and download (as
 * ElectronHttpExecutor writes it, without Electron's manual-redirect flag) differ.
 */
class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return request(options, callback)
  }

  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined }
      configureRequestUrl(url, requestOptions)
      configureRequestOptions(requestOptions)
      this.doDownload(
        requestOptions,
        {
          destination,
          options,
          onCancel,
          callback: (error) => (error == null ? resolve(destination) : reject(error)),
          responseHandler: null,
        },
        0,
      )
    })
  }
}

/** Electron's app as electron-updater sees it, in a temporary folder, at version 1.1.0. */
function testApp(root: string): AppAdapter & { quitHandlers: unknown[] } {
  const resources = join(root, 'resources')
  mkdirSync(resources)
  // What electron-builder writes next to the app when `publish` is configured (the feed URL is replaced at run time).
  writeFileSync(
    join(resources, 'app-update.yml'),
    'provider: generic\nurl: https://updates.invalid/\nupdaterCacheDirName: leg-cramp-kiosk-updater\n',
  )
  const quitHandlers: unknown[] = []
  return {
    version: '1.1.0',
    name: 'leg-cramp-kiosk',
    isPackaged: true,
    appUpdateConfigPath: join(resources, 'app-update.yml'),
    userDataPath: join(root, 'user-data'),
    baseCachePath: join(root, 'cache'),
    whenReady: async () => undefined,
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: (handler) => void quitHandlers.push(handler),
    quitHandlers,
  }
}

/** Gives an updater built with a test app the HTTP executor electron-updater would give it in Electron. */
function withNodeHttp<T extends AppUpdater>(updater: T): T {
  return Object.assign(updater, { httpExecutor: new NodeHttpExecutor() })
}

/** Timers the test fires one at a time, so a retry's wait can be read without waiting for it. */
function steppedTimers(): UpdateTimers & { waits: number[]; fireNext(): void } {
  const queue = new Map<number, { callback: () => void; ms: number }>()
  let next = 0
  return {
    waits: [],
    setTimeout(callback, ms) {
      queue.set(++next, { callback, ms })
      this.waits.push(ms)
      return next
    },
    clearTimeout: (handle) => void queue.delete(handle as number),
    fireNext() {
      const [handle, timer] = [...queue.entries()][0]!
      queue.delete(handle)
      timer.callback()
    },
  }
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64')
const NEW_APP_IMAGE = Buffer.from('#!/bin/sh\n# leg-cramp-kiosk 1.2.0 stand-in\n'.repeat(2000))

function channelFile(version: string, file: string, bytes: Buffer, checksum = sha512(bytes)): string {
  return [
    `version: ${version}`,
    'files:',
    `  - url: ${file}`,
    `    sha512: ${checksum}`,
    `    size: ${bytes.length}`,
    `path: ${file}`,
    `sha512: ${checksum}`,
    "releaseDate: '2026-12-01T03:00:00.000Z'",
    '',
  ].join('\n')
}

describe('updates through electron-updater from a generic feed', () => {
  let server: Server
  let feedUrl: string
  let files: Map<string, Buffer | string>
  let requested: string[]
  let root: string
  let app: ReturnType<typeof testApp>
  let log: ReturnType<typeof fakeLog>
  let timers: ReturnType<typeof steppedTimers>
  let resting: boolean
  let closed: boolean
  let updates: UpdatesHandle
  const quit = vi.fn()
  const lines = () => [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].map((c) => c.join(' '))

  beforeEach(async () => {
    files = new Map()
    requested = []
    server = createServer((req, res) => {
      const path = new URL(req.url!, 'http://127.0.0.1').pathname.slice(1)
      requested.push(path)
      const body = files.get(path)
      if (body === undefined) res.writeHead(404).end('not found')
      else res.writeHead(200, { 'content-length': Buffer.byteLength(body) }).end(body)
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kiosk/`
    root = mkdtempSync(join(tmpdir(), 'kiosk-updates-'))
    app = testApp(root)
    log = fakeLog()
    timers = steppedTimers()
    resting = true
    closed = false
    quit.mockClear()
    // The AppImage the kiosk runs from (electron-updater reads APPIMAGE, as the AppImage runtime sets it).
    const running = join(root, 'leg-cramp-kiosk.AppImage')
    writeFileSync(running, 'the installed 1.1.0')
    vi.stubEnv('APPIMAGE', running)
  })

  afterEach(async () => {
    updates?.stop()
    vi.unstubAllEnvs()
    await new Promise((resolve) => server.close(resolve))
  })

  function start(updater: AppUpdater, url = feedUrl): void {
    updates = startUpdates({
      feedUrl: url,
      isResting: () => resting,
      isClosed: () => closed,
      log,
      timers,
      quit,
      updater,
      schedule: { firstCheckDelayMs: 0, firstCheckJitterMs: 0 },
    })
  }

  const appImageUpdater = () => withNodeHttp(new AppImageUpdater(null, app))

  /** Puts 1.2.0 in the feed folder: the AppImage, and latest-linux.yml (with its size and sha512) announcing it. */
  function publishNewerAppImage(): void {
    files.set('kiosk/latest-linux.yml', channelFile('1.2.0', 'leg-cramp-kiosk-1.2.0.AppImage', NEW_APP_IMAGE))
    files.set('kiosk/leg-cramp-kiosk-1.2.0.AppImage', NEW_APP_IMAGE)
  }

  /** An NSIS updater reading latest.yml, as on Windows (electron-builder's own tests select the platform this way). */
  function nsisUpdater(): InstanceType<typeof NsisUpdater> {
    return Object.assign(withNodeHttp(new NsisUpdater(null, app)), { _testOnlyOptions: { platform: 'win32' } })
  }

  describe('Linux AppImage (latest-linux.yml)', () => {
    it('reads a newer version from the feed, downloads it with its sha512 checked, and makes it ready', async () => {
      publishNewerAppImage()
      start(appImageUpdater())
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().phase).toBe('ready'), { timeout: 60_000 })
      expect(requested).toContain('kiosk/latest-linux.yml')
      expect(requested).toContain('kiosk/leg-cramp-kiosk-1.2.0.AppImage')
      expect(lines()).toEqual(
        expect.arrayContaining([
          `Updates are on from ${feedUrl}`,
          'Update: available 1.2.0',
          expect.stringMatching(/^Update: downloading 100% \(\d+ of \d+ KiB\)$/),
          expect.stringMatching(/^Update: downloaded 1\.2\.0/),
        ]),
      )
      // Quitting (a crash, a staff quit) installs nothing: no install-on-quit handler was registered.
      expect(app.quitHandlers).toEqual([])
    })

    it('installs the downloaded update silently, then quits, once the kiosk rests outside opening hours', async () => {
      publishNewerAppImage()
      const updater = appImageUpdater()
      // The installer itself is not run here: it would replace the running AppImage and start it.
      const install = vi.spyOn(updater, 'install').mockReturnValue(true)
      start(updater)
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().phase).toBe('ready'), { timeout: 60_000 })
      timers.fireNext() // open hours: the poll passes
      expect(install).not.toHaveBeenCalled()
      closed = true
      timers.fireNext()
      expect(install).toHaveBeenCalledExactlyOnceWith(true, true)
      expect(quit).toHaveBeenCalledTimes(1)
    })

    it('keeps running when the installer does not start, and does not quit', async () => {
      publishNewerAppImage()
      const updater = appImageUpdater()
      vi.spyOn(updater, 'install').mockReturnValue(false)
      start(updater)
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().phase).toBe('ready'), { timeout: 60_000 })
      expect(updates.installIfReady()).toBe(false)
      expect(quit).not.toHaveBeenCalled()
      expect(updates.status().phase).toBe('waiting')
    })

    it('never installs a download whose file fails its sha512 check, and retries later', async () => {
      const checksumOfOtherBytes = sha512(Buffer.from('what the release was built as'))
      files.set(
        'kiosk/latest-linux.yml',
        channelFile('1.2.0', 'leg-cramp-kiosk-1.2.0.AppImage', NEW_APP_IMAGE, checksumOfOtherBytes),
      )
      files.set('kiosk/leg-cramp-kiosk-1.2.0.AppImage', NEW_APP_IMAGE)
      closed = true
      start(appImageUpdater())
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().consecutiveFailures).toBe(1), { timeout: 60_000 })
      expect(log.error).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Update download failed \(ERR_CHECKSUM_MISMATCH: sha512 checksum mismatch, expected .+; 1\.2\.0 is not installed\); the installed version keeps running; retrying in 15 min$/,
        ),
      )
      expect(updates.status()).toMatchObject({ phase: 'waiting', availableVersion: null })
      expect(updates.installIfReady()).toBe(false)
      expect(timers.waits.at(-1)).toBe(15 * 60_000)
      const pending = join(root, 'cache', 'leg-cramp-kiosk-updater', 'pending')
      // electron-updater removed the bad file: nothing is left that a later start could install.
      expect(existsSync(pending) ? readdirSync(pending) : []).toEqual([])
    })

    it.each([
      ['equal', '1.1.0'],
      ['older', '1.0.3'],
    ])('reports none when the feed announces an %s version', async (_kind, version) => {
      files.set('kiosk/latest-linux.yml', channelFile(version, `leg-cramp-kiosk-${version}.AppImage`, NEW_APP_IMAGE))
      start(appImageUpdater())
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().lastCheckAt).not.toBeNull(), { timeout: 60_000 })
      expect(lines()).toContain(`Update: none (the feed announces ${version}; the installed version is current)`)
      expect(requested.filter((path) => path.endsWith('.AppImage'))).toEqual([])
      expect(timers.waits.at(-1)).toBeGreaterThanOrEqual(23 * 3_600_000)
    })

    it.each([
      [
        'a broken latest-linux.yml',
        () => files.set('kiosk/latest-linux.yml', 'version: [1.2.0\nfiles: {'),
        /ERR_UPDATER_INVALID_UPDATE_INFO/,
      ],
      ['a feed folder without latest-linux.yml (404)', () => undefined, /ERR_UPDATER_CHANNEL_FILE_NOT_FOUND/],
    ])('turns %s into a logged failure that is retried', async (_case, arrange, reason) => {
      arrange()
      start(appImageUpdater())
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().consecutiveFailures).toBe(1), { timeout: 60_000 })
      expect(log.error).toHaveBeenCalledWith(expect.stringMatching(/^Update check failed \(/))
      expect(updates.status().lastError).toMatch(reason)
      expect(timers.waits.at(-1)).toBe(15 * 60_000)
      files.set('kiosk/latest-linux.yml', channelFile('1.1.0', 'leg-cramp-kiosk-1.1.0.AppImage', NEW_APP_IMAGE))
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().consecutiveFailures).toBe(0), { timeout: 60_000 })
    })

    it('turns a refused connection into a logged failure that is retried', async () => {
      const closedPort = createServer()
      await new Promise<void>((resolve) => closedPort.listen(0, '127.0.0.1', resolve))
      const { port } = closedPort.address() as AddressInfo
      await new Promise((resolve) => closedPort.close(resolve))
      start(appImageUpdater(), `http://127.0.0.1:${port}/kiosk/`)
      timers.fireNext()
      // electron-updater itself tries a refused connection four times over about 3 s first.
      await vi.waitFor(() => expect(updates.status().consecutiveFailures).toBe(1), { timeout: 60_000 })
      expect(updates.status().lastError).toMatch(/ECONNREFUSED/)
      expect(log.error).toHaveBeenCalledWith(
        expect.stringMatching(
          /^Update check failed \(.*ECONNREFUSED.*\); the installed version keeps running; retrying in 15 min$/,
        ),
      )
    })
  })

  describe('Windows NSIS (latest.yml)', () => {
    it('reads a newer version from latest.yml', async () => {
      files.set('kiosk/latest.yml', channelFile('1.2.0', 'leg-cramp-kiosk-setup-1.2.0.exe', NEW_APP_IMAGE))
      const updater = nsisUpdater()
      vi.spyOn(updater, 'downloadUpdate').mockResolvedValue([])
      start(updater)
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().phase).toBe('ready'), { timeout: 60_000 })
      expect(requested).toEqual(['kiosk/latest.yml'])
      expect(lines()).toContain('Update: available 1.2.0')
    })

    it('leaves a per-machine installer that needs administrator rights to the device-management tool', async () => {
      const yml = channelFile('1.2.0', 'leg-cramp-kiosk-setup-1.2.0.exe', NEW_APP_IMAGE).replace(
        '    size:',
        '    isAdminRightsRequired: true\n    size:',
      )
      files.set('kiosk/latest.yml', yml)
      const updater = nsisUpdater()
      const download = vi.spyOn(updater, 'downloadUpdate')
      start(updater)
      timers.fireNext()
      await vi.waitFor(() => expect(updates.status().lastCheckAt).not.toBeNull(), { timeout: 60_000 })
      expect(download).not.toHaveBeenCalled()
      expect(log.warn).toHaveBeenCalledWith(
        expect.stringMatching(/^Update: available 1\.2\.0, not installed by the kiosk: .*administrator rights/),
      )
    })
  })

  describe('off', () => {
    it('stays off without a feed URL, and never asks the feed', () => {
      start(appImageUpdater(), '')
      expect(updates.status().phase).toBe('off')
      expect(timers.waits).toEqual([])
      expect(log.info).toHaveBeenCalledWith('Updates are off (no updateUrl is provisioned)')
    })

    it('refuses a feed that is not https', () => {
      start(appImageUpdater(), 'http://updates.example.org/kiosk/')
      expect(updates.status().phase).toBe('off')
      expect(log.error).toHaveBeenCalledWith(
        'Updates are off: the updateUrl "http://updates.example.org/kiosk/" cannot be used: it must be an https:// address',
      )
    })

    it('stays off when the kiosk runs from a .deb (only root may replace it), and says why', () => {
      files.set('kiosk/latest-linux.yml', channelFile('1.2.0', 'leg-cramp-kiosk_1.2.0_amd64.deb', NEW_APP_IMAGE))
      start(withNodeHttp(new DebUpdater(null, app)))
      expect(updates.status().phase).toBe('off')
      expect(timers.waits).toEqual([])
      expect(requested).toEqual([])
      expect(log.warn).toHaveBeenCalledWith(
        expect.stringMatching(/^Updates are off: the kiosk was installed from a system package \(\.deb\)/),
      )
    })

    it('stays off when the kiosk does not run from an AppImage', () => {
      vi.stubEnv('APPIMAGE', undefined)
      start(appImageUpdater())
      expect(updates.status().phase).toBe('off')
      expect(log.warn).toHaveBeenCalledWith(expect.stringMatching(/^Updates are off: this build cannot update itself/))
    })
  })
})
