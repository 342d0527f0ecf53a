/** A font face of a stylesheet: its woff2 file and its CSS unicode-range, if it has one. */
export interface FontFaceSource {
  file: string
  unicodeRange?: string | undefined
}

/** A subset font face: its woff2 file (in the cache), the code points it holds and their exact unicode-range. */
export interface FontFaceSubset {
  file: string
  codePoints: number[]
  unicodeRange: string
}

/** A test of whether a code point is inside a CSS unicode-range such as `U+0000-00FF,U+0131,U+4??`. */
export function unicodeRangeTest(unicodeRange: string): (codePoint: number) => boolean

/**
 * Subsets one font face to the characters of `text` it has inside its range,
 * cached in `cacheDir`; null when the face has none of them.
 */
export function subsetFontFace(face: FontFaceSource, text: string, cacheDir: string): Promise<FontFaceSubset | null>

/**
 * The PostCSS plugin that subsets every @font-face of a stylesheet to the text
 * the kiosk at `root` draws (with the pseudo-locale's when `withPseudoLocale`).
 */
export function kioskFontSubsets(options: { root: string; withPseudoLocale: boolean }): { postcssPlugin: string }
