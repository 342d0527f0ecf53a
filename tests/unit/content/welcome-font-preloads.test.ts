import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { welcomeText } from '../../../scripts/kiosk-text.mjs'
import { facesForText, fontFacesOf } from '../../../scripts/welcome-font-preloads.mjs'
import { fontFamiliesOf, LOCALES } from '../../../src/i18n/locales'

const root = join(import.meta.dirname, '../../..')

/** A stylesheet as a build minifies it: Latin and Latin Extended faces of Noto Sans, Arabic and Nastaliq faces. */
const STYLESHEET = [
  '@font-face{font-family:Noto Sans;font-weight:400;src:url(./latin-400.woff2)format("woff2");unicode-range:U+20-7e}',
  '@font-face{font-family:Noto Sans;font-weight:700;src:url(./latin-700.woff2)format("woff2");unicode-range:U+20-7e}',
  '@font-face{font-family:Noto Sans;font-weight:400;src:url(./latin-ext-400.woff2)format("woff2");unicode-range:U+141-142}',
  '@font-face{font-family:"Noto Sans Arabic";font-weight:700;src:url("./arabic-700.woff2") format("woff2");unicode-range:U+600-6ff}',
  "@font-face{font-family:'Noto Nastaliq Urdu';font-weight:400;src:url(./nastaliq-400.woff2);unicode-range:U+627,U+6cc}",
].join('')

const urlsFor = (parts: { families: string[]; text: string }[]) =>
  facesForText(fontFacesOf(STYLESHEET), parts).map((face) => face.url)

describe('the welcome screen’s font preloads', () => {
  it('read each @font-face of a minified stylesheet: family, weight, file and unicode-range', () => {
    expect(fontFacesOf(STYLESHEET)[3]).toEqual({
      family: 'Noto Sans Arabic',
      weight: '700',
      url: './arabic-700.woff2',
      unicodeRange: 'U+600-6ff',
    })
    expect(fontFacesOf(STYLESHEET)).toHaveLength(5)
  })

  it('preload only the files the text falls in, at every weight of its family', () => {
    expect(urlsFor([{ families: ['Noto Sans'], text: 'Start' }])).toEqual(['./latin-400.woff2', './latin-700.woff2'])
    expect(urlsFor([{ families: ['Noto Sans'], text: 'Polski ł' }])).toEqual([
      './latin-400.woff2',
      './latin-700.woff2',
      './latin-ext-400.woff2',
    ])
  })

  it('take a character from the first family of its stack that holds it, as the browser does', () => {
    // Nastaliq holds ا and ی; و falls through to Noto Sans Arabic. No Latin: spaces are not drawn.
    expect(urlsFor([{ families: ['Noto Nastaliq Urdu', 'Noto Sans Arabic', 'Noto Sans'], text: 'ا و ی' }])).toEqual([
      './arabic-700.woff2',
      './nastaliq-400.woff2',
    ])
  })

  it('cover the welcome screen’s words: the English welcome and every language’s own name and invitation', () => {
    const parts = welcomeText(root)
    const text = parts.map((part) => part.text).join(' ')
    expect(text).toContain('Choose your language')
    for (const locale of Object.values(LOCALES)) {
      expect(text).toContain(locale.nativeName)
      expect(
        parts.some(
          (part) => part.text.startsWith(locale.nativeName) && part.families[0] === fontFamiliesOf(locale.fontStack)[0],
        ),
      ).toBe(true)
    }
  })
})
