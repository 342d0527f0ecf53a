/**
 * The handout page the main process prints from its hidden, warm handout
 * window. It loads once, with no visitor data, and warms up; main then renders
 * each visitor's handout into it in memory through `window.handoutPage` (never
 * through the URL or the window's history), prints once `render` says fonts and
 * drawings are ready, and resets it, so nothing of the visitor stays in the page.
 */
import { createApp, h, nextTick, shallowRef } from 'vue'
import { LOCALE_TAGS, type HandoutSpec } from '../../electron/contract'
import { exposeHandoutPage } from '../../electron/handout-spec'
import { parseHandoutSpec } from '../../electron/handout-spec-check'
import { i18n, loadLocale, setLocale } from '../i18n'
import { preloadFonts } from '../i18n/fonts'
import { SOURCE_LOCALE } from '../i18n/locales'
import HandoutDocument from './HandoutDocument.vue'
import './print-page.css'
import '../styles/fonts.css'

/** The handout drawn once while warming up: no visitor's, no clinic's. */
const WARM_UP_SPEC: HandoutSpec = {
  locale: SOURCE_LOCALE,
  chosen: [],
  paperSize: 'A4',
  secondLocale: null,
  clinicName: '',
  clinicPhone: '',
  emergencyNumber: '',
}

/** The handout on the page; null while the page waits for the next one. */
const shown = shallowRef<HandoutSpec | null>(null)
createApp({ render: () => (shown.value ? h(HandoutDocument, { spec: shown.value }) : null) })
  .use(i18n)
  .mount('#handout')

/** Draws a handout and resolves once its fonts are loaded; its drawings are inline SVG, drawn with it. */
async function draw(spec: HandoutSpec): Promise<void> {
  await setLocale(spec.locale)
  shown.value = spec
  await nextTick()
  // Laying the page out now starts loading any font its text needs (a clinic's name in another script,
  // say) before the wait for the fonts, so nothing prints in a fallback font.
  void document.body.offsetHeight
  await document.fonts.ready
}

/** Clears the handout: its components unmount and the page is left empty, in the kiosk's source language. */
async function reset(): Promise<void> {
  shown.value = null
  await nextTick()
  await setLocale(SOURCE_LOCALE)
}

/**
 * Loads every language's messages and fonts and draws one handout with no
 * visitor data, so that a visitor's print finds messages, fonts, components
 * and styles ready.
 */
async function warmUp(): Promise<boolean> {
  await Promise.all(LOCALE_TAGS.map((tag) => loadLocale(tag)))
  await preloadFonts(LOCALE_TAGS)
  await draw(WARM_UP_SPEC)
  await reset()
  return true
}

const warmedUp = warmUp()

async function render(candidate: unknown): Promise<boolean> {
  await reset()
  const spec = parseHandoutSpec(candidate)
  if (!spec) {
    console.error('The handout page got no valid handout spec')
    return false
  }
  if (!(await warmedUp)) return false
  await draw(spec)
  return true
}

window.handoutReady = warmedUp
exposeHandoutPage(window, { render, reset })
