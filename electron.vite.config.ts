import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import VueI18nPlugin from '@intlify/unplugin-vue-i18n/vite'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import { CONTENT_SECURITY_POLICY } from './electron/csp'
import { kioskFontSubsets } from './scripts/font-subsets.mjs'
import { writePseudoLocale } from './scripts/pseudo-locale.mjs'
import { translationReviews } from './scripts/vite-translation-reviews'
import { welcomeFontPreloads } from './scripts/welcome-font-preloads.mjs'
import { writeWelcomeMessages } from './scripts/welcome-messages.mjs'

const root = import.meta.dirname
/**
 * Where the build goes: out/ (what `npm start`, web mode and the e2e tests use), or KIOSK_OUT_DIR,
 * so the packaging test can build a production bundle without touching the shared out/.
 */
const outDir = resolve(root, process.env.KIOSK_OUT_DIR || 'out')
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }

/** Writes the CSP into the built index.html, so web mode enforces it as Electron does. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'kiosk-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
        injectTo: 'head-prepend',
      },
    ],
  }
}

/** Development and test builds also carry the pseudo-locale (en-XA); production builds never do. */
export default defineConfig(({ mode }) => {
  const withPseudoLocale = mode !== 'production'
  if (withPseudoLocale) writePseudoLocale(root)
  writeWelcomeMessages(root)
  return {
    main: {
      build: {
        outDir: resolve(outDir, 'main'),
        rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
      },
    },
    preload: {
      build: {
        outDir: resolve(outDir, 'preload'),
        // A sandboxed preload cannot require node_modules: bundle what it imports.
        externalizeDeps: false,
        rollupOptions: {
          input: { index: resolve(root, 'electron/preload/index.ts') },
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer: {
      root: resolve(root, 'src'),
      publicDir: resolve(root, 'resources/public'),
      define: {
        __APP_VERSION__: JSON.stringify(version),
        __PSEUDO_LOCALE__: JSON.stringify(withPseudoLocale),
        // Every component uses <script setup> or setup(): Vue's Options API support need not ship.
        __VUE_OPTIONS_API__: 'false',
      },
      css: { postcss: { plugins: [kioskFontSubsets({ root, withPseudoLocale })] } },
      build: {
        minify: true,
        // Fonts must be files: the CSP's font-src 'self' does not allow data: URLs.
        assetsInlineLimit: 0,
        outDir: resolve(outDir, 'renderer'),
        rollupOptions: {
          input: { index: resolve(root, 'src/index.html'), handout: resolve(root, 'src/handout.html') },
        },
      },
      plugins: [
        vue(),
        VueI18nPlugin({
          include: [
            resolve(root, 'locales/*.json'),
            resolve(root, 'locales/welcome/*.json'),
            ...(withPseudoLocale ? [resolve(root, 'locales/pseudo/*.json')] : []),
          ],
          runtimeOnly: true,
          compositionOnly: true,
          fullInstall: false,
          strictMessage: true,
          escapeHtml: true,
          dropMessageCompiler: true,
        }),
        translationReviews(root),
        contentSecurityPolicyMeta(),
        welcomeFontPreloads({ root }),
      ],
    },
  }
})
