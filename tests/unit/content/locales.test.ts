import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { baseCompile } from '@intlify/message-compiler'
import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS } from '../../../electron/contract'
import { pluralFormCount } from '../../../src/i18n/plural'
import { flatten, loadMessages } from './messages'

const english = flatten(loadMessages('en'))
const pluralKeys = english.filter(([, text]) => text.includes(' | ')).map(([key]) => key)
const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]))].sort()

describe('locale files', () => {
  it('exist for exactly the registered languages', () => {
    const files = readdirSync(join(import.meta.dirname, '../../../locales')).filter((file) => file.endsWith('.json'))
    expect(files.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...LOCALE_TAGS].sort())
  })

  it('the completeness checks notice a missing key and a lost placeholder', () => {
    const broken = new Map(english.filter(([key]) => key !== 'doctor.title'))
    expect(english.map(([key]) => key).filter((key) => !broken.has(key))).toEqual(['doctor.title'])
    expect(placeholders('Paso {current} de 8')).not.toEqual(placeholders('Step {current} of {total}'))
  })
})

describe.each(LOCALE_TAGS)('%s', (tag) => {
  const messages = flatten(loadMessages(tag))
  const byKey = new Map(messages)

  it('has exactly the keys of en.json', () => {
    expect(messages.map(([key]) => key).sort()).toEqual(english.map(([key]) => key).sort())
  })

  it('uses the same named placeholders as English in every message', () => {
    const different = english.filter(
      ([key, text]) => `${placeholders(byKey.get(key) ?? '')}` !== `${placeholders(text)}`,
    )
    expect(different.map(([key]) => key)).toEqual([])
  })

  it(`gives plural messages one form for zero plus one per plural category of ${tag}`, () => {
    for (const key of pluralKeys) {
      expect(byKey.get(key)?.split(' | ').length, key).toBe(pluralFormCount(tag))
    }
  })

  it('has only messages that compile and are not empty', () => {
    for (const [key, text] of messages) {
      expect(text.trim(), key).not.toBe('')
      expect(
        () =>
          baseCompile(text, {
            onError: (error) => {
              throw error
            },
          }),
        key,
      ).not.toThrow()
    }
  })
})
