import type { KeyboardButtonAttributes } from 'simple-keyboard'
import type { KeyboardLayout } from './layouts'

/**
 * What simple-keyboard's keys show and say. It writes a key's label as HTML
 * (innerHTML), so every word and letter is escaped here; the icons are inline
 * SVG without style attributes, which the strict CSP would refuse.
 */

/** The words on and for the function keys, in the clinic's language. */
export interface KeyWords {
  space: string
  done: string
  backspace: string
  shift: string
  capsLock: string
  accents: string
  /** The language the `{lang}` key switches to, as its label shows it… */
  otherLanguage: string
  /** …and as its accessible name says it (containing the label, WCAG 2.5.3). */
  switchLanguage: string
}

/** Which keys are switched on, for `aria-pressed` and their pressed look. */
export interface KeyStates {
  shift: boolean
  capsLock: boolean
  accents: boolean
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!)

/** A Lucide icon (ISC licence, as lucide-vue-next draws them) from its SVG path data. */
function icon(name: string, paths: string[]): string {
  const shapes = paths.map((d) => `<path d="${d}"/>`).join('')
  return `<svg class="osk__icon osk__icon--${name}" viewBox="0 0 24 24" width="40" height="40" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">${shapes}</svg>`
}

const BACKSPACE = icon('backspace', [
  'M10 5a2 2 0 0 0-1.344.519l-6.328 5.74a1 1 0 0 0 0 1.481l6.328 5.741A2 2 0 0 0 10 19h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2z',
  'm12 9 6 6',
  'm18 9-6 6',
])
const SHIFT = icon('shift', [
  'M9 13a1 1 0 0 0-1-1H5.061a1 1 0 0 1-.75-1.811l6.836-6.835a1.207 1.207 0 0 1 1.707 0l6.835 6.835a1 1 0 0 1-.75 1.811H16a1 1 0 0 0-1 1v6a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1z',
])
const CAPS_LOCK = icon('caps-lock', [
  'M9 13a1 1 0 0 0-1-1H5.061a1 1 0 0 1-.75-1.811l6.836-6.835a1.207 1.207 0 0 1 1.707 0l6.835 6.835a1 1 0 0 1-.75 1.811H16a1 1 0 0 0-1 1v2a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1z',
  'M9 20h6',
])
const GLOBE = icon('globe', [
  'M12 2a10 10 0 1 0 0 20 10 10 0 1 0 0-20z',
  'M12 2a14.5 14.5 0 0 0 0 20 14.5 14.5 0 0 0 0-20',
  'M2 12h20',
])

/**
 * A combining mark's key (the Spanish layout's acute, the Arabic vowel signs)
 * shows the mark on a carrier, as Unicode suggests for a mark on its own: the
 * tatweel for Arabic marks, a no-break space for the others.
 */
function markLabel(mark: string): string {
  return `${/\p{Script_Extensions=Arabic}/u.test(mark) ? '\u0640' : '\u00a0'}${mark}`
}

function labelOf(key: string, words: KeyWords, layout: KeyboardLayout): string {
  const own = layout.display?.[key]
  if (own !== undefined) return own
  switch (key) {
    case '{bksp}':
      return BACKSPACE
    case '{shift}':
      return SHIFT
    case '{lock}':
      return CAPS_LOCK
    case '{space}':
      return escapeHtml(words.space)
    case '{done}':
      return escapeHtml(words.done)
    case '{lang}':
      return `${GLOBE}<span>${escapeHtml(words.otherLanguage)}</span>`
  }
  return escapeHtml(/^\p{M}+$/u.test(key) ? markLabel(key) : key)
}

/** The label of every key of a layout (simple-keyboard's `display` option). */
export function keyLabels(layout: KeyboardLayout, words: KeyWords): Record<string, string> {
  const keys = new Set(Object.values(layout.layout).flatMap((rows) => rows.flatMap((row) => row.split(' '))))
  return Object.fromEntries([...keys].map((key) => [key, labelOf(key, words, layout)]))
}

/**
 * The attributes of the keys (simple-keyboard's `buttonAttributes` option):
 * plain buttons outside the tab order (a tap types into the field, which keeps
 * the focus; a physical keyboard types there directly), names for the icon
 * keys, the pressed state of the switches, and Done's test id.
 */
export function keyAttributes(words: KeyWords, on: KeyStates): KeyboardButtonAttributes[] {
  const named = (buttons: string, value: string) => ({ attribute: 'aria-label', value, buttons })
  const pressed = (buttons: string, value: boolean) => ({ attribute: 'aria-pressed', value: String(value), buttons })
  return [
    { attribute: 'type', value: 'button' },
    { attribute: 'tabindex', value: '-1' },
    named('{bksp}', words.backspace),
    named('{shift}', words.shift),
    named('{lock}', words.capsLock),
    named('{alt}', words.accents),
    named('{lang}', words.switchLanguage),
    pressed('{shift}', on.shift),
    pressed('{lock}', on.capsLock),
    pressed('{alt}', on.accents),
    { attribute: 'data-testid', value: 'staff-keyboard-done', buttons: '{done}' },
  ]
}
