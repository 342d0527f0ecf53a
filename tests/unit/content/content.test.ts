import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS } from '../../../electron/contract'
import {
  APPOINTMENT_SIGNS,
  CAUSE_CARDS,
  CONTENT_SCREENS,
  DURING_STEPS,
  HABITS,
  SELFCHECK_ITEMS,
  STRETCH_STEPS,
  SUMMARY_POINTS,
  URGENT_SIGNS,
} from '../../../src/content/journey'
import { SCREEN_SOURCES, SOURCES } from '../../../src/content/sources'
import { flatten, loadMessages, messageAt } from './messages'

/** The facts the kiosk exists to teach, each by the message that carries it. */
const REQUIRED_FACTS = {
  'a cramp is a sudden, painful tightening': 'about.feel',
  'how long a cramp lasts': 'about.howLong',
  'how common cramps are': 'about.common',
  'most cramps have no known cause': 'about.cause',
  'cramp versus restless legs: what a cramp feels like': 'about.compare.cramp.feel',
  'cramp versus restless legs: stretching helps a cramp': 'about.compare.cramp.help',
  'cramp versus restless legs: moving helps restless legs': 'about.compare.rls.help',
  'restless legs: tell your doctor': 'about.action',
  'linked to, not caused by': 'causes.lead',
  'do not stop a medicine on your own': 'causes.cards.medicines.action',
  'pain pills are too slow to stop a cramp': 'during.pain',
  'prevention may not stop all cramps': 'prevention.lead',
  'fluids unless the doctor limits them': 'prevention.habits.drink',
  'quinine: do not take it for cramps unless prescribed': 'avoid.quinine.action',
  'quinine: serious blood problems': 'avoid.quinine.risk',
  'magnesium: ask before supplements': 'avoid.magnesium.action',
  'blood clot warning': 'doctor.urgent.clot',
  'a cramp over 10 minutes': 'doctor.urgent.long',
  'cramps after a wound (tetanus)': 'doctor.urgent.wound',
  'cramps after a toxin': 'doctor.urgent.toxin',
  'new weakness or loss of feeling': 'doctor.urgent.weak',
  'cramps after a new medicine': 'doctor.soon.medicine',
  'calf pain when walking': 'doctor.soon.walking',
  'when the content was last checked': 'sources.reviewed',
}

const STRUCTURED_KEYS = [
  ...CAUSE_CARDS.flatMap((card) => ['title', 'summary', 'detail'].map((part) => `causes.cards.${card}.${part}`)),
  ...SELFCHECK_ITEMS.flatMap((item) => [`selfcheck.items.${item}`, `handout.tips.${item}`]),
  ...DURING_STEPS.map((step) => `during.steps.${step}`),
  ...STRETCH_STEPS.map((step) => `prevention.stretch.${step}`),
  ...HABITS.map((habit) => `prevention.habits.${habit}`),
  ...URGENT_SIGNS.map((sign) => `doctor.urgent.${sign}`),
  ...APPOINTMENT_SIGNS.map((sign) => `doctor.soon.${sign}`),
  ...SUMMARY_POINTS.map((point) => `handout.summary.${point}`),
  ...CONTENT_SCREENS.map((screen) => `${screen}.title`),
]

describe.each(LOCALE_TAGS)('content in %s', (tag) => {
  const messages = loadMessages(tag)

  it.each(Object.entries(REQUIRED_FACTS))('teaches that %s', (_fact, key) => {
    expect(messageAt(messages, key)?.trim(), key).toBeTruthy()
  })

  it('has the words for every card, choice, step and sign of the journey', () => {
    const missing = STRUCTURED_KEYS.filter((key) => !messageAt(messages, key)?.trim())
    expect(missing).toEqual([])
  })

  it('lists the urgent signs first with the blood clot at the top, apart from the appointment reasons', () => {
    expect(URGENT_SIGNS[0]).toBe('clot')
    expect(messageAt(messages, 'doctor.urgent.title')).not.toBe(messageAt(messages, 'doctor.soon.title'))
  })
})

describe('the corrections to the original article hold', () => {
  const english = flatten(loadMessages('en'))
  const text = english.map(([, message]) => message.toLowerCase()).join('\n')

  it('does not list restless legs as a cause of cramps', () => {
    expect(CAUSE_CARDS).not.toContain('rls')
    expect(messageAt(loadMessages('en'), 'causes.cards.conditions.detail')).not.toMatch(/restless/i)
  })

  it('does not lead with low sodium, or call stretching a trigger', () => {
    expect(text).not.toMatch(/hyponatr|low sodium|excessive stretching/)
    expect(CAUSE_CARDS.indexOf('fluids')).toBe(CAUSE_CARDS.length - 1)
  })

  it('names inhalers, not only diuretics and statins, among the medicines', () => {
    expect(messageAt(loadMessages('en'), 'causes.cards.medicines.detail')).toMatch(/inhaler/i)
  })
})

describe('sources', () => {
  it('every content screen cites at least one known source', () => {
    for (const screen of CONTENT_SCREENS) {
      expect(SCREEN_SOURCES[screen].length, screen).toBeGreaterThan(0)
      for (const source of SCREEN_SOURCES[screen]) expect(SOURCES).toHaveProperty(source)
    }
  })
})
