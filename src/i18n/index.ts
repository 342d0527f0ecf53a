import { markRaw } from 'vue'
import { createI18n } from 'vue-i18n'
import english from '../../locales/en.json'
import { localeInfo, PSEUDO_LOCALE, SOURCE_LOCALE, type DisplayLocale } from './locales'
import { pluralRuleFor } from './plural'

type Messages = typeof english
type MessagesModule = { default: Messages }

/** The file's language tag: locales/zh-Hans.json is zh-Hans. */
const tagOf = (path: string) => path.slice(path.lastIndexOf('/') + 1, -'.json'.length)
const byTag = <T>(modules: Record<string, T>) =>
  Object.fromEntries(Object.entries(modules).map(([path, module]) => [tagOf(path), module]))

/** Each language's welcome messages (scripts/welcome-messages.mjs), in the app from the start. */
const welcomeMessages = byTag(
  import.meta.glob<MessagesModule>('../../locales/welcome/*.json', { eager: true, import: 'default' }),
) as unknown as Record<string, Messages>
/** Each language's full messages, a chunk of its own, loaded when the language is first needed. */
const fullMessages: Record<string, () => Promise<Messages>> = {
  ...byTag(import.meta.glob<Messages>(['../../locales/*.json', '!../../locales/en.json'], { import: 'default' })),
  // Development and test builds only: production builds leave the pseudo-locale out.
  ...(__PSEUDO_LOCALE__ ? byTag(import.meta.glob<Messages>('../../locales/pseudo/*.json', { import: 'default' })) : {}),
}
const loaded = new Set<string>([SOURCE_LOCALE])

/**
 * A language's messages as vue-i18n gets them: kept out of Vue's reactivity. In a
 * browser vue-i18n holds messages in a deep ref, so every message object a
 * screen reads would get (and keep, for the kiosk's lifetime) a reactive proxy
 * and a dependency map; on a kiosk that shows every screen in every language
 * that is a heap that grows with each new visitor's path. Switching languages
 * and loading one stay reactive: they replace a language's whole object.
 */
const rawMessages = (messages: Messages): Messages => markRaw(messages)

let reportMissing: (locale: string, key: string) => void = () => {}
const reported = new Set<string>()

/**
 * The kiosk's vue-i18n instance (composition mode). Messages are precompiled
 * from locales/*.json at build time, so no eval runs under the CSP. English
 * (the source, and every language's fallback) and each language's welcome
 * messages are in the app from the start; a language's other messages load
 * with loadLocale(). A key missing in a loaded language falls back to English
 * and is reported once.
 */
export const i18n = createI18n({
  legacy: false,
  locale: SOURCE_LOCALE,
  fallbackLocale: SOURCE_LOCALE,
  messages: Object.fromEntries(
    Object.entries({ ...welcomeMessages, [SOURCE_LOCALE]: english }).map(([tag, messages]) => [
      tag,
      rawMessages(messages),
    ]),
  ),
  missingWarn: false,
  fallbackWarn: false,
  pluralRules: Object.fromEntries(
    [SOURCE_LOCALE, ...Object.keys(fullMessages)].map((tag) => [tag, pluralRuleFor(tag)]),
  ),
  missing: (locale, key) => {
    // Before a language has loaded only its welcome messages are there: nothing is missing yet.
    if (!loaded.has(locale) || reported.has(`${locale}:${key}`)) return
    reported.add(`${locale}:${key}`)
    reportMissing(locale, key)
  },
})

/**
 * Loads all of a language's messages, once (a no-op when they are there). A
 * chunk that cannot load leaves the language on its welcome messages and
 * English, and rejects, so the caller can say so.
 */
export async function loadLocale(tag: DisplayLocale): Promise<void> {
  if (loaded.has(tag)) return
  const load = fullMessages[tag]
  if (!load) throw new Error(`The kiosk has no messages for ${tag}`)
  i18n.global.setLocaleMessage(tag, rawMessages(await load()))
  loaded.add(tag)
}

/** Where missing translations are reported (the kiosk log through the bridge). */
export function onMissingTranslation(report: (locale: string, key: string) => void): void {
  reportMissing = report
}

/**
 * Switches the kiosk's language (no reload), once its messages are loaded, and
 * sets <html lang dir>, the script's font stack and line height, so assistive
 * technology and the layout's direction follow (WCAG 3.1.1). If the messages
 * cannot load, the kiosk stays in the language it is in, says so in the
 * console (the kiosk log), and resolves false.
 */
export async function setLocale(tag: DisplayLocale): Promise<boolean> {
  try {
    await loadLocale(tag)
  } catch (error) {
    console.error(`The ${tag} messages did not load; the kiosk stays in ${i18n.global.locale.value}`, error)
    return false
  }
  const info = localeInfo(tag)
  i18n.global.locale.value = tag
  const root = document.documentElement
  root.lang = tag
  root.dir = info.dir
  root.style.fontFamily = info.fontStack
  root.style.setProperty('--script-line-height', String(info.lineHeight))
  return true
}

/** Whether this build carries the pseudo-locale (development and test builds). */
export function hasPseudoLocale(): boolean {
  return PSEUDO_LOCALE.tag in fullMessages
}

/**
 * Wraps a value interpolated into a sentence (names, dates) in Unicode isolates,
 * so Latin names or numbers inside right-to-left text keep their place.
 */
export function isolate(value: string): string {
  return `\u2068${value}\u2069`
}
