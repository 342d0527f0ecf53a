import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { create } from 'fontkit'
import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS, type LocaleTag } from '../../../electron/contract'
import { LOCALES } from '../../../src/i18n/locales'

const root = join(import.meta.dirname, '../../..')
const require = createRequire(join(root, 'package.json'))

/** The families styles/fonts.css ships at regular weight, each with a character check. */
function shippedFaces(): Array<{ family: string; hasGlyph: (codePoint: number) => boolean }> {
  const css = readFileSync(join(root, 'src/styles/fonts.css'), 'utf8')
  const imports = [...css.matchAll(/@import '([^']+)'/g)].map((match) => require.resolve(match[1]!))
  return imports.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body]) => {
      if (/font-weight:\s*(\d+)/.exec(body!)![1] !== '400') return []
      const family = /font-family:\s*'([^']+)'/.exec(body!)![1]!
      const font = create(readFileSync(resolve(dirname(file), /url\(([^)]+\.woff2)\)/.exec(body!)![1]!)))
      return [{ family, hasGlyph: (codePoint: number) => font.hasGlyphForCodePoint(codePoint) }]
    }),
  )
}

const faces = shippedFaces()

/** A keyboard layout as src/components/keyboard-layouts/layouts.ts describes it. */
interface KeyboardLayout {
  layout: Record<string, string[]>
  layoutCandidates?: Record<string, string>
  display?: Record<string, string>
}
/** The layouts are renderer code, outside this (node) project's files: they are imported when the test runs. */
const LAYOUTS_MODULE = '../../../src/components/keyboard-layouts/layouts'
const { offersEnglish, PHONE_PAD, textLayout } = (await import(/* @vite-ignore */ LAYOUTS_MODULE)) as {
  offersEnglish: (tag: LocaleTag) => boolean
  PHONE_PAD: KeyboardLayout
  textLayout: (tag: LocaleTag, languageKey: boolean) => KeyboardLayout
}

/** The characters of `text` that no font of a CSS font stack draws (spaces and format controls are not drawn). */
function uncovered(text: string, stack: string): string[] {
  const families = [...stack.matchAll(/'([^']+)'/g)].map((match) => match[1]!)
  const stackFaces = faces.filter((face) => families.includes(face.family))
  return [...new Set(text)]
    .filter((character) => !/[\s\p{Cf}]/u.test(character))
    .filter((character) => !stackFaces.some((face) => face.hasGlyph(character.codePointAt(0)!)))
}

/** Everything a layout's keys show: the letters they type and their own labels, and the candidates. */
function shownBy(layout: KeyboardLayout): string {
  const keys = Object.values(layout.layout).flatMap((rows) => rows.flatMap((row) => row.split(' ')))
  return [
    ...keys.filter((key) => !/^\{.+\}$/.test(key)),
    ...Object.values(layout.display ?? {}),
    ...Object.values(layout.layoutCandidates ?? {}),
  ].join(' ')
}

describe.each(LOCALE_TAGS)('the on-screen keyboard of a clinic in %s', (tag) => {
  it('shows only characters the staff screen’s fonts draw', () => {
    const layouts = [
      textLayout(tag, offersEnglish(tag)),
      PHONE_PAD,
      ...(offersEnglish(tag) ? [textLayout('en', true)] : []),
    ]
    expect(uncovered(layouts.map(shownBy).join(' '), LOCALES[tag].fontStack)).toEqual([])
  })
})
