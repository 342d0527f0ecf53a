/**
 * Writes locales/welcome/<tag>.json: of each language, only the messages the
 * welcome and language screens show or say in that language while another
 * language is current ("Touch to start" in every language, and the spoken
 * state of a language button). The build bundles these with the app; the rest
 * of a language loads when a visitor picks it (src/i18n/index.ts).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** The message keys every language needs before a visitor picks it. */
export const WELCOME_KEYS = ['attract.start', 'speech.selected', 'speech.notSelected']

const pick = (messages, key) => key.split('.').reduce((node, part) => node?.[part], messages)

/**
 * Builds and test runs may write at the same time as others read: a file is
 * replaced whole (written beside, then renamed over), and only when it changed.
 */
function writeIfChanged(file, text) {
  if (existsSync(file) && readFileSync(file, 'utf8') === text) return
  const next = `${file}.${process.pid}.tmp`
  writeFileSync(next, text)
  renameSync(next, file)
}

/** Writes the welcome messages of every locales/*.json into locales/welcome/ and returns that folder. */
export function writeWelcomeMessages(root) {
  const dir = join(root, 'locales/welcome')
  mkdirSync(dir, { recursive: true })
  for (const file of readdirSync(join(root, 'locales')).filter((name) => name.endsWith('.json'))) {
    const messages = JSON.parse(readFileSync(join(root, 'locales', file), 'utf8'))
    const welcome = {}
    for (const key of WELCOME_KEYS) {
      const value = pick(messages, key)
      if (value === undefined) continue
      const [section, name] = key.split('.')
      ;(welcome[section] ??= {})[name] = value
    }
    writeIfChanged(join(dir, file), `${JSON.stringify(welcome, null, 2)}\n`)
  }
  return dir
}
