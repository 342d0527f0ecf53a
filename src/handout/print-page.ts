/**
 * The handout page the main process prints from a hidden window. The spec
 * (language, choices, clinic details) arrives in the URL fragment; the page
 * renders it and resolves `window.handoutReady` once fonts and drawings are
 * ready, so main never prints a blank or half-drawn page.
 */
import { createApp } from 'vue'
import { handoutSpecFromHash } from '../../electron/handout-spec'
import { i18n, loadLocale, setLocale } from '../i18n'
import { preloadFonts } from '../i18n/fonts'
import HandoutDocument from './HandoutDocument.vue'
import './print-page.css'
import '../styles/fonts.css'

async function render(): Promise<boolean> {
  const spec = handoutSpecFromHash(location.hash)
  if (!spec) {
    console.error('The handout page got no valid handout spec')
    return false
  }
  await setLocale(spec.locale)
  if (spec.secondLocale) await loadLocale(spec.secondLocale)
  createApp(HandoutDocument, { spec }).use(i18n).mount('#handout')
  await preloadFonts(spec.secondLocale ? [spec.locale, spec.secondLocale] : [spec.locale])
  await document.fonts.ready
  return true
}

window.handoutReady = render()
