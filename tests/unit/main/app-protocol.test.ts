import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppProtocolHandler } from '../../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp'

const parent = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'))
const root = join(parent, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>')
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(parent, 'secret.txt'), 'not for the renderer')

const handle = createAppProtocolHandler(root)
const get = (url: string) => handle(new Request(url))

describe('app:// protocol', () => {
  it('serves the built renderer with the CSP and the right content type', async () => {
    const response = await get('app://kiosk/index.html')
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>kiosk</title>')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('serves scripts as JavaScript and the root as index.html', async () => {
    expect((await get('app://kiosk/assets/app.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await (await get('app://kiosk/')).text()).toContain('<title>kiosk</title>')
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const url of [
      'app://kiosk/..%2Fsecret.txt',
      'app://kiosk/%2e%2e/secret.txt',
      'app://kiosk/assets/..%2F..%2Fsecret.txt',
    ]) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
    }
  })

  it('answers other hosts and missing files with 404', async () => {
    expect((await get('app://other/index.html')).status).toBe(404)
    expect((await get('app://kiosk/missing.js')).status).toBe(404)
  })
})
