/**
 * The pages the start-up benchmark measures the kiosk against, written beside
 * the built renderer so one server serves all three the same way: an empty
 * page (the browser's own floor), and the smallest Vue app (Vue's runtime
 * build and one screen of a heading and a button, marked as the welcome
 * screen is): the floor of the stack the kiosk is built on.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'

const VUE_RUNTIME = createRequire(import.meta.url).resolve('vue/dist/vue.runtime.esm-browser.prod.js')

/** Writes the reference pages into `rendererDir`; returns their paths on its server. */
export function writeReferencePages(rendererDir) {
  writeFileSync(join(rendererDir, 'bench-empty.html'), '<!doctype html><title>empty</title>')
  const vueDir = join(rendererDir, 'bench-vue')
  mkdirSync(vueDir, { recursive: true })
  copyFileSync(VUE_RUNTIME, join(vueDir, 'vue.js'))
  writeFileSync(
    join(vueDir, 'main.js'),
    [
      "import { createApp, h } from './vue.js'",
      'const screen = () =>',
      "  h('main', { 'data-testid': 'screen-attract' }, [h('h1', 'Night leg cramps'), h('button', 'Touch to start')])",
      "createApp({ render: screen }).mount('#app')",
      '',
    ].join('\n'),
  )
  writeFileSync(
    join(vueDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>Vue</title><script type="module" src="./main.js"></script><div id="app"></div>',
  )
  return { empty: '/bench-empty.html', vue: '/bench-vue/index.html' }
}
