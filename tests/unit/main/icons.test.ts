import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PNG } from 'pngjs'
import { describe, expect, it } from 'vitest'
import builderConfig from '../../../electron-builder'
import { buildIco, ICO_SIZES, ICON_DIR, PNG_SIZES, pngName, renderIcons } from '../../../scripts/make-icons.mjs'

/**
 * Largest difference of one colour channel allowed between a committed PNG and a
 * fresh render: room for anti-aliasing rounding in another build of resvg, far
 * below what any change to the drawing makes.
 */
const CHANNEL_TOLERANCE = 3

const committed = (name: string) => readFileSync(join(ICON_DIR, name))

/** The sizes an .ico's directory lists (0 stands for 256). */
function icoSizes(ico: Buffer): number[] {
  return Array.from({ length: ico.readUInt16LE(4) }, (_, index) => ico.readUInt8(6 + 16 * index) || 256)
}

describe('the committed app icons', () => {
  it('are what electron-builder is pointed at', () => {
    const root = resolve(import.meta.dirname, '../../..')
    expect(resolve(root, builderConfig.linux!.icon!)).toBe(ICON_DIR)
    expect(resolve(root, builderConfig.win!.icon!)).toBe(join(ICON_DIR, 'icon.ico'))
  })

  it('match a fresh render of resources/icon.svg, size by size (run `npm run icons` after changing it)', async () => {
    const fresh = await renderIcons()
    for (const size of PNG_SIZES) {
      const name = pngName(size)
      const mine = PNG.sync.read(committed(name))
      const theirs = PNG.sync.read(fresh.get(name)!)
      expect({ name, width: mine.width, height: mine.height }).toEqual({ name, width: size, height: size })
      let worst = 0
      for (let index = 0; index < mine.data.length; index++) {
        worst = Math.max(worst, Math.abs(mine.data[index]! - theirs.data[index]!))
      }
      expect(worst, `${name} differs from a fresh render`).toBeLessThanOrEqual(CHANNEL_TOLERANCE)
    }
  })

  it('hold a Windows .ico made of exactly the committed PNGs, 16 to 256 pixels', async () => {
    const ico = committed('icon.ico')
    expect(icoSizes(ico)).toEqual(ICO_SIZES)
    const pngs = new Map(ICO_SIZES.map((size) => [pngName(size), committed(pngName(size))]))
    expect(ico.equals(await buildIco(pngs))).toBe(true)
  })
})
