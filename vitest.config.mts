import { resolve } from 'node:path'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'
import { writeWelcomeMessages } from './scripts/welcome-messages.mjs'

const root = import.meta.dirname
writeWelcomeMessages(root)
/** Main-process tests of local-time logic (*.tz.test.ts), run in SCHEDULE_TIME_ZONE (they check that they do). */
const SCHEDULE_TESTS = ['tests/unit/main/**/*.tz.test.ts']
const SCHEDULE_TIME_ZONE = 'America/New_York'

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['tests/unit/main/**/*.test.ts', 'tests/unit/deploy/**/*.test.ts'],
          exclude: SCHEDULE_TESTS,
          alias: { electron: resolve(root, 'tests/mocks/electron.ts') },
          // The staff PIN's scrypt is slow on purpose (about 100 ms a try, more on a busy 2-core machine).
          testTimeout: 120_000,
        },
      },
      {
        test: {
          // The schedule's tests run in a fixed zone with daylight saving (spring forward 2026-03-08 02:00,
          // fall back 2026-11-01 02:00), whatever the machine's zone; node applies TZ when the worker starts.
          name: 'schedule',
          environment: 'node',
          alias: { electron: resolve(root, 'tests/mocks/electron.ts') },
          include: SCHEDULE_TESTS,
          env: { TZ: SCHEDULE_TIME_ZONE },
        },
      },
      {
        test: {
          name: 'content',
          environment: 'node',
          include: ['tests/unit/content/**/*.test.ts'],
        },
      },
      {
        plugins: [
          vue(),
          VueI18nPlugin({ include: [resolve(root, 'locales/*.json'), resolve(root, 'locales/welcome/*.json')] }),
        ],
        define: { __APP_VERSION__: JSON.stringify('0.0.0-test'), __PSEUDO_LOCALE__: 'false' },
        // Review statuses as a test fixture (with a reviewed and a changed translation), not from locales/reviews.
        resolve: {
          alias: { 'virtual:translation-reviews': resolve(root, 'tests/unit/renderer/review-statuses.fixture.ts') },
        },
        test: {
          name: 'renderer',
          environment: 'happy-dom',
          include: ['tests/unit/renderer/**/*.test.ts'],
        },
      },
    ],
  },
})
