/**
 * The review kit's XLIFF 2.0 file, written and read with the `xliff` package.
 *
 * One `<file>` per screen in reading order, one `<unit>` per visitor message
 * (its id the message's dotted key) with the English as `<source>` and the
 * translation as `<target>`. Placeholders such as {count} are `<ph/>` inline
 * codes, numbered in order in the source; a target that repeats one (a plural
 * form each) repeats its code with `copyOf`. A plural message stays one unit,
 * its forms separated by " | " as vue-i18n writes them, with a note saying how
 * many forms the language needs and in which order.
 *
 * Reading a returned file back checks every unit before anything is written:
 * each message must be there, with the kiosk's current English as its source,
 * a translation, the source's placeholders and no others, the language's number
 * of plural forms, and a message vue-i18n compiles.
 */
import { baseCompile } from '@intlify/message-compiler'
import { js2xliff, xliff2js, type InlineElement, type XliffUnit, type XliffValue } from 'xliff'
import { LOCALE_TAGS, type LocaleTag } from '../electron/contract'
import { SOURCE_LOCALE } from '../src/i18n/locales'
import { pluralCategories, pluralFormCount } from '../src/i18n/plural'
import { visitorMessages, visitorSections, type Messages } from './translation-reviews'

const PLURAL_SEPARATOR = ' | '
/** XLIFF versions whose core is the 2.0 namespace (2.1 only adds modules). */
const READABLE_VERSIONS = ['2.0', '2.1']
/** Annotations the xliff package drops with their text when it reads a file. */
const UNREADABLE_MARKUP = /<(mrk|sm|em|cp)\b/

type Part = string | InlineElement

/** Fails an import: every problem found, each naming its unit. Nothing has been written. */
export class XliffImportError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The XLIFF file was refused and nothing was written:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
    )
    this.name = 'XliffImportError'
  }
}

/** A returned translation, checked: its language, all its messages, and the keys whose text changed. */
export interface ImportedTranslation {
  tag: LocaleTag
  messages: Messages
  changed: string[]
}

const languageName = (tag: string) => new Intl.DisplayNames(['en'], { type: 'language' }).of(tag) ?? tag
const placeholdersOf = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!))].sort()
const splitPlaceholders = (text: string) => text.split(/(\{\w+\})/).filter((part) => part !== '')
const isPlaceholder = (part: string) => /^\{\w+\}$/.test(part)
const placeholderCode = (id: string, placeholder: string, extra: Record<string, string> = {}): InlineElement => ({
  // type "ui" with subType "xlf:var" is how XLIFF 2.0 marks a variable.
  Standalone: { id, equiv: placeholder, disp: placeholder, type: 'ui', subType: 'xlf:var', ...extra },
})
const simplify = (parts: Part[]): XliffValue => (parts.length === 1 && typeof parts[0] === 'string' ? parts[0] : parts)

/** A message's `<source>`, and its placeholders by code id. Codes that must stay in the target say canDelete="no". */
function sourceOf(text: string): { parts: Part[]; codes: Map<string, string> } {
  const codes = new Map<string, string>()
  const parts = splitPlaceholders(text).map((part): Part => {
    if (!isPlaceholder(part)) return part
    const id = String(codes.size + 1)
    const first = ![...codes.values()].includes(part)
    codes.set(id, part)
    return placeholderCode(id, part, first ? { canDelete: 'no' } : {})
  })
  return { parts, codes }
}

/** A translation's `<target>`: its placeholders as the source's codes, repeats as copies (copyOf). */
function targetOf(text: string, codes: Map<string, string>): Part[] {
  const unused = [...codes]
  let nextId = codes.size
  return splitPlaceholders(text).map((part): Part => {
    if (!isPlaceholder(part)) return part
    const index = unused.findIndex(([, placeholder]) => placeholder === part)
    if (index >= 0) return placeholderCode(unused.splice(index, 1)[0]![0], part)
    const base = [...codes].find(([, placeholder]) => placeholder === part)
    // A placeholder the English does not have stays text, so the import refuses it until it is fixed.
    return base ? placeholderCode(String(++nextId), part, { copyOf: base[0] }) : part
  })
}

/** What a translator needs to know about a message beyond its text. */
function notesFor(tag: LocaleTag, english: string): string[] {
  const notes: string[] = []
  if (english.includes(PLURAL_SEPARATOR)) {
    const forms = (language: string) => ['for 0', ...pluralCategories(language)].join(PLURAL_SEPARATOR)
    notes.push(
      `Plural message: one form for 0, then one per plural category, separated by " | ". ` +
        `English has ${pluralFormCount(SOURCE_LOCALE)} (${forms(SOURCE_LOCALE)}); ` +
        `${languageName(tag)} needs ${pluralFormCount(tag)} (${forms(tag)}).`,
    )
  }
  const placeholders = placeholdersOf(english).map((name) => `{${name}}`)
  if (placeholders.length > 0) {
    notes.push(`The kiosk fills in ${placeholders.join(' and ')}: keep each placeholder code in the translation.`)
  }
  return notes
}

/** Puts a line break before each structural element, never inside a source, target or note. */
function oneElementPerLine(xml: string): string {
  const depth: Record<string, number> = { file: 1, unit: 2, notes: 3, segment: 3, note: 4, source: 4, target: 4 }
  return xml.replace(
    /><(\/?)(file|unit|notes|note|segment|source|target|xliff)\b/g,
    (match, closing: string, name: string) => {
      // A closing source, target or note tag may follow a code inside the text: leave it where it is.
      if (closing && ['source', 'target', 'note'].includes(name)) return match
      return `>\n${'  '.repeat(depth[name] ?? 0)}<${closing}${name}`
    },
  )
}

/**
 * The XLIFF 2.0 file for reviewing a translation: every visitor message of
 * `english` as a unit, with the translation's text as its target (a message
 * the translation lacks has no target).
 */
export async function exportXliff(tag: LocaleTag, english: Messages, translation: Messages): Promise<string> {
  const targets = new Map(visitorMessages(translation))
  const resources = Object.fromEntries(
    visitorSections(english).map(([section, entries]) => [
      section,
      Object.fromEntries(
        entries.map(([key, text]): [string, XliffUnit] => {
          const { parts, codes } = sourceOf(text)
          const unit: XliffUnit = { source: simplify(parts) }
          const target = targets.get(key)
          if (target !== undefined) unit.target = simplify(targetOf(target, codes))
          const notes = notesFor(tag, text)
          if (notes.length > 0) unit.note = notes.length === 1 ? notes[0]! : notes
          return [key, unit]
        }),
      ),
    ]),
  )
  // No indentation from the library: it would put line breaks and spaces into text around a <ph/>.
  const xml = await js2xliff({ sourceLanguage: SOURCE_LOCALE, targetLanguage: tag, resources }, { indent: '' })
  return `<?xml version="1.0" encoding="UTF-8"?>\n${oneElementPerLine(xml)}\n`
}

const partsOf = (value: XliffValue | undefined): Part[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value]

/** A value as comparable text: each code as its id, so a source can be compared with the kiosk's English. */
function codedText(value: XliffValue | undefined): string {
  return partsOf(value)
    .map((part) =>
      typeof part === 'string' ? part : `\u0000${Object.keys(part)[0]}:${String(Object.values(part)[0]!.id)}\u0000`,
    )
    .join('')
}

/** Turns a target back into message text, or says what is wrong with it. */
function messageFromTarget(
  value: XliffValue | undefined,
  codes: Map<string, string>,
): { text: string } | { problem: string } {
  let text = ''
  for (const part of partsOf(value)) {
    if (typeof part === 'string') {
      text += part
      continue
    }
    const [kind, attributes] = Object.entries(part)[0]!
    if (kind !== 'Standalone')
      return { problem: `the target has a <${kind}> element; only the source's <ph/> codes belong there` }
    const placeholder = codes.get(String(attributes.id)) ?? codes.get(String(attributes.copyOf))
    if (!placeholder)
      return {
        problem: `the target has a placeholder code <ph id="${String(attributes.id)}"/> its source does not have`,
      }
    text += placeholder
  }
  return { text }
}

/** What is wrong with a translated message, if anything: placeholders, plural forms, vue-i18n syntax. */
function messageProblems(tag: LocaleTag, english: string, text: string): string[] {
  if (text.trim() === '') return ['the target is empty']
  const problems: string[] = []
  const expected = placeholdersOf(english)
  const found = placeholdersOf(text)
  const missing = expected.filter((name) => !found.includes(name))
  const extra = found.filter((name) => !expected.includes(name))
  if (missing.length > 0)
    problems.push(`the target lacks the placeholder ${missing.map((name) => `{${name}}`).join(', ')}`)
  if (extra.length > 0)
    problems.push(`the target has a placeholder the English does not: ${extra.map((name) => `{${name}}`).join(', ')}`)
  if (english.includes(PLURAL_SEPARATOR)) {
    const forms = text.split(PLURAL_SEPARATOR).length
    if (forms !== pluralFormCount(tag)) {
      problems.push(
        `the target has ${forms} plural forms; ${languageName(tag)} needs ${pluralFormCount(tag)} (for 0, ` +
          `${pluralCategories(tag).join(', ')}), separated by " | "`,
      )
    }
  } else if (text.includes('|')) {
    problems.push('the target has a "|", which the kiosk reads as a plural separator')
  }
  try {
    baseCompile(text, {
      onError: (error) => {
        throw error
      },
    })
  } catch (error) {
    problems.push(`the target is not a valid message: ${(error as Error).message}`)
  }
  return problems
}

/** Sets the message at a dotted key, adding the sections it needs. */
function setMessage(messages: Messages, key: string, text: string): void {
  const path = key.split('.')
  let node = messages
  for (const part of path.slice(0, -1)) {
    if (typeof node[part] !== 'object') node[part] = {}
    node = node[part] as Messages
  }
  node[path.at(-1)!] = text
}

/** Every unit of a parsed file by id, across its files and groups. */
function unitsOf(resources: Record<string, Record<string, XliffUnit>>): Map<string, XliffUnit> {
  const units = new Map<string, XliffUnit>()
  const collect = (entries: Record<string, XliffUnit>) => {
    for (const [id, unit] of Object.entries(entries)) {
      // The package keeps elements it does not know under "_additionalElements" (an array).
      if (Array.isArray(unit)) continue
      if (unit.groupUnits) collect(unit.groupUnits)
      else units.set(id, unit)
    }
  }
  for (const file of Object.values(resources)) collect(file)
  return units
}

/**
 * Reads a returned review file: checks every unit (see the module comment) and
 * gives the translation's messages with the reviewed targets in place, or
 * throws an XliffImportError listing every problem by unit.
 * `readMessages` gives a language's current messages (English and the target).
 */
export async function importXliff(
  xml: string,
  readMessages: (tag: LocaleTag) => Messages,
): Promise<ImportedTranslation> {
  let document: Awaited<ReturnType<typeof xliff2js>>
  try {
    document = await xliff2js(xml)
  } catch (error) {
    throw new XliffImportError([`the file is not an XLIFF document (${(error as Error).message})`])
  }
  const version = /<xliff\b[^>]*\bversion="([^"]*)"/.exec(xml)?.[1]
  if (!document.resources || !version || !READABLE_VERSIONS.includes(version)) {
    throw new XliffImportError([`the file is not XLIFF 2.0 (version ${version ?? 'missing'})`])
  }
  const tag = LOCALE_TAGS.find((known) => known.toLowerCase() === document.targetLanguage?.toLowerCase())
  if (document.sourceLanguage?.toLowerCase() !== SOURCE_LOCALE) {
    throw new XliffImportError([`the source language is "${document.sourceLanguage}", not ${SOURCE_LOCALE}`])
  }
  if (!tag || tag === SOURCE_LOCALE) {
    throw new XliffImportError([
      `the target language "${document.targetLanguage}" is not a translation the kiosk ships`,
    ])
  }

  const english = visitorMessages(readMessages(SOURCE_LOCALE))
  const translation = readMessages(tag)
  const current = new Map(visitorMessages(translation))
  const units = unitsOf(document.resources)
  const problems: string[] = []
  for (const [, id, body] of xml.matchAll(/<unit\b[^>]*\bid="([^"]*)"[^>]*>([\s\S]*?)<\/unit>/g)) {
    const markup = UNREADABLE_MARKUP.exec(body!)
    if (markup)
      problems.push(`unit "${id}": it has <${markup[1]}> annotations, which the kit cannot read back; remove them`)
  }
  const reviewed = new Map<string, string>()
  for (const [key, text] of english) {
    const unit = units.get(key)
    if (!unit) {
      problems.push(`unit "${key}" is missing`)
      continue
    }
    const { parts, codes } = sourceOf(text)
    if (codedText(unit.source) !== codedText(simplify(parts))) {
      problems.push(`unit "${key}": its source is not the kiosk's English now (export a new kit)`)
      continue
    }
    if (unit.target === undefined) {
      problems.push(`unit "${key}" has no target`)
      continue
    }
    const result = messageFromTarget(unit.target, codes)
    const unitProblems = 'problem' in result ? [result.problem] : messageProblems(tag, text, result.text)
    problems.push(...unitProblems.map((problem) => `unit "${key}": ${problem}`))
    if ('text' in result) reviewed.set(key, result.text)
  }
  const known = new Set(english.map(([key]) => key))
  for (const id of units.keys()) if (!known.has(id)) problems.push(`unit "${id}" is not a visitor message of the kiosk`)
  if (problems.length > 0) throw new XliffImportError(problems)

  const messages = structuredClone(translation)
  const changed = [...reviewed].filter(([key, text]) => current.get(key) !== text).map(([key]) => key)
  for (const key of changed) setMessage(messages, key, reviewed.get(key)!)
  return { tag, messages, changed }
}
