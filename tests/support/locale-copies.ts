import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { flattenMessages, type Messages } from '../../scripts/translation-reviews'

/** The repository's locales folder. */
export const LOCALES_DIR = join(import.meta.dirname, '../../locales')

/** A copy of locales/ (messages and review records) in a new temporary folder, for tests that write. */
export function copyOfLocales(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kiosk-locales-')), 'locales')
  cpSync(LOCALES_DIR, dir, { recursive: true, filter: (source) => !source.startsWith(join(LOCALES_DIR, 'pseudo')) })
  return dir
}

/**
 * Only the messages at keys both locales have, in each one's order: a matching
 * pair of source and translation while one of them is being rewritten.
 */
export function sharedMessages(messages: Messages, other: Messages): Messages {
  const keys = new Set(flattenMessages(other).map(([key]) => key))
  const keep = (node: Messages, prefix: string): Messages =>
    Object.fromEntries(
      Object.entries(node).flatMap(([key, value]): Array<[string, string | Messages]> => {
        if (typeof value === 'string') return keys.has(prefix + key) ? [[key, value]] : []
        const kept = keep(value, `${prefix}${key}.`)
        return Object.keys(kept).length > 0 ? [[key, kept]] : []
      }),
    )
  return keep(messages, '')
}
