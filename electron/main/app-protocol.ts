import { readFile, realpath } from 'node:fs/promises'
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
 * kiosk's CSP on every response. Other hosts, malformed percent-encodings, NUL
 * bytes, missing files and paths that leave rootDir get a 404. Containment is
 * checked twice: on the decoded path, and on the real path of the file against
 * the real path of rootDir, so a symbolic link inside rootDir that points
 * outside it is refused too. Never throws.
 *
 * @param read reads a file (tests inject one); fs.readFile by default
 * @param resolveReal resolves symbolic links (tests inject one); fs.realpath by default
 */
export function createAppProtocolHandler(
  rootDir: string,
  read: (file: string) => Promise<Buffer> = readFile,
  resolveReal: (file: string) => Promise<string> = realpath,
): (request: Request) => Promise<Response> {
  const root = path.resolve(rootDir)
  const locate = async (requestUrl: string): Promise<string | null> => {
    const url = new URL(requestUrl)
    if (url.host !== APP_HOST) return null
    const decoded = decodePath(url.pathname)
    if (decoded === null || decoded.includes('\0')) return null
    const file = path.resolve(root, decoded.replace(/^\/+/, '') || 'index.html')
    if (!isInside(root, file)) return null
    const [realRoot, realFile] = await Promise.all([resolveReal(root), resolveReal(file)])
    return isInside(realRoot, realFile) ? realFile : null
  }
  return async (request) => {
    try {
      const file = await locate(request.url)
      if (file === null) return notFound()
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

/** The percent-decoded path, or null when its encoding is malformed (a lone "%", a cut UTF-8 sequence). */
function decodePath(pathname: string): string | null {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return null
  }
}

/** Whether file is root or lies under it (both absolute and resolved). */
function isInside(root: string, file: string): boolean {
  const relative = path.relative(root, file)
  return relative === '' || (relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative))
}

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain' } })
}
