import type { Page } from '@playwright/test'

/** One utterance the kiosk handed to the speech engine. */
export interface Spoken {
  text: string
  lang: string
  voice: string | null
  volume: number
  rate: number
}

/** What the fake engine recorded, and whether it is saying something now. */
export interface SpeechLog {
  spoken: Spoken[]
  cancels: number
  speaking: boolean
}

/**
 * Replaces the Web Speech API at its boundary (speechSynthesis and
 * SpeechSynthesisUtterance) before the kiosk loads: the system has a voice for
 * each of `voices` (BCP 47 tags, as systems name them), and every utterance is
 * recorded. With `autoEnd`, each utterance ends a moment after it starts (the
 * whole screen gets read); without, it plays until the test calls
 * `finishUtterance` or the kiosk cancels it.
 */
export async function installFakeSpeech(page: Page, voices: readonly string[], autoEnd = true): Promise<void> {
  await page.addInitScript(
    ({ voiceTags, ends }) => {
      type Listener = (event: Event) => void
      class FakeUtterance extends EventTarget {
        lang = ''
        voice: { name: string } | null = null
        volume = 1
        rate = 1
        pitch = 1
        constructor(public text = '') {
          super()
        }
      }
      const log = { spoken: [] as unknown[], cancels: 0, speaking: false }
      let playing: FakeUtterance | null = null
      const systemVoices = voiceTags.map((lang) => ({
        name: `Test voice ${lang}`,
        voiceURI: `test-${lang}`,
        lang,
        default: false,
        localService: true,
      }))
      const finish = (utterance: FakeUtterance, type: 'end' | 'error', error?: string) => {
        if (playing !== utterance) return
        playing = null
        log.speaking = false
        utterance.dispatchEvent(Object.assign(new Event(type), { error }))
      }
      const engine = Object.assign(new EventTarget(), {
        getVoices: () => systemVoices,
        speak(utterance: FakeUtterance) {
          if (playing) finish(playing, 'error', 'interrupted')
          playing = utterance
          log.speaking = true
          const { text, lang, volume, rate, voice } = utterance
          log.spoken.push({ text, lang, voice: voice?.name ?? null, volume, rate })
          utterance.dispatchEvent(new Event('start'))
          if (ends) setTimeout(() => finish(utterance, 'end'), 5)
        },
        cancel() {
          log.cancels += 1
          if (playing) finish(playing, 'error', 'interrupted')
        },
        pause() {},
        resume() {},
        get speaking() {
          return log.speaking
        },
        get pending() {
          return false
        },
        get paused() {
          return false
        },
        onvoiceschanged: null as Listener | null,
      })
      Object.defineProperty(window, 'speechSynthesis', { value: engine, configurable: true })
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: FakeUtterance, configurable: true })
      Object.assign(window, {
        __speechLog: log,
        __finishUtterance: () => playing && finish(playing, 'end'),
      })
    },
    { voiceTags: [...voices], ends: autoEnd },
  )
}

/** What the fake engine has recorded so far. */
export async function speechLog(page: Page): Promise<SpeechLog> {
  return page.evaluate(() => structuredClone((window as unknown as { __speechLog: SpeechLog }).__speechLog))
}

/** Ends the utterance being said, as a voice reaching the end of its sentence would. */
export async function finishUtterance(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __finishUtterance: () => void }).__finishUtterance())
}

/** The system voices of a Windows kiosk with every language pack but Tagalog's (Windows has no Filipino voice). */
export const WINDOWS_LIKE_VOICES = ['en-US', 'es-ES', 'zh-CN', 'vi-VN', 'ar-SA', 'pl-PL', 'ur-PK'] as const
