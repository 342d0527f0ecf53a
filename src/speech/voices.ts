/** The part of a system voice the kiosk chooses by (SpeechSynthesisVoice has more). */
export interface VoiceInfo {
  lang: string
  default: boolean
  localService: boolean
}

/**
 * Voice languages that speak a kiosk language, where its primary subtag alone
 * would pick wrongly or miss: Simplified Chinese is Mandarin as spoken in
 * mainland China (Windows says zh-CN, espeak-ng says cmn), never zh-TW or
 * zh-HK; Tagalog voices may call themselves Filipino (fil).
 */
const VOICE_LANGUAGES: Record<string, RegExp> = {
  'zh-Hans': /^(zh-(cn|hans|sg)|cmn)(-|$)|^zh$/i,
  tl: /^(tl|fil)(-|$)/i,
}

function speaks(voice: VoiceInfo, tag: string): boolean {
  const pattern = VOICE_LANGUAGES[tag] ?? new RegExp(`^${tag.split('-')[0]}(-|$)`, 'i')
  return pattern.test(voice.lang.replace('_', '-'))
}

/**
 * The voice to read a language with, or null when the system has none: the
 * system's default voice if it speaks the language, then a voice on this
 * machine (no network), then the most general one (`cmn` before
 * `cmn-latn-pinyin`), keeping the system's order otherwise.
 */
export function pickVoice<Voice extends VoiceInfo>(voices: readonly Voice[], tag: string): Voice | null {
  const candidates = voices.filter((voice) => speaks(voice, tag))
  const byPreference = (a: Voice, b: Voice) =>
    Number(b.default) - Number(a.default) ||
    Number(b.localService) - Number(a.localService) ||
    a.lang.length - b.lang.length
  return candidates.toSorted(byPreference)[0] ?? null
}
