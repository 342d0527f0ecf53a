import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { APP_HOST, APP_SCHEME } from '../contract'
import { CONTENT_SECURITY_POLICY } from '../csp'

/**
 * The app:// scheme's privileges; register before the app is ready. Standard and
 * secure so the renderer gets a real origin, storage and ES modules without
 * file:// (Electron security checklist #18: use a custom protocol, not file://).
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
}

/**
 * Serves the built renderer from rootDir for app://kiosk/... requests, with the
 * kiosk's CSP on every response. Paths that leave rootDir, other hosts and
 * missing files get a 404.
 */
export function createAppProtocolHandler(
  rootDir: string,
  read: (file: string) => Promise<Buffer> = readFile,
): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir)
  return async (request) => {
    const url = new URL(request.url)
    const relative = decodeURIComponent(url.pathname).replace(/^\/+/, '') || 'index.html'
    const file = path.resolve(root, relative)
    if (url.host !== APP_HOST || (file !== root && !file.startsWith(root + path.sep))) {
      return notFound()
    }
    try {
      const body = await read(file)
      return new Response(new Uint8Array(body), {
        headers: {
          'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      })
    } catch {
      return notFound()
    }
  }
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
}
