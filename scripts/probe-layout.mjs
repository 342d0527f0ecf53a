import { chromium } from '@playwright/test'
import { spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'
import { CHROMIUM_LAUNCH } from './chromium-launch.mjs'
const [lang = 'en-XA', screen = 'prevention', w = '1920', h = '1080', large = ''] = process.argv.slice(2)
const server = spawn('npx', ['vite', 'preview', '--outDir', 'out/renderer', '--port', '4191', '--strictPort'], { stdio: 'ignore' })
await sleep(2500)
const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args, '--explicitly-allowed-ports=4191'] })
const page = await browser.newPage({ viewport: { width: +w, height: +h }, hasTouch: true })
await page.goto('http://localhost:4191/?web=1')
await page.getByTestId('start').tap()
await page.getByTestId(`lang-${lang}`).tap()
if (large) await page.getByTestId('mode-large-text').first().tap()
await page.getByTestId(`progress-${screen}`).tap()
await sleep(800)
const out = await page.evaluate(() => {
  const r = (sel) => [...document.querySelectorAll(sel)].map((e) => { const b = e.getBoundingClientRect(); return `${sel} y=${Math.round(b.top)} h=${Math.round(b.height)} w=${Math.round(b.width)}` })
  return [...r('.screen-header'), ...r('.progress'), ...r('.paged__viewport'), ...r('.content-screen__footer'), ...r('.paged__flow > *'), ...r('.illustrated-list__item')].join('\n')
})
console.log(out)
await page.screenshot({ path: '/tmp/probe.png' })
await browser.close(); server.kill()
