import { getSilabas } from 'silabea'
import readability from 'text-readability'
import { describe, expect, it } from 'vitest'
import { CONTENT_SCREENS } from '../../../src/content/journey'
import { loadMessages, screenText } from './messages'

/** Every screen's text, the print messages, the printed handout's own text, and the closed screen's. */
const SCREENS_WITH_TEXT = [...CONTENT_SCREENS, 'sources', 'print', 'printed', 'closed'] as const

/** Each message reads as at least one sentence, as it does on screen. */
function asProse(messages: string[]): string {
  return messages.map((text) => (/[.!?:]$/.test(text) ? text : `${text}.`)).join(' ')
}

/**
 * Fernandez-Huerta reading ease for Spanish:
 * 206.84 - 0.60 x (syllables per 100 words) - 1.02 x (sentences per 100 words).
 * Syllables come from silabea, a Spanish syllabifier.
 */
function fernandezHuerta(messages: string[]): number {
  const words = messages.flatMap((text) => text.replace(/\{\w+\}/g, ' ').match(/[a-záéíóúüñ]+/gi) ?? [])
  const syllables = words.reduce((sum, word) => sum + Math.max(1, getSilabas(word.toLowerCase()).numeroSilaba), 0)
  const sentences = messages.reduce((sum, text) => sum + Math.max(1, text.match(/[.!?](\s|$)/g)?.length ?? 0), 0)
  return 206.84 - 0.6 * ((syllables / words.length) * 100) - 1.02 * ((sentences / words.length) * 100)
}

describe('readability', () => {
  const english = loadMessages('en')
  const spanish = loadMessages('es')

  it.each(SCREENS_WITH_TEXT)('English %s reads at US grade 6 or lower (Flesch-Kincaid)', (screen) => {
    expect(readability.fleschKincaidGrade(asProse(screenText(english, screen)))).toBeLessThanOrEqual(6)
  })

  it.each(SCREENS_WITH_TEXT)('Spanish %s scores 70 or more (Fernandez-Huerta)', (screen) => {
    expect(fernandezHuerta(screenText(spanish, screen))).toBeGreaterThanOrEqual(70)
  })

  it('the measures tell hard text from plain text', () => {
    const dense = [
      'Pharmacological interventions demonstrate inconsistent efficacy regarding nocturnal musculoskeletal manifestations.',
    ]
    expect(readability.fleschKincaidGrade(asProse(dense))).toBeGreaterThan(6)
    const denso = [
      'Las intervenciones farmacológicas demuestran eficacia inconsistente respecto a manifestaciones musculoesqueléticas nocturnas.',
    ]
    expect(fernandezHuerta(denso)).toBeLessThan(70)
  })
})
