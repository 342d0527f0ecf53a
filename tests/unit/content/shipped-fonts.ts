import { readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { create } from 'fontkit'
import { preprocessCSS, resolveConfig } from 'vite'
import { kioskFontSubsets, unicodeRangeTest } from '../../../scripts/font-subsets.mjs'
import { fontFacesOf } from '../../../scripts/welcome-font-preloads.mjs'
import { fontFamiliesOf } from '../../../src/i18n/locales'

const root = join(import.meta.dirname, '../../..')

/** A font face a production build ships: its family and weight, its subset file, and what it draws. */
export interface ShippedFace {
  family: string
  weight: string
  file: string
  bytes: number
  hasGlyph: (codePoint: number) => boolean
}

/**
 * Subsetting every face on a cold cache takes a minute or more on a busy
 * 2-core machine; from the cache (a build or an earlier run filled it), seconds.
 */
export const SUBSETTING_TIMEOUT_MS = 600_000

/**
 * The font faces a production build ships: src/styles/fonts.css through Vite's
 * CSS pipeline with the build's own subsetting plugin (no pseudo-locale), so
 * the subsets are the build's, from the same cache. A face checks its
 * unicode-range too, as the browser does.
 */
export async function shippedFaces(): Promise<ShippedFace[]> {
  const config = await resolveConfig(
    {
      root,
      configFile: false,
      logLevel: 'silent',
      css: { postcss: { plugins: [kioskFontSubsets({ root, withPseudoLocale: false })] } },
    },
    'build',
  )
  const stylesheet = join(root, 'src/styles/fonts.css')
  const { code } = await preprocessCSS(readFileSync(stylesheet, 'utf8'), stylesheet, config)
  return fontFacesOf(code).map(({ family, weight, url: file, unicodeRange }) => {
    const inRange = unicodeRangeTest(unicodeRange)
    const font = create(readFileSync(file))
    return {
      family,
      weight,
      file,
      bytes: statSync(file).size,
      hasGlyph: (codePoint: number) => inRange(codePoint) && font.hasGlyphForCodePoint(codePoint),
    }
  })
}

/**
 * The characters of `text` that no shipped face of a CSS font stack draws at
 * regular weight (spaces and format controls such as the bidi isolates are not
 * drawn): the ones a visitor would see in a fallback font.
 */
export function uncovered(faces: readonly ShippedFace[], text: string, stack: string): string[] {
  const stackFaces = faces.filter((face) => face.weight === '400' && fontFamiliesOf(stack).includes(face.family))
  return [...new Set(text)]
    .filter((character) => !/[\s\p{Cf}]/u.test(character))
    .filter((character) => !stackFaces.some((face) => face.hasGlyph(character.codePointAt(0)!)))
}
