import { resolve } from 'node:path'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vitest/config'

const root = import.meta.dirname

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          include: ['tests/unit/main/**/*.test.ts', 'tests/unit/deploy/**/*.test.ts'],
          alias: { electron: resolve(root, 'tests/mocks/electron.ts') },
          // The staff PIN's scrypt is slow on purpose (about 100 ms a try, more on a busy 2-core machine).
          testTimeout: 120_000,
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
        plugins: [vue(), VueI18nPlugin({ include: [resolve(root, 'locales/*.json')] })],
        define: { __APP_VERSION__: JSON.stringify('0.0.0-test') },
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
