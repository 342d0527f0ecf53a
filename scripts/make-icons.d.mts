/** The icon's source drawing. */
export const ICON_SOURCE: string
/** Where the rendered icons go (electron-builder's linux.icon and win.icon point here). */
export const ICON_DIR: string
/** PNG sizes rendered for Linux. */
export const PNG_SIZES: number[]
/** Sizes inside the Windows .ico. */
export const ICO_SIZES: number[]
/** The file name electron-builder expects for a PNG of one size. */
export function pngName(size: number): string
/** Renders the SVG at one size as PNG. */
export function renderPng(svg: Buffer | string, size: number): Buffer
/** Builds the .ico from the PNGs of ICO_SIZES, given by file name. */
export function buildIco(pngs: ReadonlyMap<string, Buffer>): Promise<Buffer>
/** Renders every icon file: a Map from file name (in ICON_DIR) to its bytes. */
export function renderIcons(svg?: Buffer | string): Promise<Map<string, Buffer>>
