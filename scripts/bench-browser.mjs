/**
 * What the benchmarks share: the built renderer served by `vite preview` on its
 * own port, and Debian's Chromium launched headless with the same flags as the
 * end-to-end tests.
 */
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium-launch.mjs'

/**
 * Serves out/renderer on `port` and launches Chromium. `open(page, path)`
 * navigates once the server answers; `close()` stops both.
 */
export async function startBenchBrowser(port) {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', 'out/renderer', '--host', '127.0.0.1', '--port', `${port}`, '--strictPort'],
    { stdio: 'ignore' },
  )
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  return {
    browser,
    async open(page, path = '/') {
      for (let attempt = 0; ; attempt++) {
        try {
          return await page.goto(`http://127.0.0.1:${port}${path}`)
        } catch (error) {
          if (attempt > 40) throw error
          await sleep(250)
        }
      }
    },
    async close() {
      await browser.close()
      server.kill()
    },
  }
}
