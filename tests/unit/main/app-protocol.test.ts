import { mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { createAppProtocolHandler } from '../../../electron/main/app-protocol'
import { CONTENT_SECURITY_POLICY } from '../../../electron/csp'

const parent = mkdtempSync(join(tmpdir(), 'kiosk-protocol-'))
const root = join(parent, 'renderer')
mkdirSync(join(root, 'assets'), { recursive: true })
writeFileSync(join(root, 'index.html'), '<!doctype html><title>kiosk</title>')
writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)')
writeFileSync(join(parent, 'secret.txt'), 'not for the renderer')
mkdirSync(join(parent, 'elsewhere'))
writeFileSync(join(parent, 'elsewhere', 'other.js'), 'not for the renderer either')
// Links out of the renderer folder (to a file and to a folder), and one that stays inside it.
// Windows without developer mode may not allow file links; those tests are skipped there.
const canLink = (() => {
  try {
    symlinkSync(join(parent, 'secret.txt'), join(root, 'leak.txt'))
    symlinkSync(join(parent, 'elsewhere'), join(root, 'linked'), 'junction')
    symlinkSync(join(root, 'assets', 'app.js'), join(root, 'alias.js'))
    return true
  } catch {
    return false
  }
})()

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

  it.each([
    ['a cut UTF-8 sequence', 'app://kiosk/%E0%A4%A'],
    ['a lone percent sign', 'app://kiosk/%'],
    ['a percent sign without hex digits', 'app://kiosk/assets/%zz.js'],
    ['an invalid UTF-8 byte', 'app://kiosk/%FF.js'],
  ])('answers a malformed percent-encoding (%s) with 404 instead of throwing', async (_case, url) => {
    await expect(get(url)).resolves.toMatchObject({ status: 404 })
  })

  it.each([
    'app://kiosk/%2e%2e%2fsecret.txt',
    'app://kiosk/%2E%2E%2Fsecret.txt',
    'app://kiosk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://kiosk/..%5Csecret.txt',
    `app://kiosk/${encodeURIComponent(join(parent, 'secret.txt'))}`,
  ])('refuses the encoded traversal %s', async (url) => {
    expect((await get(url)).status).toBe(404)
  })

  it('refuses a NUL byte in the path, without reading anything', async () => {
    const read = vi.fn(async () => Buffer.from('should not be read'))
    const guarded = createAppProtocolHandler(root, read)
    for (const url of ['app://kiosk/index.html%00.png', 'app://kiosk/%00', 'app://kiosk/assets/app.js%00']) {
      expect((await guarded(new Request(url))).status, url).toBe(404)
    }
    expect(read).not.toHaveBeenCalled()
  })

  it.skipIf(!canLink)('refuses a symbolic link in the renderer folder that points outside it', async () => {
    for (const url of ['app://kiosk/leak.txt', 'app://kiosk/linked/other.js']) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('not for the renderer')
    }
  })

  it.skipIf(!canLink)('serves a symbolic link that stays inside the renderer folder', async () => {
    const response = await get('app://kiosk/alias.js')
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('console.log(1)')
  })

  it('reads the resolved file and answers 404 when resolving fails', async () => {
    const read = vi.fn(async () => Buffer.from('ok'))
    const resolveReal = vi.fn(async (file: string) => {
      if (file.endsWith('broken.js')) throw Object.assign(new Error('ELOOP'), { code: 'ELOOP' })
      return file.endsWith('moved.js') ? join(root, 'assets', 'app.js') : file
    })
    const injected = createAppProtocolHandler(root, read, resolveReal)
    expect((await injected(new Request('app://kiosk/moved.js'))).status).toBe(200)
    expect(read).toHaveBeenCalledWith(join(root, 'assets', 'app.js'))
    expect((await injected(new Request('app://kiosk/broken.js'))).status).toBe(404)
  })

  it('answers other hosts and missing files with 404', async () => {
    expect((await get('app://other/index.html')).status).toBe(404)
    expect((await get('app://kiosk/missing.js')).status).toBe(404)
  })
})
