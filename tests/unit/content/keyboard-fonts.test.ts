import { beforeAll, describe, expect, it } from 'vitest'
import { LOCALE_TAGS, type LocaleTag } from '../../../electron/contract'
import { LOCALES } from '../../../src/i18n/locales'
import { shippedFaces, SUBSETTING_TIMEOUT_MS, uncovered, type ShippedFace } from './shipped-fonts'

let faces: ShippedFace[] = []
beforeAll(async () => {
  faces = await shippedFaces()
}, SUBSETTING_TIMEOUT_MS)

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

/**
 * Everything a layout's keys show: the letters they type and their own labels.
 * Not the Chinese layout's pinyin candidates: about 6,700 characters, most of
 * which no screen shows, would make Noto Sans SC's subset several megabytes.
 * The system's CJK font draws those (Microsoft YaHei on Windows, Noto Sans CJK
 * from fonts-noto-cjk on Linux), as it draws Han characters staff type into the
 * clinic's name that no message uses.
 */
function shownBy(layout: KeyboardLayout): string {
  const keys = Object.values(layout.layout).flatMap((rows) => rows.flatMap((row) => row.split(' ')))
  return [...keys.filter((key) => !/^\{.+\}$/.test(key)), ...Object.values(layout.display ?? {})].join(' ')
}

describe.each(LOCALE_TAGS)('the on-screen keyboard of a clinic in %s', (tag) => {
  it('shows on its keys only characters the shipped font subsets draw (pinyin candidates excepted)', () => {
    const layouts = [
      textLayout(tag, offersEnglish(tag)),
      PHONE_PAD,
      ...(offersEnglish(tag) ? [textLayout('en', true)] : []),
    ]
    expect(uncovered(faces, layouts.map(shownBy).join(' '), LOCALES[tag].fontStack)).toEqual([])
  })
})
