import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { _electron as electron, expect, test } from '@playwright/test'
import type { KioskApi } from '../../electron/contract'
import { installedElectronBinary } from './electron-binary'

type KioskWindow = Window & { kiosk?: KioskApi; require?: unknown; process?: unknown }

const binary = installedElectronBinary()

test.skip(
  binary === null,
  'The Electron binary is not installed on this machine (node_modules/electron/path.txt is missing). ' +
    'Run `npx install-electron` where downloads are possible to run these tests.',
)

const mainEntry = join(import.meta.dirname, '../../out/main/index.js')
const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : []

test('the packaged kiosk opens on app:// with a sandboxed, Node-free renderer and the bridge', async () => {
  const app = await electron.launch({ executablePath: binary!, args: [mainEntry, '--windowed', ...sandboxArgs] })
  try {
    const page = await app.firstWindow()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    expect(page.url()).toBe('app://kiosk/index.html')
    const exposure = await page.evaluate(() => {
      const host = window as KioskWindow
      return { bridge: typeof host.kiosk?.getConfig, require: typeof host.require, process: typeof host.process }
    })
    expect(exposure).toEqual({ bridge: 'function', require: 'undefined', process: 'undefined' })
    const config = await page.evaluate(() => (window as KioskWindow).kiosk!.getConfig())
    expect(config).toMatchObject({ ok: true, value: { defaultLocale: 'en' } })
    const opened = await page.evaluate(() => window.open('https://example.com') === null)
    expect(opened).toBe(true)
    await page.getByTestId('start').click()
    await expect(page.getByTestId('screen-language')).toBeVisible()
  } finally {
    await app.close()
  }
})

test('--handout-pdf saves the Arabic handout through printToPDF from the hidden handout window', async () => {
  const path = test.info().outputPath('handout-ar.pdf')
  await promisify(execFile)(binary!, [mainEntry, `--handout-pdf=${path}`, '--handout-locale=ar', ...sandboxArgs], {
    timeout: 60_000,
  })
  const pdf = await readFile(path)
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
  const { stdout } = await promisify(execFile)('pdftotext', ['-enc', 'UTF-8', path, '-'])
  expect(stdout).toContain('medlineplus.gov')
})
