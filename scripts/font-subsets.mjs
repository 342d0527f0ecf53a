/**
 * Font subsetting at build time. The @fontsource faces styles/fonts.css
 * imports are cut down to the characters the kiosk draws (scripts/kiosk-text.mjs)
 * with subset-font (harfbuzz's hb-subset, which keeps the OpenType layout
 * features Arabic, Nastaliq and Vietnamese need for the glyphs it keeps).
 * Each @font-face then names its subset and, as its unicode-range, exactly the
 * characters it holds, so Chromium fetches a file only for text it can draw; a
 * face holding none of them is dropped. Subsets and character maps are cached
 * by content hash in node_modules/.cache/kiosk-fonts, so a second build is fast.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { create } from 'fontkit'
import subsetFont from 'subset-font'
import { normalizePath, runnerImport } from 'vite'

const SUBSET_FONT_VERSION = createRequire(import.meta.url)('subset-font/package.json').version
const PLUGIN = 'kiosk-font-subsets'

const sha256 = (data) => createHash('sha256').update(data).digest('hex')

/** Reads `file`, or first writes it with `make()` (atomically, so parallel builds never read half a file). */
async function cached(file, make) {
  try {
    return await readFile(file)
  } catch {
    const data = await make()
    await mkdir(dirname(file), { recursive: true })
    const partial = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.part`
    await writeFile(partial, data)
    await rename(partial, file)
    return data
  }
}

/** Whether a code point is inside a CSS unicode-range such as `U+0000-00FF,U+0131,U+4??`. */
export function unicodeRangeTest(unicodeRange) {
  const ranges = unicodeRange.split(',').map((part) => {
    const [, first, last] = /U\+([0-9a-f?]+)(?:-([0-9a-f]+))?/i.exec(part.trim())
    const low = parseInt(first.replace(/\?/g, '0'), 16)
    return [low, last ? parseInt(last, 16) : parseInt(first.replace(/\?/g, 'f'), 16)]
  })
  return (codePoint) => ranges.some(([low, high]) => codePoint >= low && codePoint <= high)
}

/** Sorted code points as a CSS unicode-range, runs of consecutive ones joined (`U+41-5a,U+e9`). */
function unicodeRangeOf(codePoints) {
  const runs = []
  for (const codePoint of codePoints) {
    const last = runs.at(-1)
    if (last && codePoint === last[1] + 1) last[1] = codePoint
    else runs.push([codePoint, codePoint])
  }
  return runs
    .map(([low, high]) => (low === high ? `U+${low.toString(16)}` : `U+${low.toString(16)}-${high.toString(16)}`))
    .join(',')
}

/**
 * Subsets one font face (a woff2 `file` with its CSS `unicodeRange`, if any)
 * to the characters of `text` it has inside its range, cached in `cacheDir`.
 * Returns the subset's woff2 file, the code points it holds and their exact
 * unicode-range, or null when the face has none of those characters.
 */
export async function subsetFontFace({ file, unicodeRange }, text, cacheDir) {
  const source = await readFile(file)
  const sourceHash = sha256(source)
  const characterMap = await cached(join(cacheDir, `${sourceHash}.characters.json`), () =>
    JSON.stringify(create(source).characterSet),
  )
  const needed = new Set([...text].map((character) => character.codePointAt(0)))
  const inRange = unicodeRange ? unicodeRangeTest(unicodeRange) : () => true
  const codePoints = JSON.parse(characterMap.toString())
    .filter((codePoint) => needed.has(codePoint) && inRange(codePoint))
    .sort((a, b) => a - b)
  if (codePoints.length === 0) return null
  const key = sha256([sourceHash, `subset-font ${SUBSET_FONT_VERSION}`, codePoints.join(',')].join('\n')).slice(0, 24)
  const subset = join(cacheDir, key, basename(file))
  await cached(subset, () => subsetFont(source, String.fromCodePoint(...codePoints), { targetFormat: 'woff2' }))
  return { file: subset, codePoints, unicodeRange: unicodeRangeOf(codePoints) }
}

/** What tells font faces apart, apart from their characters. */
const FACE_PROPERTIES = ['font-family', 'font-weight', 'font-style']
const declarationOf = (rule, property) => rule.nodes.find((node) => node.type === 'decl' && node.prop === property)

/**
 * Subsets the @font-face rules of one family, weight and style in their order:
 * each takes the characters of `text` that no earlier one holds, so their
 * unicode-ranges never overlap (fontsource's latin, latin-ext and vietnamese
 * files all have the space, say: only the first keeps it, and Latin text loads
 * one file). A rule is pointed at its subset, or removed when nothing is left
 * for it.
 */
async function subsetRules(rules, text, cacheDir) {
  let remaining = text
  for (const rule of rules) {
    const src = declarationOf(rule, 'src')
    const woff2 = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(src.value)[1]
    const file = resolve(dirname(src.source.input.file), woff2)
    const range = declarationOf(rule, 'unicode-range')
    const subset = await subsetFontFace({ file, unicodeRange: range?.value }, remaining, cacheDir)
    if (!subset) {
      rule.remove()
      continue
    }
    const held = new Set(subset.codePoints)
    remaining = [...remaining].filter((character) => !held.has(character.codePointAt(0))).join('')
    src.value = `url("${normalizePath(subset.file)}") format('woff2')`
    if (range) range.value = subset.unicodeRange
    else rule.append(src.clone({ prop: 'unicode-range', value: subset.unicodeRange }))
  }
}

/**
 * The PostCSS plugin the renderer build runs (Vite runs it after inlining
 * @import and before rewriting url()): every @font-face of a stylesheet is
 * subset to the text the kiosk draws, read from the project at `root` (with
 * the pseudo-locale's when `withPseudoLocale`); the files that text comes
 * from are reported as dependencies, so a dev server redoes the subsets when
 * one changes.
 */
export function kioskFontSubsets({ root, withPseudoLocale }) {
  const cacheDir = join(root, 'node_modules/.cache/kiosk-fonts')
  return {
    postcssPlugin: PLUGIN,
    async Once(stylesheet, { result }) {
      const faces = new Map()
      stylesheet.walkAtRules('font-face', (rule) => {
        const face = FACE_PROPERTIES.map((property) => declarationOf(rule, property)?.value).join()
        faces.set(face, [...(faces.get(face) ?? []), rule])
      })
      if (faces.size === 0) return
      const { module, dependencies } = await runnerImport(join(root, 'scripts/kiosk-text.mjs'), {
        root,
        configFile: false,
        logLevel: 'error',
      })
      const { text, files } = module.kioskText(root, { withPseudoLocale })
      for (const file of [...files, ...dependencies])
        result.messages.push({
          type: 'dependency',
          plugin: PLUGIN,
          file: resolve(root, file),
          parent: result.opts.from,
        })
      await Promise.all([...faces.values()].map((rules) => subsetRules(rules, text, cacheDir)))
    },
  }
}
