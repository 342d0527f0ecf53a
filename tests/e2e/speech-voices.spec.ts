import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { LOCALE_TAGS, type LocaleTag } from '../../electron/contract'
import { CHROMIUM_LAUNCH } from '../../scripts/chromium-launch.mjs'
import { pickVoice, type VoiceInfo } from '../../src/speech/voices'
import { expect, test } from './fixtures'

/**
 * The real voices of a Linux kiosk set up as the README says (speech-dispatcher
 * and espeak-ng), not a stand-in: which languages Chromium can speak through
 * them with --enable-speech-dispatcher, as the README's voice table claims,
 * and what espeak-ng (the engine speech-dispatcher drives) makes of a sentence
 * in each. Needs espeak-ng, speech-dispatcher and sox (`.ci/run` installs them).
 */
const HAS_LINUX_VOICE: Record<LocaleTag, boolean> = {
  en: true,
  es: true,
  'zh-Hans': true,
  vi: true,
  tl: false, // espeak-ng 1.51 has no Tagalog or Filipino voice
  ar: true,
  pl: true,
  ur: true,
}

const missingTools = ['espeak-ng', 'sox', 'speech-dispatcher'].filter((tool) => {
  try {
    execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' })
    return false
  } catch {
    return true
  }
})

// One browser and one speech-dispatcher for the file: its tests run in order, in one worker.
test.describe.configure({ mode: 'default' })
test.skip(missingTools.length > 0, `the Linux voices are not installed here (missing: ${missingTools.join(', ')})`)

let browser: Browser
let systemVoices: VoiceInfo[] = []

test.beforeAll(async () => {
  browser = await chromium.launch({ ...CHROMIUM_LAUNCH, args: [...CHROMIUM_LAUNCH.args, '--enable-speech-dispatcher'] })
  const page = await browser.newPage()
  await page.goto('about:blank')
  // speech-dispatcher starts on the first request; its voices arrive with voiceschanged.
  systemVoices = await page.evaluate(
    () =>
      new Promise<VoiceInfo[]>((resolve) => {
        const listed = () =>
          speechSynthesis.getVoices().map(({ lang, default: isDefault, localService }) => ({
            lang,
            default: isDefault,
            localService,
          }))
        const resolveOnceListed = () => {
          if (listed().length > 0) resolve(listed())
        }
        resolveOnceListed()
        speechSynthesis.addEventListener('voiceschanged', resolveOnceListed)
        setTimeout(() => resolve(listed()), 60_000)
      }),
  )
})

test.afterAll(async () => browser?.close())

/** Length in seconds and RMS amplitude (0 to 1) of what espeak-ng says for `text` with a voice language. */
function synthesize(voiceLang: string, text: string): { seconds: number; rms: number } {
  const wav = join(mkdtempSync(join(tmpdir(), 'kiosk-voice-')), 'said.wav')
  execFileSync('espeak-ng', ['-v', voiceLang.toLowerCase(), '-w', wav, text])
  // sox writes its figures to standard error.
  const stat = spawnSync('sox', [wav, '-n', 'stat'], { encoding: 'utf8' }).stderr
  return {
    seconds: Number(/Length \(seconds\):\s+([\d.]+)/.exec(stat)?.[1]),
    rms: Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(stat)?.[1]),
  }
}

/** A language's messages, as the kiosk shows them. */
function messagesOf(tag: LocaleTag): { attract: { title: string; lead: string }; about: { lead?: string } } {
  return JSON.parse(readFileSync(`locales/${tag}.json`, 'utf8'))
}

for (const tag of LOCALE_TAGS) {
  if (HAS_LINUX_VOICE[tag]) {
    test(`${tag}: Chromium finds a system voice, and it says the kiosk's text out loud, longer text for longer`, () => {
      const voice = pickVoice(systemVoices, tag)
      expect(voice, `a voice for ${tag} among ${systemVoices.length} system voices`).not.toBeNull()
      const { attract } = messagesOf(tag)
      const short = synthesize(voice!.lang, attract.title)
      const long = synthesize(voice!.lang, `${attract.title}. ${attract.lead} ${attract.lead}`)
      expect(short.rms, 'not silence').toBeGreaterThan(0.01)
      expect(long.rms, 'not silence').toBeGreaterThan(0.01)
      expect(long.seconds).toBeGreaterThan(short.seconds * 1.5)
    })
  } else {
    test(`${tag}: the system has no voice, so the kiosk hides Listen in it (as the README says)`, () => {
      expect(systemVoices.length, 'the system voices were listed').toBeGreaterThan(0)
      expect(pickVoice(systemVoices, tag)).toBeNull()
    })
  }
}
