import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { create } from 'fontkit'
import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS } from '../../../electron/contract'
import { LOCALES } from '../../../src/i18n/locales'
import { flatten, loadMessages } from './messages'

const root = join(import.meta.dirname, '../../..')
const require = createRequire(join(root, 'package.json'))

type Face = { family: string; weight: string; hasGlyph: (codePoint: number) => boolean }

/** The regular-weight font faces styles/fonts.css ships, each with its character map. */
function shippedFaces(): Face[] {
  const css = readFileSync(join(root, 'src/styles/fonts.css'), 'utf8')
  const imports = [...css.matchAll(/@import '([^']+)'/g)].map((match) => require.resolve(match[1]!))
  return imports.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/@font-face\s*{([^}]*)}/g)].flatMap(([, body]) => {
      const family = /font-family:\s*'([^']+)'/.exec(body!)![1]!
      const weight = /font-weight:\s*(\d+)/.exec(body!)![1]!
      const woff2 = /url\(([^)]+\.woff2)\)/.exec(body!)![1]!
      if (weight !== '400') return []
      const font = create(readFileSync(resolve(dirname(file), woff2)))
      return [{ family, weight, hasGlyph: (codePoint: number) => font.hasGlyphForCodePoint(codePoint) }]
    }),
  )
}

const faces = shippedFaces()
const familiesOf = (stack: string) => [...stack.matchAll(/'([^']+)'/g)].map((match) => match[1]!)
/** Characters that are never drawn: spaces and format controls such as the bidi isolates. */
const drawn = (character: string) => !/[\s\p{Cf}]/u.test(character)

function uncovered(text: string, stack: string): string[] {
  const stackFaces = faces.filter((face) => familiesOf(stack).includes(face.family))
  return [...new Set([...text].filter(drawn))].filter(
    (character) => !stackFaces.some((face) => face.hasGlyph(character.codePointAt(0)!)),
  )
}

describe('shipped fonts', () => {
  it('ship every family that a locale names', () => {
    const shipped = new Set(faces.map((face) => face.family))
    for (const tag of LOCALE_TAGS)
      for (const family of familiesOf(LOCALES[tag].fontStack)) expect(shipped).toContain(family)
  })

  it.each(LOCALE_TAGS)('draw every character the %s messages use, and the language’s own name', (tag) => {
    const text =
      flatten(loadMessages(tag))
        .map(([, message]) => message)
        .join(' ') + LOCALES[tag].nativeName
    expect(uncovered(text, LOCALES[tag].fontStack)).toEqual([])
  })

  it('the coverage check notices a character no shipped font has', () => {
    expect(uncovered('Ok ☃ 𓀀', LOCALES.en.fontStack)).toEqual(['☃', '𓀀'])
  })
})
