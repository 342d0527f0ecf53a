import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { create } from 'fontkit'
import { afterAll, describe, expect, it } from 'vitest'
import { subsetFontFace } from '../../../scripts/font-subsets.mjs'
import { shippedFaces, SUBSETTING_TIMEOUT_MS } from './shipped-fonts'

const fontsource = join(import.meta.dirname, '../../../node_modules/@fontsource')
const NOTO_SANS_LATIN = join(fontsource, 'noto-sans/files/noto-sans-latin-400-normal.woff2')
const NOTO_SANS_SC_CYRILLIC = join(fontsource, 'noto-sans-sc/files/noto-sans-sc-cyrillic-400-normal.woff2')
const NOTO_SANS_ARABIC = join(fontsource, 'noto-sans-arabic/files/noto-sans-arabic-arabic-700-normal.woff2')
/** The OpenType features that join Arabic letters and place their marks (GSUB and GPOS). */
const ARABIC_SHAPING = ['init', 'medi', 'fina', 'rlig', 'mark']

const cacheDir = mkdtempSync(join(tmpdir(), 'kiosk-font-subsets-'))
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

/** The OpenType layout features of a font file (fontkit reads them; modules.d.ts declares less). */
const featuresOf = (file: string) =>
  (create(readFileSync(file)) as unknown as { availableFeatures: string[] }).availableFeatures

describe('the font subsetter', () => {
  it('drops a face that has none of the characters the kiosk draws', async () => {
    expect(await subsetFontFace({ file: NOTO_SANS_SC_CYRILLIC }, '夜间腿抽筋', cacheDir)).toBeNull()
  })

  it('keeps exactly the characters asked for that the face has, and names them in its unicode-range', async () => {
    const subset = await subsetFontFace({ file: NOTO_SANS_LATIN, unicodeRange: 'U+0000-00FF' }, 'Hi! Ж ŧ', cacheDir)
    expect(subset?.unicodeRange).toBe('U+20-21,U+48,U+69')
    const font = create(readFileSync(subset!.file))
    const drawn = [...'Hi! Жŧx'].filter((character) => font.hasGlyphForCodePoint(character.codePointAt(0)!))
    expect(drawn.join('')).toBe('Hi! ')
  })

  it('keeps the features that join Arabic letters and place their marks', async () => {
    const subset = await subsetFontFace({ file: NOTO_SANS_ARABIC }, 'ما هو الشد العضلي؟ مُ', cacheDir)
    expect(featuresOf(subset!.file)).toEqual(expect.arrayContaining(ARABIC_SHAPING))
  })

  it(
    'ships at most 1 MiB of fonts in all',
    async () => {
      const files = new Map((await shippedFaces()).map((face) => [face.file, face.bytes]))
      expect([...files.values()].reduce((sum, bytes) => sum + bytes, 0)).toBeLessThanOrEqual(1024 * 1024)
    },
    SUBSETTING_TIMEOUT_MS,
  )
})
