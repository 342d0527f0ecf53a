import { xliff2js } from 'xliff'
import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS, type LocaleTag } from '../../../electron/contract'
import { JOURNEY } from '../../../src/content/journey'
import { exportXliff, importXliff, XliffImportError } from '../../../scripts/review-xliff'
import { readMessages, visitorMessages, type Messages } from '../../../scripts/translation-reviews'
import { LOCALES_DIR, sharedMessages } from '../../support/locale-copies'

const english: Messages = {
  attract: { title: 'Night leg cramps' },
  about: { title: 'What is a night leg cramp?', step: 'Step {current} of {total}' },
  selfcheck: { count: 'You chose nothing yet. | You chose 1 thing. | You chose {count} things.' },
  handout: { title: 'Your handout' },
  printed: { title: 'Night leg cramps: what you can do' },
  staff: { save: 'Save' },
}
const spanish: Messages = {
  attract: { title: 'Calambres de noche' },
  about: { title: '¿Qué es un calambre?', step: 'Paso {current} de {total}' },
  selfcheck: { count: 'Aún nada. | Eligió 1 cosa. | Eligió {count} cosas. | Eligió {count} cosas.' },
  handout: { title: 'Su hoja' },
  printed: { title: 'Calambres: lo que puede hacer' },
  staff: { save: 'Guardar' },
}
const locales =
  (translation: Messages = spanish) =>
  (tag: LocaleTag) =>
    tag === 'en' ? english : translation
const exported = () => exportXliff('es', english, spanish)

/** The import's problems, or [] when it succeeds. */
async function problemsOf(xml: string): Promise<string[]> {
  try {
    await importXliff(xml, locales())
    return []
  } catch (error) {
    if (error instanceof XliffImportError) return error.problems
    throw error
  }
}

/** The file with one unit's target replaced. */
function withTarget(xml: string, unit: string, target: string): string {
  const pattern = new RegExp(`(<unit id="${unit.replace(/\./g, '\\.')}">[\\s\\S]*?)<target>[\\s\\S]*?</target>`)
  expect(xml).toMatch(pattern)
  return xml.replace(pattern, `$1${target}`)
}

describe('the XLIFF file of a review kit', () => {
  it('is XLIFF 2.0 from English to the language, one unit per visitor message with source and target', async () => {
    const xml = await exported()
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0"/,
    )
    expect(xml).toContain('version="2.0" srcLang="en" trgLang="es"')
    const document = await xliff2js(xml)
    const units = Object.values(document.resources!).flatMap((file) => Object.entries(file))
    expect(units.map(([id]) => id)).toEqual(visitorMessages(english).map(([key]) => key))
    for (const [id, unit] of units) {
      expect(unit.source, id).toBeTruthy()
      expect(unit.target, id).toBeTruthy()
    }
    expect(xml).not.toContain('Guardar')
  })

  it('has one <file> per screen in reading order, the printed handout after the handout screen', async () => {
    const document = await xliff2js(await exported())
    expect(Object.keys(document.resources!)).toEqual(['attract', 'about', 'selfcheck', 'handout', 'printed'])
    const real = await xliff2js(
      await exportXliff('pl', readMessages(LOCALES_DIR, 'en'), readMessages(LOCALES_DIR, 'pl')),
    )
    const files = Object.keys(real.resources!)
    expect(files.slice(0, JOURNEY.length + 2)).toEqual([...JOURNEY, 'print', 'printed'])
    expect(files).not.toContain('staff')
  })

  it('makes placeholders <ph/> codes, numbered in the source and repeated in the target as copies', async () => {
    const xml = await exported()
    expect(xml).toContain(
      '<source>Step <ph id="1" equiv="{current}" disp="{current}" type="ui" subType="xlf:var" canDelete="no"/> of ' +
        '<ph id="2" equiv="{total}" disp="{total}" type="ui" subType="xlf:var" canDelete="no"/></source>',
    )
    expect(xml).toMatch(/Eligió <ph id="1" [^>]*\/> cosas\. \| Eligió <ph id="2" [^>]*copyOf="1"\/> cosas\.<\/target>/)
    const unit = (await xliff2js(xml)).resources!.selfcheck!['selfcheck.count']!
    expect(unit.source).toEqual([
      'You chose nothing yet. | You chose 1 thing. | You chose ',
      { Standalone: expect.objectContaining({ id: '1', equiv: '{count}' }) },
      ' things.',
    ])
  })

  it('tells the translator how many plural forms the language needs, and to keep the placeholders', async () => {
    const xml = await exported()
    expect(xml).toContain('English has 3 (for 0 | one | other); Spanish needs 4 (for 0 | one | many | other)')
    expect(xml).toContain('The kiosk fills in {count}: keep each placeholder code in the translation.')
  })

  it('keeps text and codes apart: no line breaks or indentation inside a source or target', async () => {
    for (const match of (await exported()).matchAll(/<(source|target)>([\s\S]*?)<\/\1>/g)) {
      expect(match[2]).not.toMatch(/\n/)
    }
  })
})

describe('reading a returned file back', () => {
  it.each(LOCALE_TAGS.filter((tag) => tag !== 'en'))(
    'gives back every %s message unchanged, plural forms and placeholders included',
    async (tag) => {
      const source = readMessages(LOCALES_DIR, 'en')
      const translation = readMessages(LOCALES_DIR, tag)
      const pair = { en: sharedMessages(source, translation), target: sharedMessages(translation, source) }
      const read = (wanted: LocaleTag) => (wanted === 'en' ? pair.en : pair.target)
      const imported = await importXliff(await exportXliff(tag, pair.en, pair.target), read)
      expect(imported.tag).toBe(tag)
      expect(imported.changed).toEqual([])
      expect(imported.messages).toEqual(pair.target)
    },
  )

  it('changes exactly the target that was edited, keeping its placeholders and the rest of the file', async () => {
    const xml = withTarget(
      await exported(),
      'selfcheck.count',
      '<target>Nada todavía. | Eligió 1 cosa. | Eligió <ph id="1"/> cosas. | Eligió <ph id="2" copyOf="1"/> cosas.</target>',
    )
    const imported = await importXliff(xml, locales())
    expect(imported.changed).toEqual(['selfcheck.count'])
    expect(imported.messages).toEqual({
      ...spanish,
      selfcheck: { count: 'Nada todavía. | Eligió 1 cosa. | Eligió {count} cosas. | Eligió {count} cosas.' },
    })
  })

  it.each([
    [
      'a target without its placeholder',
      'about.step',
      '<target>Paso de <ph id="2"/></target>',
      /lacks the placeholder \{current\}/,
    ],
    [
      'a placeholder code the source does not have',
      'about.step',
      '<target>Paso <ph id="7"/> de <ph id="2"/></target>',
      /<ph id="7"\/> its source does not have/,
    ],
    [
      'a mistyped placeholder',
      'about.step',
      '<target>Paso {curent} de <ph id="2"/></target>',
      /lacks the placeholder \{current\}[\s\S]*has a placeholder the English does not: \{curent\}/,
    ],
    [
      'a placeholder the English does not have',
      'attract.title',
      '<target>Calambres {name}</target>',
      /the English does not: \{name\}/,
    ],
    ['a broken placeholder', 'about.step', '<target>Paso {current de <ph id="2"/></target>', /not a valid message/],
    [
      'too few plural forms',
      'selfcheck.count',
      '<target>Nada. | Eligió 1 cosa. | Eligió <ph id="1"/> cosas.</target>',
      /has 3 plural forms; Spanish needs 4 \(for 0, one, many, other\)/,
    ],
    [
      'a "|" in a message that is not plural',
      'attract.title',
      '<target>Calambres | de noche</target>',
      /plural separator/,
    ],
    ['an empty target', 'attract.title', '<target></target>', /the target is empty/],
    ['no target', 'attract.title', '', /unit "attract.title" has no target/],
    ['a formatting element', 'attract.title', '<target><pc id="1">Calambres</pc></target>', /<Span> element/],
    [
      'an annotation',
      'attract.title',
      '<target><mrk id="m1" type="comment">Calambres</mrk></target>',
      /<mrk> annotations/,
    ],
  ])('refuses %s, naming the unit', async (_, unit, target, message) => {
    const problems = await problemsOf(withTarget(await exported(), unit, target))
    expect(problems.join('\n')).toMatch(new RegExp(`unit "${unit.replace(/\./g, '\\.')}"`))
    expect(problems.join('\n')).toMatch(message)
  })

  it('lists every broken unit at once', async () => {
    let xml = withTarget(await exported(), 'about.step', '<target>Paso de</target>')
    xml = withTarget(xml, 'printed.title', '<target>Calambres {x}</target>')
    const problems = await problemsOf(xml)
    expect(problems).toHaveLength(2)
    expect(problems[0]).toMatch(/^unit "about.step"/)
    expect(problems[1]).toMatch(/^unit "printed.title"/)
  })

  it('refuses a file whose English is not the English of the kiosk now, or that lacks a message', async () => {
    const xml = await exported()
    expect(await problemsOf(xml.replace('<source>Your handout</source>', '<source>Your leaflet</source>'))).toEqual([
      `unit "handout.title": its source is not the kiosk's English now (export a new kit)`,
    ])
    const withoutUnit = xml.replace(/<unit id="handout\.title">[\s\S]*?<\/unit>/, '')
    expect(await problemsOf(withoutUnit)).toEqual(['unit "handout.title" is missing'])
    const extraUnit = xml.replace(
      '<unit id="handout.title">',
      '<unit id="staff.save"><segment><source>Save</source><target>Guardar</target></segment></unit><unit id="handout.title">',
    )
    expect(await problemsOf(extraUnit)).toEqual(['unit "staff.save" is not a visitor message of the kiosk'])
  })

  it('refuses what is not an XLIFF 2.0 review of a shipped translation', async () => {
    const xml = await exported()
    expect(await problemsOf('<html><body>not xliff</body></html>')).toEqual([
      expect.stringMatching(/not an XLIFF document|not XLIFF 2.0/),
    ])
    expect(await problemsOf('<xliff version="1.2"><file/></xliff>')).toEqual([
      'the file is not XLIFF 2.0 (version 1.2)',
    ])
    expect(await problemsOf(xml.replace('trgLang="es"', 'trgLang="en"'))).toEqual([
      'the target language "en" is not a translation the kiosk ships',
    ])
    expect(await problemsOf(xml.replace('trgLang="es"', 'trgLang="fr"'))).toEqual([
      'the target language "fr" is not a translation the kiosk ships',
    ])
    expect(await problemsOf(xml.replace('srcLang="en"', 'srcLang="de"'))).toEqual([
      'the source language is "de", not en',
    ])
    expect(await problemsOf(xml.slice(0, 400))).toEqual([expect.stringMatching(/not an XLIFF document/)])
  })
})
