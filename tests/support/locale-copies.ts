import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** The repository's locales folder. */
export const LOCALES_DIR = join(import.meta.dirname, '../../locales')

/** A copy of locales/ (messages and review records) in a new temporary folder, for tests that write. */
export function copyOfLocales(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kiosk-locales-')), 'locales')
  cpSync(LOCALES_DIR, dir, { recursive: true, filter: (source) => !source.startsWith(join(LOCALES_DIR, 'pseudo')) })
  return dir
}
