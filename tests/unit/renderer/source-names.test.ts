import { describe, expect, it } from 'vitest'
import { shortSourceNames } from '../../../src/content/sources'
import { sourceNamesText } from '../../../src/i18n/format'

const FSI = '\u2068'
const PDI = '\u2069'
const names = shortSourceNames('doctor')
const last = names.at(-1)!

describe('the list of source names in a sentence', () => {
  it('in Urdu, isolates each Latin name and keeps the commas and "and" outside, so the list runs right to left', () => {
    const text = sourceNamesText('ur', 'doctor')
    for (const name of names) expect(text).toContain(`${FSI}${name}${PDI}`)
    // One isolate per name and none around the whole list, which would make it read left to right.
    expect(text.split(FSI)).toHaveLength(names.length + 1)
    expect(text.startsWith(`${FSI}${names[0]}${PDI}`)).toBe(true)
    expect(text.endsWith(`اور ${FSI}${last}${PDI}`)).toBe(true)
  })

  it('in Arabic, puts the Arabic "and" before the last name', () => {
    expect(sourceNamesText('ar', 'doctor').endsWith(`و${FSI}${last}${PDI}`)).toBe(true)
  })

  it('in English, reads as the plain list once the isolates are set aside', () => {
    const plain = sourceNamesText('en', 'doctor').replace(/[\u2068\u2069]/g, '')
    expect(plain).toBe(new Intl.ListFormat('en', { type: 'conjunction' }).format(names))
    expect(plain).toMatch(/, and [^,]+$/)
  })
})
