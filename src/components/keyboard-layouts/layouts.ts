import arabic from 'simple-keyboard-layouts/build/layouts/arabic'
import chinese from 'simple-keyboard-layouts/build/layouts/chinese'
import english from 'simple-keyboard-layouts/build/layouts/english'
import polish from 'simple-keyboard-layouts/build/layouts/polish'
import spanish from 'simple-keyboard-layouts/build/layouts/spanish'
import urdu from 'simple-keyboard-layouts/build/layouts/urdu'
import type { LocaleTag } from '../../../electron/contract'
import vietnamese from './vietnamese'

/**
 * A keyboard layout in simple-keyboard's format: layers (`default`, `shift`,
 * and for the Vietnamese tones `alt` and `altShift`) of rows of space-separated
 * keys, `{name}` for a function key.
 */
export interface KeyboardLayout {
  layout: Record<string, string[]>
  /** Typed letters and the characters they may stand for, space-separated (Chinese pinyin). */
  layoutCandidates?: Record<string, string>
  /** Labels (HTML) for keys whose own name would not say what they do. */
  display?: Record<string, string>
}

/** The package's layouts are typed without their pinyin candidates, which the Chinese one has. */
const chineseWithCandidates = chinese as KeyboardLayout

/** The layout each clinic language types its clinic name with. */
const LAYOUT_OF: Readonly<Record<LocaleTag, KeyboardLayout>> = {
  en: english,
  es: spanish,
  'zh-Hans': chineseWithCandidates,
  vi: vietnamese,
  tl: english,
  ar: arabic,
  pl: polish,
  ur: urdu,
}

/** Keys a one-line field has no use for: Tab and Enter (Done ends typing)… */
const LEFT_OUT = new Set(['{tab}', '{enter}'])
/** …and the e-mail helpers beside the space bar. */
const LEFT_OUT_BY_SPACE = new Set(['.com', '@'])

/**
 * Characters no font the kiosk ships draws (tests/unit/content/keyboard-fonts.test.ts finds them), left off
 * the keys and the candidate lists: the Polish layout's spacing ogonek (its letters with ogonek have keys),
 * a Syriac and a Hebrew sign in the Urdu layout, and 33 rare characters the Noto Sans SC subsets lack.
 */
const UNDRAWN = new Set('˛܃״蓰筢蹯艴瘭耠劐齄骣犋耥铴膪赇镩憝阢轷塥戤胲脶牿蟓蒈弪桊耢毪坶稆猸鲰')

/**
 * The phone-number pad: digits as on a telephone, the signs phone numbers are
 * written with, backspace, space and Done.
 */
export const PHONE_PAD: KeyboardLayout = {
  layout: { default: ['1 2 3 {bksp}', '4 5 6 +', '7 8 9 -', '( 0 ) {space}', '{done}'] },
}

/**
 * The clinic languages whose keyboard also offers the English layout, so Latin
 * letters can always be typed: Arabic and Urdu letters are not Latin, and
 * Chinese Latin letters stand for pinyin. The other layouts are Latin already.
 */
const WITH_ENGLISH: ReadonlySet<LocaleTag> = new Set(['zh-Hans', 'ar', 'ur'])

/** Whether a clinic language's keyboard has the key that switches between its letters and English (`{lang}`). */
export function offersEnglish(tag: LocaleTag): boolean {
  return WITH_ENGLISH.has(tag)
}

/**
 * The keys for a line of text in a language's layout: Tab, Enter and the
 * characters no shipped font draws left out, and the space bar's row ending in
 * Done, led by the key that switches between the clinic's letters and English
 * (`{lang}`) when `languageKey` is set.
 */
export function textLayout(tag: LocaleTag, languageKey: boolean): KeyboardLayout {
  const source = LAYOUT_OF[tag]
  const oneLine = (row: string) => {
    const keys = row.split(' ').filter((key) => !LEFT_OUT.has(key) && !UNDRAWN.has(key))
    if (!keys.includes('{space}')) return keys.join(' ')
    const bottom = keys.filter((key) => !LEFT_OUT_BY_SPACE.has(key))
    return [...(languageKey ? ['{lang}'] : []), ...bottom, '{done}'].join(' ')
  }
  const layers = Object.entries(source.layout).map(([name, rows]) => [name, rows.map(oneLine)] as const)
  const candidates = Object.entries(source.layoutCandidates ?? {}).map(
    ([typed, characters]) =>
      [
        typed,
        characters
          .split(' ')
          .filter((one) => !UNDRAWN.has(one))
          .join(' '),
      ] as const,
  )
  return {
    ...source,
    layout: Object.fromEntries(layers),
    ...(source.layoutCandidates ? { layoutCandidates: Object.fromEntries(candidates) } : {}),
  }
}
