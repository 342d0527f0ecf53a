/**
 * Builds the pseudo-locale en-XA from locales/en.json: every message accented
 * (pseudo-localization) and made at least 40% longer, placeholders and plural
 * separators kept, so layouts can be checked for clipping before real
 * translations arrive. Used in development and test builds only.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import pseudo from 'pseudo-localization'

/** The pseudo-locale's tag (the conventional "accented English"). */
export const PSEUDO_TAG = 'en-XA'
const GROWTH = 1.4

function pseudoMessage(text) {
  const accented = text
    .split(/(\{\w+\}| \| )/)
    .map((part) => (/^(\{\w+\}| \| )$/.test(part) ? part : pseudo.localize(part, { strategy: 'accented' })))
    .join('')
  return text
    .split(' | ')
    .map((_, index) => accented.split(' | ')[index])
    .map((form, index) => {
      const target = Math.ceil(text.split(' | ')[index].length * GROWTH)
      let padded = form
      while (padded.length < target) padded += ' ẋẋ'
      return padded
    })
    .join(' | ')
}

function transform(node) {
  return typeof node === 'string'
    ? pseudoMessage(node)
    : Object.fromEntries(Object.entries(node).map(([key, value]) => [key, transform(value)]))
}

/** Writes locales/pseudo/en-XA.json and returns its path. */
export function writePseudoLocale(root) {
  const english = JSON.parse(readFileSync(join(root, 'locales/en.json'), 'utf8'))
  const dir = join(root, 'locales/pseudo')
  mkdirSync(dir, { recursive: true })
  const file = join(dir, `${PSEUDO_TAG}.json`)
  writeFileSync(file, `${JSON.stringify(transform(english), null, 2)}\n`)
  return file
}
