import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import { LOCALE_TAGS, type LocaleTag } from '../../../electron/contract'
import { emergencyCallMessage, getHelpTodayMessage, type MessageCall } from '../../../src/content/contacts'
import {
  APPOINTMENT_SIGNS,
  CAUSE_CARDS,
  CAUSE_LISTS,
  CONTENT_SCREENS,
  DURING_OPTIONS,
  DURING_STRETCHES,
  EMERGENCY_SIGNS,
  HABITS,
  SELFCHECK_ITEMS,
  STRETCH_STEPS,
  SUMMARY_POINTS,
  URGENT_SIGNS,
} from '../../../src/content/journey'
import { CONTENT_REVIEWED_ON, SCREEN_SOURCES, SOURCES } from '../../../src/content/sources'
import { flatten, loadMessages, messageAt, type Messages } from './messages'

/** The facts the kiosk exists to teach, each by the message that carries it. */
const REQUIRED_FACTS = {
  'a cramp is a sudden, painful tightening': 'about.feel',
  'you cannot control the muscle, but stretching helps it let go': 'about.feel',
  'how long a cramp lasts': 'about.howLong',
  'soreness for up to a day after a cramp is normal': 'about.howLong',
  'how common cramps are': 'about.common',
  'cramps are usually harmless and pass within minutes': 'about.harmless',
  'most cramps have no known cause': 'about.cause',
  'cramp versus restless legs: what a cramp feels like': 'about.compare.cramp.feel',
  'cramp versus restless legs: stretching helps a cramp': 'about.compare.cramp.help',
  'cramp versus restless legs: moving helps restless legs': 'about.compare.rls.help',
  'restless legs: tell your doctor': 'about.action',
  'linked to, not caused by': 'causes.lead',
  'COPD in plain words': 'causes.cards.medicines.detail',
  'dialysis in plain words': 'causes.cards.conditions.list.kidney',
  'the thyroid in plain words': 'causes.cards.conditions.list.thyroid',
  'heavy drinking is linked to cramps': 'causes.cards.alcohol.summary',
  'do not stop a medicine on your own': 'causes.cards.medicines.action',
  'during a cramp, the stretches are alternatives: do one of them': 'during.choiceTitle',
  'hold on to something steady when standing up': 'during.steps.stand',
  'warm, not hot; numb feet: check with a hand first': 'during.steps.warm',
  'pain pills (named) are too slow to stop a cramp': 'during.pain',
  'prevention may not stop all cramps': 'prevention.lead',
  'fluids unless the doctor limits them': 'prevention.habits.drink',
  'quinine: do not take it for leg cramps': 'avoid.quinine.action',
  'quinine: serious blood problems': 'avoid.quinine.risk',
  'quinine: tonic water is no treatment': 'avoid.quinine.what',
  'quinine: already prescribed, do not stop on your own': 'avoid.quinine.prescribed',
  'quinine: the signs to get help at once': 'avoid.quinine.signs',
  'magnesium: ask before supplements': 'avoid.magnesium.action',
  'emergency: call the configured number now': 'doctor.emergency.call',
  'emergency: call the local emergency number now': 'doctor.emergency.callLocal',
  'emergency: leg pain or swelling with one of the signs': 'doctor.emergency.lead',
  'emergency: a clot may have moved to the lungs': 'doctor.emergency.why',
  'get help today: call the clinic or tell the front desk': 'doctor.urgent.callClinic',
  'get help today: tell the front desk': 'doctor.urgent.tellDesk',
  'blood clot warning': 'doctor.urgent.clot',
  'a cramp over 10 minutes': 'doctor.urgent.long',
  'cramps after a wound (tetanus)': 'doctor.urgent.wound',
  'cramps after a toxin': 'doctor.urgent.toxin',
  'new weakness or loss of feeling': 'doctor.urgent.weak',
  'cramps after a new medicine': 'doctor.soon.medicine',
  'calf pain when walking': 'doctor.soon.walking',
  'leg muscles getting weaker or smaller': 'doctor.soon.shrink',
  'the kiosk’s makers wrote the text from the sources': 'sources.lead',
  'when the content was last checked': 'sources.reviewed',
  'who reviewed the content clinically': 'sources.clinicalReview',
  'that no clinician has reviewed it yet': 'sources.notReviewed',
  'the checklist: one tick per row per day': 'printed.checklistLead',
  'on paper: call the clinic’s phone': 'printed.callClinic',
  'on paper: call a doctor or clinic': 'printed.callDoctor',
}

const STRUCTURED_KEYS = [
  ...CAUSE_CARDS.flatMap((card) => ['title', 'summary', 'detail'].map((part) => `causes.cards.${card}.${part}`)),
  ...Object.entries(CAUSE_LISTS).flatMap(([card, items]) => items.map((item) => `causes.cards.${card}.list.${item}`)),
  ...SELFCHECK_ITEMS.flatMap((item) => [`selfcheck.items.${item}`, `handout.tips.${item}`]),
  ...[...DURING_STRETCHES, ...DURING_OPTIONS].map((step) => `during.steps.${step}`),
  ...STRETCH_STEPS.map((step) => `prevention.stretch.${step}`),
  ...HABITS.map((habit) => `prevention.habits.${habit}`),
  ...EMERGENCY_SIGNS.map((sign) => `doctor.emergency.signs.${sign}`),
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

  it('names the clinic’s emergency number in the emergency tier, or says “your local emergency number”', () => {
    const withNumber = render(
      tag,
      messages,
      emergencyCallMessage('999', (value) => value),
    )
    const without = render(
      tag,
      messages,
      emergencyCallMessage('', (value) => value),
    )
    expect(withNumber).toContain('999')
    expect(without).not.toContain('999')
    expect(without.trim()).not.toBe('')
    expect(messageAt(messages, 'doctor.emergency.callLocal')).not.toMatch(/\{/)
  })

  it('says how to get help today with the clinic’s phone where it is set, on screen and on paper', () => {
    for (const where of ['screen', 'paper'] as const) {
      expect(
        render(
          tag,
          messages,
          getHelpTodayMessage('555-0100', where, (value) => value),
        ),
        where,
      ).toContain('555-0100')
      expect(
        render(
          tag,
          messages,
          getHelpTodayMessage('', where, (value) => value),
        ).trim(),
        where,
      ).not.toBe('')
    }
  })
})

/** A message as vue-i18n renders it, with the values a clinic setting supplies. */
function render(tag: LocaleTag, messages: Messages, { key, named }: MessageCall): string {
  const i18n = createI18n({ legacy: false, locale: tag, missingWarn: false, messages: { [tag]: messages } })
  return i18n.global.t(key, named)
}

/**
 * Words for a sore muscle, by language. After a cramp the muscle can be sore
 * for up to a day; that is normal, so no emergency or urgent sign and no point
 * of the handout's summary may name soreness as a warning sign. A translator
 * adds their language's words here. Tagalog and Arabic have no word for
 * soreness apart from the word for pain ("masakit", "مؤلم"), which the warning
 * signs rightly use, so their review checks this by reading.
 */
const SORENESS_WORDS: Partial<Record<LocaleTag, RegExp>> = {
  en: /\bsore(ness)?\b|\btender/i,
  es: /dolorid|adolorid|agujetas/i,
  pl: /obolał|zakwas/i,
  vi: /nhức/i,
  'zh-Hans': /酸痛/,
  ur: /دکھن/,
}

describe.each(Object.entries(SORENESS_WORDS))('in %s, soreness is not a clot sign', (tag, words) => {
  const warnings = flatten(loadMessages(tag)).filter(([key]) =>
    /^(doctor\.emergency|doctor\.urgent|handout\.summary)\./.test(key),
  )

  it('no emergency sign, urgent sign or summary point names soreness', () => {
    expect(warnings.length).toBeGreaterThan(0)
    expect(warnings.filter(([, text]) => words.test(text)).map(([key]) => key)).toEqual([])
  })

  it('the words do find soreness where it belongs: after an ordinary cramp', () => {
    expect(words.test(messageAt(loadMessages(tag), 'about.howLong')!)).toBe(true)
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

  it('names naproxen only as a medicine linked to cramps, never as a pain medicine to take', () => {
    const naproxen = english.filter(([, message]) => /naproxen/i.test(message)).map(([key]) => key)
    expect(naproxen).toEqual(['causes.cards.medicines.list.naproxen'])
    expect(messageAt(loadMessages('en'), 'during.pain')).toMatch(/paracetamol.*acetaminophen.*ibuprofen/i)
  })

  it('says warm, not hot, during a cramp', () => {
    expect(messageAt(loadMessages('en'), 'during.steps.warm')).toMatch(/not hot/i)
  })

  it('no longer says a cramp cannot be stopped, or that quinine is fine when prescribed for cramps', () => {
    expect(text).not.toMatch(/cannot stop it|unless your doctor prescribes/)
  })

  it('never says doctors wrote the content', () => {
    expect(messageAt(loadMessages('en'), 'sources.lead')).not.toMatch(/doctor/i)
  })
})

describe('provenance', () => {
  it('records the day the content was last checked against its sources', () => {
    expect(CONTENT_REVIEWED_ON).toMatch(/^\d{4}-\d{2}-\d{2}$/)
    expect(Number.isNaN(Date.parse(CONTENT_REVIEWED_ON))).toBe(false)
  })
})

describe('sources', () => {
  it('the doctor screen cites the sources of the emergency tier, and the quinine screen the MHRA', () => {
    expect(SCREEN_SOURCES.doctor).toEqual(expect.arrayContaining(['nhsClots', 'cdc']))
    expect(SCREEN_SOURCES.avoid).toContain('mhra')
  })

  it('every content screen cites at least one known source', () => {
    for (const screen of CONTENT_SCREENS) {
      expect(SCREEN_SOURCES[screen].length, screen).toBeGreaterThan(0)
      for (const source of SCREEN_SOURCES[screen]) expect(SOURCES).toHaveProperty(source)
    }
  })
})
