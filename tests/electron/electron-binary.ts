import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Path of the installed Electron binary, or null where it is not installed.
 * Read from electron's own path.txt: require('electron') would try to download it.
 */
export function installedElectronBinary(): string | null {
  const packageDir = join(import.meta.dirname, '../../node_modules/electron')
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist')
  const pathFile = join(packageDir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(distDir, readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}
