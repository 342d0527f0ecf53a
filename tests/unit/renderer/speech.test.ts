import { describe, expect, it } from 'vitest'
import { spokenParts } from '../../../src/speech/reading-order'
import { pickVoice } from '../../../src/speech/voices'

const voice = (lang: string, extra: { default?: boolean; localService?: boolean } = {}) => ({
  lang,
  default: false,
  localService: true,
  ...extra,
})

describe('choosing a system voice for a language', () => {
  it('reads Simplified Chinese in Mandarin as spoken in mainland China, never a Taiwan or Hong Kong voice', () => {
    expect(pickVoice([voice('zh-TW'), voice('zh-HK'), voice('yue')], 'zh-Hans')).toBeNull()
    expect(pickVoice([voice('zh-TW'), voice('zh-CN')], 'zh-Hans')?.lang).toBe('zh-CN')
    expect(pickVoice([voice('cmn-LATN-PINYIN'), voice('cmn')], 'zh-Hans')?.lang).toBe('cmn')
  })

  it('takes a Filipino voice for Tagalog, and none where there is none', () => {
    expect(pickVoice([voice('fil-PH')], 'tl')?.lang).toBe('fil-PH')
    expect(pickVoice([voice('en-US'), voice('th')], 'tl')).toBeNull()
  })

  it('prefers the system default, then a voice on this machine over a network one', () => {
    const online = voice('en-GB', { localService: false })
    expect(pickVoice([online, voice('en-US'), voice('en-AU', { default: true })], 'en')?.lang).toBe('en-AU')
    expect(pickVoice([online, voice('en-US')], 'en')?.lang).toBe('en-US')
  })

  it('matches whole subtags only: "ur" is not "uk", "es" is not "eu", and system names with underscores count', () => {
    expect(pickVoice([voice('uk'), voice('ur_PK')], 'ur')?.lang).toBe('ur_PK')
    expect(pickVoice([voice('eu'), voice('es-419')], 'es')?.lang).toBe('es-419')
  })
})

describe('what a screen says, in order', () => {
  const say = (html: string, lang = 'en') => {
    document.documentElement.lang = lang
    document.body.innerHTML = html
    return spokenParts(document.body.firstElementChild!, (pressed) => (pressed ? 'chosen' : 'not chosen'))
  }

  it('the spoken instruction first, then headings and text sentence by sentence, drawings by their description, controls by name', () => {
    const parts = say(`<section data-speech-intro="Touch Start.">
      <h1>Night leg cramps</h1>
      <p>A cramp is a sudden tight muscle. It can hurt a lot.</p>
      <svg role="img" aria-label="Drawing: a calf stretch"></svg>
      <button type="button">Next</button>
    </section>`)
    expect(parts.map((part) => part.text)).toEqual([
      'Touch Start.',
      'Night leg cramps',
      'A cramp is a sudden tight muscle.',
      'It can hurt a lot.',
      'Drawing: a calf stretch',
      'Next',
    ])
  })

  it('a toggle with its state; nothing hidden, aria-hidden or marked to skip; another language keeps its own', () => {
    const parts = say(`<div>
      <button aria-pressed="true">Over 60</button>
      <button aria-pressed="false">Pregnant</button>
      <p hidden>Hidden</p><p aria-hidden="true">Decoration</p>
      <div data-speech-skip><button>Listen</button></div>
      <p lang="es">Español</p>
      <nav data-speech-as="Step 3 of 8"><button>Cramps</button><button>Linked to</button></nav>
    </div>`)
    expect(parts.map(({ text, lang }) => [text, lang])).toEqual([
      ['Over 60, chosen', 'en'],
      ['Pregnant, not chosen', 'en'],
      ['Español', 'es'],
      ['Step 3 of 8', 'en'],
    ])
  })

  it('text of its own beside blocks is read where it stands, and a sentence keeps its place in the text for its highlight', () => {
    const parts = say(`<div><ul><li><h3>Stretch</h3> Pull your toes up. Hold it.</li></ul></div>`)
    expect(parts.map((part) => part.text)).toEqual(['Stretch', 'Pull your toes up.', 'Hold it.'])
    const hold = parts.at(-1)!
    expect(hold.element!.textContent!.slice(hold.start, hold.end).trim()).toBe('Hold it.')
  })
})
