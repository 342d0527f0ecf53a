/**
 * What the benchmarks share: a built renderer served by `vite preview` on its
 * own port, and Debian's Chromium launched headless with the same flags as the
 * end-to-end tests.
 */
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { chromium } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './chromium-launch.mjs'

/**
 * Serves `outDir` (a built renderer) on `port` and launches Chromium.
 * `ready()` resolves with the origin once the server answers; `close()` stops both.
 */
export async function startBenchBrowser(port, outDir = 'out/renderer') {
  const server = spawn(
    'npx',
    ['vite', 'preview', '--outDir', outDir, '--host', '127.0.0.1', '--port', `${port}`, '--strictPort'],
    { stdio: 'ignore', detached: true },
  )
  const origin = `http://127.0.0.1:${port}`
  const browser = await chromium.launch(CHROMIUM_LAUNCH)
  return {
    browser,
    async ready() {
      for (let attempt = 0; ; attempt++) {
        try {
          if ((await fetch(`${origin}/`)).ok) return origin
        } catch (error) {
          if (attempt > 120) throw new Error(`vite preview did not answer on ${origin}`, { cause: error })
        }
        await sleep(250)
      }
    },
    async close() {
      await browser.close()
      // npx starts vite as a child: stop the whole group.
      process.kill(-server.pid)
    },
  }
}
