import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** A locale's messages as nested JSON. */
export type Messages = { [key: string]: string | Messages }

/** Reads locales/<tag>.json. */
export function loadMessages(tag: string): Messages {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../../locales', `${tag}.json`), 'utf8')) as Messages
}

/** Every message as [dotted.key, text]. */
export function flatten(messages: Messages, prefix = ''): Array<[string, string]> {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'string' ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`),
  )
}

/** The message at a dotted key, or undefined. */
export function messageAt(messages: Messages, key: string): string | undefined {
  const value = key
    .split('.')
    .reduce<string | Messages | undefined>(
      (node, part) => (typeof node === 'object' ? node[part] : undefined),
      messages,
    )
  return typeof value === 'string' ? value : undefined
}

/** The words a visitor reads on a screen: its section's messages, plural forms split apart. */
export function screenText(messages: Messages, section: string): string[] {
  const node = messages[section]
  if (typeof node !== 'object') throw new Error(`locale has no section ${section}`)
  return flatten(node).flatMap(([, text]) => text.split(' | '))
}
