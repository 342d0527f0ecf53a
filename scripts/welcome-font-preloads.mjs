/**
 * Font preloads for the welcome screen. The app shows its first screen only
 * when that screen's fonts are in (src/i18n/fonts.ts); without a hint Chromium
 * asks for a font file only once the screen is laid out, after every script
 * has arrived and run. This build plugin writes a `<link rel="preload"
 * as="font">` into index.html for each font file the welcome screen's text
 * falls in (scripts/kiosk-text.mjs, welcomeText), so those files arrive beside
 * the scripts instead of after them. Each file is preloaded at every weight
 * its family ships: a preload only starts a download early, the weights the
 * screen does not use load in idle time anyway.
 */
import { join, posix } from 'node:path'
import { runnerImport } from 'vite'
import { unicodeRangeTest } from './font-subsets.mjs'

/**
 * The @font-face rules of a stylesheet's text: family, weight, the url() of
 * its woff2 file as written, and its unicode-range ('' when it has none).
 * @returns {{ family: string, weight: string, url: string, unicodeRange: string }[]}
 */
export function fontFacesOf(css) {
  return [...css.matchAll(/@font-face\s*{([^}]*)}/g)].map(([, body]) => ({
    family: /font-family:\s*['"]?([^;'"]+)/.exec(body)[1].trim(),
    weight: /font-weight:\s*(\d+)/.exec(body)?.[1] ?? '400',
    url: /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(body)[1],
    unicodeRange: /unicode-range:\s*([^;}]+)/.exec(body)?.[1].trim() ?? '',
  }))
}

/**
 * Which of `faces` the text `parts` needs, as the browser picks them: each
 * character in the first family of its part's `families` that has a face
 * whose unicode-range holds it, at every weight of that family that does.
 * Returns the faces in their stylesheet order.
 */
export function facesForText(faces, parts) {
  const holds = new Map(
    faces.map((face) => [face, face.unicodeRange ? unicodeRangeTest(face.unicodeRange) : () => true]),
  )
  const needed = new Set()
  for (const { families, text } of parts)
    for (const character of new Set(text.replace(/\s/g, ''))) {
      const codePoint = character.codePointAt(0)
      for (const family of families) {
        const holding = faces.filter((face) => face.family === family && holds.get(face)(codePoint))
        holding.forEach((face) => needed.add(face))
        if (holding.length > 0) break
      }
    }
  return faces.filter((face) => needed.has(face))
}

/**
 * The Vite plugin (builds only): preloads the font files of the welcome
 * screen of the kiosk at `root` in the built index.html, from the font faces
 * of the stylesheets in the bundle.
 */
export function welcomeFontPreloads({ root }) {
  return {
    name: 'kiosk-welcome-font-preloads',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      async handler(_html, { path, bundle }) {
        if (!bundle || path !== '/index.html') return []
        const faces = Object.values(bundle)
          .filter((output) => output.type === 'asset' && output.fileName.endsWith('.css'))
          .flatMap((stylesheet) =>
            fontFacesOf(String(stylesheet.source)).map((face) => ({
              ...face,
              href: `./${posix.join(posix.dirname(stylesheet.fileName), face.url)}`,
            })),
          )
        const { module } = await runnerImport(join(root, 'scripts/kiosk-text.mjs'), {
          root,
          configFile: false,
          logLevel: 'error',
        })
        return facesForText(faces, module.welcomeText(root)).map((face) => ({
          tag: 'link',
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: '', href: face.href },
          injectTo: 'head',
        }))
      },
    },
  }
}
