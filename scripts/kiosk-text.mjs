/**
 * Every character the kiosk draws, for the font subsets (scripts/font-subsets.mjs):
 * the screens' and the handout's messages, the languages' own names, the
 * on-screen keyboard's keys, what Intl writes (digits, dates, weekdays, times,
 * lists), the sources and printable ASCII. It imports renderer modules, so the
 * build loads it through Vite (runnerImport), which resolves them as for the
 * renderer.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { keyLabels } from '../src/components/keyboard-layouts/key-labels'
import { offersEnglish, PHONE_PAD, textLayout } from '../src/components/keyboard-layouts/layouts'
import { CLINICAL_REVIEW, SOURCES } from '../src/content/sources'
import { fontFamiliesOf, LOCALES, PSEUDO_LOCALE, SOURCE_LOCALE } from '../src/i18n/locales'

/** Space to tilde: what staff type with a Latin keyboard, web addresses, phone numbers, the sources. */
const PRINTABLE_ASCII = String.fromCharCode(...Array.from({ length: 0x7f - 0x20 }, (_, index) => 0x20 + index))
/** Characters written in code rather than messages: the speech rate's "×1.5" (StaffSpeechFields.vue). */
const CODE_CHARACTERS = '×'
/** The function keys' words come from the messages; the keys' own labels are what remains. */
const NO_WORDS = {
  space: '',
  done: '',
  backspace: '',
  shift: '',
  capsLock: '',
  accents: '',
  otherLanguage: '',
  switchLanguage: '',
}

/** Every message of a locale file's JSON. */
function messageValues(node) {
  if (typeof node === 'string') return [node]
  return Object.values(node).flatMap(messageValues)
}

/** The JSON message files of a folder. */
function messageFiles(folder) {
  return readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => join(folder, name))
}

/**
 * What a keyboard layout shows: the characters its keys type and their labels.
 * Not the Chinese layout's pinyin candidates (about 6,700 characters, most of
 * which no screen shows): the system's CJK font draws those.
 */
function keyboardText(layout) {
  const keys = Object.values(layout.layout).flatMap((rows) => rows.flatMap((row) => row.split(' ')))
  return [...keys, ...Object.values(keyLabels(layout, NO_WORDS))].join(' ')
}

/**
 * What the kiosk writes through Intl in a language: numbers (every digit), the
 * long date of each month, each weekday's name, each hour's time of day and a
 * list ("A, B and C"), as src/i18n/format.ts and vue-i18n's n() write them.
 */
export function intlText(tag) {
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' })
  const weekday = new Intl.DateTimeFormat(tag, { weekday: 'long' })
  const time = new Intl.DateTimeFormat(tag, { hour: 'numeric', minute: '2-digit' })
  const months = Array.from({ length: 12 }, (_, month) => date.format(new Date(Date.UTC(2026, month, 28))))
  const weekdays = Array.from({ length: 7 }, (_, day) => weekday.format(new Date(2026, 5, 7 + day)))
  const hours = Array.from({ length: 24 }, (_, hour) => time.format(new Date(2026, 5, 7, hour, 30)))
  return [
    new Intl.NumberFormat(tag).format(1234567890),
    new Intl.ListFormat(tag, { type: 'conjunction' }).format(['A', 'B', 'C']),
    ...months,
    ...weekdays,
    ...hours,
  ].join(' ')
}

/**
 * The text the kiosk draws, read from the project at `root` (with
 * `withPseudoLocale`, the pseudo-locale's too: development and test builds),
 * and the message files it was read from, for the build to watch.
 * @returns {{ text: string, files: string[] }}
 */
export function kioskText(root, { withPseudoLocale }) {
  const files = [
    ...messageFiles(join(root, 'locales')),
    ...(withPseudoLocale ? messageFiles(join(root, 'locales/pseudo')) : []),
  ]
  const locales = [...Object.values(LOCALES), ...(withPseudoLocale ? [PSEUDO_LOCALE] : [])]
  const tags = Object.values(LOCALES).map((locale) => locale.tag)
  const layouts = [...tags.map((tag) => textLayout(tag, offersEnglish(tag))), textLayout('en', true), PHONE_PAD]
  const sources = Object.values(SOURCES).flatMap((source) => [source.short, source.full])
  const review = CLINICAL_REVIEW ? [CLINICAL_REVIEW.reviewer, CLINICAL_REVIEW.role] : []
  const text = [
    ...files.flatMap((file) => messageValues(JSON.parse(readFileSync(file, 'utf8')))),
    ...locales.flatMap((locale) => [locale.nativeName, intlText(locale.tag)]),
    ...layouts.map(keyboardText),
    ...sources,
    ...review,
    PRINTABLE_ASCII,
    CODE_CHARACTERS,
  ].join(' ')
  return { text, files }
}

/**
 * What the welcome screen draws, by the font families (the stack, in order)
 * each part is set in: the source language's welcome messages
 * (locales/<source>.json's attract.*, in its stack), and each language's own
 * name and its "Touch to start" (the invitations that take turns), in that
 * language's stack.
 * @returns {{ families: string[], text: string }[]}
 */
export function welcomeText(root) {
  const messagesOf = (file) => JSON.parse(readFileSync(join(root, 'locales', file), 'utf8'))
  const source = LOCALES[SOURCE_LOCALE]
  return [
    {
      families: fontFamiliesOf(source.fontStack),
      text: messageValues(messagesOf(`${SOURCE_LOCALE}.json`).attract).join(' '),
    },
    ...Object.values(LOCALES).map((locale) => ({
      families: fontFamiliesOf(locale.fontStack),
      text: `${locale.nativeName} ${messagesOf(`${locale.tag}.json`).attract.start}`,
    })),
  ]
}
