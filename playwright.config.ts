import { defineConfig } from '@playwright/test'
import { CHROMIUM_LAUNCH } from './scripts/chromium-launch.mjs'

/** The port web mode is served on for the tests; KIOSK_E2E_PORT lets a second checkout test beside this one. */
const WEB_PORT = Number(process.env.KIOSK_E2E_PORT || 4173)

export default defineConfig({
  outputDir: 'test-results/artifacts',
  // Shared, busy 2-core machines: a staff test hashes PINs with scrypt (slow on purpose) while two browsers run.
  // Generous limits keep a slow machine from failing a correct test; a hang still fails.
  timeout: 180_000,
  expect: { timeout: 30_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  fullyParallel: true,
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  webServer: {
    command: `npx vite preview --outDir out/renderer --host 127.0.0.1 --port ${WEB_PORT} --strictPort`,
    url: `http://127.0.0.1:${WEB_PORT}/`,
    reuseExistingServer: !process.env.CI,
  },
  projects: [
    {
      name: 'chromium',
      testDir: 'tests/e2e',
      use: {
        browserName: 'chromium',
        baseURL: `http://127.0.0.1:${WEB_PORT}/`,
        hasTouch: true,
        viewport: { width: 1920, height: 1080 },
        // Layout checks read the settled screen, not one still moving in: only the entrance test turns motion on.
        contextOptions: { reducedMotion: 'reduce' },
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
    {
      name: 'electron',
      testDir: 'tests/electron',
    },
  ],
})
