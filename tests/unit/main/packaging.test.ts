/**
 * The packaging acceptance test: builds the production bundle into a temporary
 * folder (never the shared out/), stages it as electron-builder packs it
 * (electron-builder.ts `files` plus the production dependency tree), packs
 * that with @electron/asar, and checks what a clinic would install. Building
 * the real installers needs the Electron binary, which this machine cannot
 * download; everything up to that point is checked here.
 */
import { execFile } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { createPackage, extractAll, listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { APP_FILES } from '../../../electron-builder'
import { readManifest, stageApp } from './app-stage'

const run = promisify(execFile)
const root = resolve(import.meta.dirname, '../../..')
/** A production build plus packing takes seconds alone, minutes on a busy 2-core machine. */
const BUILD_TIMEOUT_MS = 600_000

/** Packages the renderer bundle carries inside out/renderer, or only development uses: none may ship. */
const MUST_NOT_SHIP = [
  'vue',
  'pinia',
  'vue-i18n',
  'chart.js',
  'vue-chartjs',
  'qrcode',
  'electron',
  'electron-builder',
  'vite',
  'vitest',
  'typescript',
  'playwright',
  '@playwright/test',
  '@electron/fuses',
  '@electron/asar',
]
const MUST_NOT_SHIP_SCOPES = ['@fontsource/', '@vueuse/', '@vitejs/', '@vue/', '@intlify/']

/**
 * Electron's main-process modules, as a CommonJS stand-in for the `electron`
 * module that only exists inside the Electron binary. `app` says another
 * instance is running, so importing main runs none of the kiosk's start-up:
 * it logs and quits at once. Every other module (and any other app method)
 * answers any call harmlessly.
 */
const ELECTRON_MODULES = [
  'autoUpdater',
  'BaseWindow',
  'BrowserView',
  'BrowserWindow',
  'clipboard',
  'contentTracing',
  'crashReporter',
  'desktopCapturer',
  'dialog',
  'globalShortcut',
  'inAppPurchase',
  'ipcMain',
  'Menu',
  'MenuItem',
  'MessageChannelMain',
  'nativeImage',
  'nativeTheme',
  'net',
  'netLog',
  'Notification',
  'powerMonitor',
  'powerSaveBlocker',
  'protocol',
  'pushNotifications',
  'safeStorage',
  'screen',
  'session',
  'shell',
  'systemPreferences',
  'Tray',
  'utilityProcess',
  'webContents',
  'WebContentsView',
  'webFrameMain',
]
const ELECTRON_STAND_IN = `'use strict'
const harmless = () => new Proxy(function () {}, {
  get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : harmless()),
  apply: () => harmless(),
  construct: () => harmless(),
})
const appMethods = {
  isPackaged: true,
  requestSingleInstanceLock: () => false,
  quit: () => { globalThis.kioskMainQuit = true },
  getPath: () => process.env.KIOSK_STAND_IN_USER_DATA,
  getName: () => 'leg-cramp-kiosk',
  getVersion: () => '0.0.0-stage',
  getAppPath: () => process.cwd(),
  whenReady: () => new Promise(() => {}),
  on() { return this },
  once() { return this },
}
exports.app = new Proxy(appMethods, { get: (target, key) => (key in target ? target[key] : harmless()) })
${ELECTRON_MODULES.map((name) => `exports.${name} = harmless()`).join('\n')}
`

/** Loads the staged main bundle in plain Node; Node finds `electron` only in the stand-in outside the stage. */
const IMPORT_MAIN = `
import { pathToFileURL } from 'node:url'
await import(pathToFileURL(process.argv[1]).href)
if (!globalThis.kioskMainQuit) throw new Error('main loaded but did not quit')
console.log('main loaded and quit')
process.exit(0)
`

/** Every package inside the asar, at any depth (node_modules/a, node_modules/@s/b, node_modules/a/node_modules/c). */
function packagesIn(entries: readonly string[]): string[] {
  const names = entries.map((entry) => /\/node_modules\/((?:@[^/]+\/)?[^/]+)\/package\.json$/.exec(entry)?.[1])
  return [...new Set(names.filter((name) => name !== undefined))].sort()
}

/** Bytes of all files under dir. */
function directorySize(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((total, entry) => total + statSync(join(entry.parentPath, entry.name)).size, 0)
}

describe('the packaged app (staged as electron-builder packs it)', () => {
  let work: string
  let asarPath: string
  let entries: string[]
  let extracted: string

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'kiosk-packaging-'))
    const filesRoot = join(work, 'project')
    mkdirSync(filesRoot)
    await run(join(root, 'node_modules/.bin/electron-vite'), ['build'], {
      cwd: root,
      env: { ...process.env, KIOSK_OUT_DIR: join(filesRoot, 'out'), NODE_ENV: 'production' },
      timeout: BUILD_TIMEOUT_MS,
    })
    copyFileSync(join(root, 'package.json'), join(filesRoot, 'package.json'))
    const stageDir = join(work, 'stage')
    stageApp({ projectRoot: root, filesRoot, files: APP_FILES, stageDir })
    asarPath = join(work, 'app.asar')
    await createPackage(stageDir, asarPath)
    entries = listPackage(asarPath, { isPack: false }).map((entry) => entry.split('\\').join('/'))
    const stageSize = directorySize(stageDir)
    console.info(
      `Staged app: ${(stageSize / 1e6).toFixed(1)} MB in ${entries.length} entries; app.asar ${(statSync(asarPath).size / 1e6).toFixed(1)} MB`,
    )
    // The import check runs from an extracted copy with a stand-in electron beside (not inside) it.
    extracted = join(work, 'run', 'app')
    extractAll(asarPath, extracted)
    mkdirSync(join(work, 'run', 'node_modules', 'electron'), { recursive: true })
    writeFileSync(
      join(work, 'run', 'node_modules', 'electron', 'package.json'),
      '{"name":"electron","main":"index.js"}',
    )
    writeFileSync(join(work, 'run', 'node_modules', 'electron', 'index.js'), ELECTRON_STAND_IN)
    mkdirSync(join(work, 'user-data'))
  }, BUILD_TIMEOUT_MS)

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true })
  })

  it('holds the main, preload and renderer bundles and package.json', () => {
    expect(entries).toEqual(
      expect.arrayContaining([
        '/package.json',
        '/out/main/index.js',
        '/out/preload/index.cjs',
        '/out/renderer/index.html',
        '/out/renderer/handout.html',
      ]),
    )
  })

  it('holds nothing but out/, node_modules/ and package.json, and no source maps of the app', () => {
    const tops = new Set(entries.map((entry) => entry.split('/')[1]))
    expect([...tops].sort()).toEqual(['node_modules', 'out', 'package.json'])
    expect(entries.filter((entry) => entry.startsWith('/out/') && entry.endsWith('.map'))).toEqual([])
  })

  it('ships the production dependencies and no renderer-only or development package', () => {
    const shipped = packagesIn(entries)
    const { dependencies = {} } = readManifest(root)
    expect(shipped).toEqual(expect.arrayContaining(Object.keys(dependencies)))
    expect(shipped.filter((name) => MUST_NOT_SHIP.includes(name))).toEqual([])
    expect(shipped.filter((name) => MUST_NOT_SHIP_SCOPES.some((scope) => name.startsWith(scope)))).toEqual([])
  })

  /** Imports the extracted stage's main bundle in a child Node process. */
  const importMain = () =>
    run(process.execPath, ['--input-type=module', '-e', IMPORT_MAIN, 'out/main/index.js'], {
      cwd: extracted,
      env: { ...process.env, KIOSK_STAND_IN_USER_DATA: join(work, 'user-data'), NODE_OPTIONS: '' },
      timeout: 120_000,
    })

  it('loads its main bundle with every import resolved from inside the stage', async () => {
    const { stdout } = await importMain()
    expect(stdout).toContain('main loaded and quit')
  })

  it('would fail to load if a runtime package were left out (the check above can fail)', async () => {
    renameSync(join(extracted, 'node_modules', 'zod'), join(work, 'zod-set-aside'))
    try {
      await expect(importMain()).rejects.toMatchObject({ stderr: expect.stringMatching(/Cannot find package 'zod'/) })
    } finally {
      renameSync(join(work, 'zod-set-aside'), join(extracted, 'node_modules', 'zod'))
    }
  })
})
