import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { SPEECH_VOLUME_STEPS } from '../../electron/contract-constants'
import { i18n } from '../i18n'
import { spokenParts, type SpokenPart } from '../speech/reading-order'
import { pickVoice } from '../speech/voices'
import { useSettingsStore } from './settings'

/** Where reading aloud stands: nothing to say, saying it, or stopped at a sentence to go on from. */
export type SpeechState = 'idle' | 'speaking' | 'paused'

/** Errors the engine reports for an utterance the kiosk itself cancelled. */
const CANCELLED = new Set(['interrupted', 'canceled'])

/**
 * Reading aloud (EN 301 549 5.1.3) through the system's voices (Web Speech
 * API): one sentence per utterance, each in its own language's voice, so it
 * can pause at a sentence and go on from it, whatever the engine supports.
 * The visitor's volume and whether they used speech reset for each visitor.
 */
export const useSpeechStore = defineStore('speech', () => {
  const settings = useSettingsStore()
  const engine = typeof speechSynthesis === 'undefined' ? null : speechSynthesis
  const voices = shallowRef<SpeechSynthesisVoice[]>(engine?.getVoices() ?? [])
  // Voices load after the page, and come and go with the system's speech service.
  engine?.addEventListener('voiceschanged', () => (voices.value = engine.getVoices()))

  const state = ref<SpeechState>('idle')
  /** The visitor's volume step; null until they change it, so the staff default applies. */
  const chosenVolume = ref<number | null>(null)
  /** Whether the visitor has listened during this visit (then the idle warning is read too). */
  const used = ref(false)
  const currentPart = shallowRef<SpokenPart | null>(null)
  let readingRoot: Element | null = null
  let parts: SpokenPart[] = []
  let index = 0
  /** Counts utterances started, so the end of a cancelled one is told from that of the one playing. */
  let generation = 0

  const volume = computed(() => chosenVolume.value ?? settings.config.speechVolume)
  /** The sentence being read, for its highlight. */
  const current = computed(() => currentPart.value)

  /** The system voice for a language, or null when it has none. */
  function voiceFor(tag: string): SpeechSynthesisVoice | null {
    return pickVoice(voices.value, tag)
  }

  /** Whether this kiosk has a voice for a language (staff see it next to each language). */
  function hasVoice(tag: string): boolean {
    return voiceFor(tag) !== null
  }

  /** Whether the Listen control shows for a language: staff allow speech and a voice exists. */
  function offeredFor(tag: string): boolean {
    return settings.config.speechEnabled && hasVoice(tag)
  }

  function silence(): void {
    generation += 1
    engine?.cancel()
  }

  function speakCurrent(): void {
    const part = parts[index]
    const voice = part ? voiceFor(part.lang) : null
    if (!engine || !part || !voice) {
      finish()
      return
    }
    const mine = ++generation
    const utterance = new SpeechSynthesisUtterance(part.refresh?.() || part.text)
    utterance.lang = voice.lang
    utterance.voice = voice
    utterance.volume = volume.value / SPEECH_VOLUME_STEPS
    utterance.rate = settings.config.speechRate
    const onToNext = () => {
      if (mine !== generation) return
      index += 1
      speakCurrent()
    }
    utterance.addEventListener('end', onToNext)
    // A sentence the engine cannot say is skipped, not the rest of the screen.
    utterance.addEventListener('error', (event) => {
      if (!CANCELLED.has(event.error)) onToNext()
    })
    state.value = 'speaking'
    currentPart.value = part
    engine.speak(utterance)
  }

  function finish(): void {
    state.value = 'idle'
    currentPart.value = null
    readingRoot = null
    parts = []
  }

  /** Reads what `root` shows, from the start, in the languages the system has voices for. */
  function read(root: Element): void {
    silence()
    const { t } = i18n.global
    const stateWord = (pressed: boolean, lang: string) =>
      t(pressed ? 'speech.selected' : 'speech.notSelected', {}, { locale: lang })
    readingRoot = root
    parts = spokenParts(root, stateWord).filter((part) => hasVoice(part.lang))
    index = 0
    used.value = true
    speakCurrent()
  }

  /** Stops at the sentence being read; resume() says it again and goes on. */
  function pause(): void {
    if (state.value !== 'speaking') return
    silence()
    state.value = 'paused'
  }

  function resume(): void {
    if (state.value === 'paused') speakCurrent()
  }

  /** Reads the same screen again from its first sentence. */
  function replay(): void {
    if (state.value === 'idle') return
    silence()
    index = 0
    speakCurrent()
  }

  /** Stops reading at once (a new screen, a dialog, a reset). */
  function stop(): void {
    silence()
    finish()
  }

  /** Stops reading if it is `root` that is being read (a dialog that closes). */
  function stopReading(root: Element | null): void {
    if (root && root === readingRoot) stop()
  }

  /** The next volume step, round to the quietest after the loudest; a sentence being read restarts at it. */
  function changeVolume(): void {
    chosenVolume.value = (volume.value % SPEECH_VOLUME_STEPS) + 1
    if (state.value !== 'speaking') return
    silence()
    speakCurrent()
  }

  /** Silent, at the staff's volume, for the next visitor. */
  function $reset(): void {
    stop()
    chosenVolume.value = null
    used.value = false
  }

  return {
    state,
    chosenVolume,
    used,
    volume,
    current,
    hasVoice,
    offeredFor,
    read,
    pause,
    resume,
    replay,
    stop,
    stopReading,
    changeVolume,
    $reset,
  }
})
