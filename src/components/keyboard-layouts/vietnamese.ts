import type { KeyboardLayout } from './layouts'

/**
 * Layout: Vietnamese, in simple-keyboard's layout format (simple-keyboard-layouts
 * has none). The letter layers hold the Latin letters with Vietnamese's own
 * ă â đ ê ô ơ ư; the key `{alt}` opens the tone layer: one column per vowel
 * (a ă â e ê i o ô ơ u ư y), one row per marked tone (huyền, sắc, hỏi, ngã,
 * nặng), so "Phòng khám Đông Hòa" is typed letter by letter, a toned vowel
 * with two touches. Every toned vowel is one precomposed character (NFC), as
 * Vietnamese text is stored.
 */

/** The twelve vowels that carry Vietnamese tone marks, in alphabetical order. */
export const TONE_VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const

/** The five marked tones as combining marks: huyền (grave), sắc (acute), hỏi (hook above), ngã (tilde), nặng (dot below). */
export const TONE_MARKS = ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const

/** The punctuation and space row every layer ends with. */
const BOTTOM_ROW = ', {alt} {space} .'

/** One tone's twelve vowels as a row of keys, each vowel and mark composed into one character. */
export function toneRow(mark: string, upperCase: boolean): string {
  return TONE_VOWELS.map((vowel) => `${upperCase ? vowel.toUpperCase() : vowel}${mark}`.normalize('NFC')).join(' ')
}

/** The tone layer, in lower or upper case: the five tone rows with backspace and shift at their ends. */
function toneLayer(upperCase: boolean): string[] {
  const [grave, acute, hook, tilde, dot] = TONE_MARKS.map((mark) => toneRow(mark, upperCase))
  return [`${grave} {bksp}`, acute!, hook!, `{shift} ${tilde}`, dot!, BOTTOM_ROW]
}

const vietnamese: KeyboardLayout = {
  layout: {
    default: [
      '1 2 3 4 5 6 7 8 9 0 - {bksp}',
      'q w e r t y u i o p ư ơ',
      '{lock} a s d f g h j k l đ',
      '{shift} z x c v b n m ă â ê ô',
      BOTTOM_ROW,
    ],
    shift: [
      '! @ # $ % ^ & * ( ) _ {bksp}',
      'Q W E R T Y U I O P Ư Ơ',
      '{lock} A S D F G H J K L Đ',
      '{shift} Z X C V B N M Ă Â Ê Ô',
      BOTTOM_ROW,
    ],
    alt: toneLayer(false),
    altShift: toneLayer(true),
  },
  // The tone key shows what it opens: letters with tone marks.
  display: { '{alt}': 'à á ả' },
}

export default vietnamese
