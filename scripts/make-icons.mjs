/**
 * `npm run icons`: renders resources/icon.svg into the icon files electron-builder
 * packs (resources/icons/: <size>x<size>.png for Linux, icon.ico for Windows).
 * The output is committed, so `npm run dist` needs no re-run; run this after
 * changing the SVG (a unit test fails until you do).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { Resvg } from '@resvg/resvg-js'
import pngToIco from 'png-to-ico'

const root = resolve(import.meta.dirname, '..')

/** The icon's source drawing. */
export const ICON_SOURCE = join(root, 'resources/icon.svg')
/** Where the rendered icons go (electron-builder's linux.icon and win.icon point here). */
export const ICON_DIR = join(root, 'resources/icons')
/** PNG sizes: the hicolor theme sizes a Linux desktop looks for, up to 1024 for HiDPI and stores. */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
/** Sizes inside the Windows .ico (256 is the largest an .ico holds; Explorer scales it down). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]

/** The file name electron-builder expects for a PNG of one size. */
export function pngName(size) {
  return `${size}x${size}.png`
}

/** Renders the SVG at one size as PNG. */
export function renderPng(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng()
}

/** Builds the .ico from the PNGs of ICO_SIZES, given by file name. */
export function buildIco(pngs) {
  return pngToIco(ICO_SIZES.map((size) => pngs.get(pngName(size))))
}

/** Renders every icon file: a Map from file name (in ICON_DIR) to its bytes. */
export async function renderIcons(svg = readFileSync(ICON_SOURCE)) {
  const files = new Map(PNG_SIZES.map((size) => [pngName(size), renderPng(svg, size)]))
  files.set('icon.ico', await buildIco(files))
  return files
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  mkdirSync(ICON_DIR, { recursive: true })
  for (const [name, bytes] of await renderIcons()) writeFileSync(join(ICON_DIR, name), bytes)
  console.log(`Wrote ${PNG_SIZES.length} PNGs and icon.ico to ${ICON_DIR}`)
}
