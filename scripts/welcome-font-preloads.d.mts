import type { Plugin } from 'vite'

/** An @font-face rule of a stylesheet: family, weight, its woff2 url() as written, and its unicode-range ('' if none). */
export interface FontFaceRule {
  family: string
  weight: string
  url: string
  unicodeRange: string
}

/** The @font-face rules of a stylesheet's text. */
export function fontFacesOf(css: string): FontFaceRule[]

/**
 * Which of `faces` the text `parts` needs, as the browser picks them: each character in the first of its
 * part's `families` that has a face holding it, at every weight of that family that does.
 */
export function facesForText<Face extends FontFaceRule>(
  faces: readonly Face[],
  parts: readonly { families: readonly string[]; text: string }[],
): Face[]

/** The Vite plugin (builds only) that preloads the welcome screen's font files in the built index.html. */
export function welcomeFontPreloads(options: { root: string }): Plugin
