import { describe, expect, it } from 'vitest'
import vietnamese, { TONE_MARKS, TONE_VOWELS } from '../../../src/components/keyboard-layouts/vietnamese'

const layers = vietnamese.layout
const keysOf = (rows: string[]) => rows.flatMap((row) => row.split(' ')).filter((key) => !/^\{.+\}$/.test(key))
const everyKey = new Set(Object.values(layers).flatMap(keysOf))
/** The tone rows of a tone layer, without the function keys at their ends. */
const toneRows = (name: 'alt' | 'altShift') => layers[name]!.slice(0, TONE_MARKS.length).map((row) => keysOf([row]))

describe('the Vietnamese keyboard layout', () => {
  it('has the letter layers and their tone layers, with the same bottom row', () => {
    expect(Object.keys(layers).sort()).toEqual(['alt', 'altShift', 'default', 'shift'])
    const bottoms = Object.values(layers).map((rows) => rows.at(-1))
    expect(new Set(bottoms)).toEqual(new Set([', {alt} {space} .']))
  })

  it('puts one tone in each row and one vowel in each column, each a single precomposed letter', () => {
    for (const [name, upperCase] of [
      ['alt', false],
      ['altShift', true],
    ] as const) {
      toneRows(name).forEach((row, tone) => {
        expect(row).toHaveLength(TONE_VOWELS.length)
        row.forEach((key, column) => {
          const vowel = upperCase ? TONE_VOWELS[column]!.toUpperCase() : TONE_VOWELS[column]!
          expect([...key], key).toHaveLength(1)
          expect(key.normalize('NFC'), key).toBe(key)
          expect(key.normalize('NFD')).toBe(`${vowel}${TONE_MARKS[tone]}`.normalize('NFD'))
        })
      })
    }
  })

  it('can type every letter of the Vietnamese alphabet, with every tone, in both cases', () => {
    const letters = 'aăâbcdđeêghiklmnoôơpqrstuưvxy'
    const toned = TONE_VOWELS.flatMap((vowel) => TONE_MARKS.map((mark) => `${vowel}${mark}`.normalize('NFC')))
    for (const letter of [...letters, ...toned]) {
      expect(everyKey, letter).toContain(letter)
      expect(everyKey, letter.toUpperCase()).toContain(letter.toUpperCase())
    }
  })

  it('types a clinic name such as "Phòng khám Đông Hòa" key by key', () => {
    const missing = [...'Phòng khám Đông Hòa'.replaceAll(' ', '')].filter((letter) => !everyKey.has(letter))
    expect(missing).toEqual([])
  })

  it('labels the tone key with toned letters, not its name', () => {
    expect(vietnamese.display?.['{alt}']).toBe('à á ả')
  })
})
