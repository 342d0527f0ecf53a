import { beforeAll, describe, expect, it } from 'vitest'
import { LOCALE_TAGS } from '../../../electron/contract'
import { intlText } from '../../../scripts/kiosk-text.mjs'
import { fontFamiliesOf, LOCALES } from '../../../src/i18n/locales'
import { flatten, loadMessages } from './messages'
import { shippedFaces, SUBSETTING_TIMEOUT_MS, uncovered, type ShippedFace } from './shipped-fonts'

let faces: ShippedFace[] = []
beforeAll(async () => {
  faces = await shippedFaces()
}, SUBSETTING_TIMEOUT_MS)

describe('shipped font subsets', () => {
  it('ship every family that a locale names', () => {
    const shipped = new Set(faces.map((face) => face.family))
    for (const tag of LOCALE_TAGS)
      for (const family of fontFamiliesOf(LOCALES[tag].fontStack)) expect(shipped).toContain(family)
  })

  it.each(LOCALE_TAGS)(
    'draw every character the %s messages use, the language’s own name, and its numbers, dates and times',
    (tag) => {
      const text = [
        ...flatten(loadMessages(tag)).map(([, message]) => message),
        LOCALES[tag].nativeName,
        intlText(tag),
      ].join(' ')
      expect(uncovered(faces, text, LOCALES[tag].fontStack)).toEqual([])
    },
  )

  it('the coverage check notices a character no shipped subset has', () => {
    // ☃ and 𓀀 are in no Noto font the kiosk ships; Ж is in Noto Sans, but no kiosk text uses it, so no subset keeps it.
    expect(uncovered(faces, 'Ok ☃ 𓀀 Ж', LOCALES.en.fontStack)).toEqual(['☃', '𓀀', 'Ж'])
  })
})
