import { execFile } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'

const run = promisify(execFile)

/** What poppler reads back from a PDF file: its text, pages, page size, fonts, and page 1 as a PNG. */
export interface PdfReading {
  text: string
  pages: number
  /** Page size in PostScript points, e.g. 595 x 842 for A4. */
  pageSize: { width: number; height: number }
  fonts: { name: string; embedded: boolean }[]
  firstPagePng: string
}

/** The page count in pdfinfo's output. */
const pagesOf = (info: string) => Number(/Pages:\s+(\d+)/.exec(info)?.[1])

/** Writes the PDF bytes to `path` and reads them back with pdftotext, pdfinfo, pdffonts and pdftoppm. */
export async function readPdf(bytes: Buffer, path: string): Promise<PdfReading> {
  await writeFile(path, bytes)
  const [{ stdout: text }, { stdout: info }, { stdout: fonts }] = await Promise.all([
    run('pdftotext', ['-enc', 'UTF-8', path, '-']),
    run('pdfinfo', [path]),
    run('pdffonts', [path]),
  ])
  const pngBase = path.replace(/\.pdf$/, '-page1')
  await run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', '-singlefile', path, pngBase])
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)
  return {
    text,
    pages: pagesOf(info),
    pageSize: { width: Math.round(Number(size?.[1])), height: Math.round(Number(size?.[2])) },
    fonts: fonts
      .split('\n')
      .slice(2)
      .filter((line) => line.trim())
      .map((line) => {
        // pdffonts columns: name type encoding emb sub uni object ID; "emb" is the 4th field from the end but 3.
        const fields = line.trim().split(/\s+/)
        return { name: fields[0]!, embedded: fields.at(-5) === 'yes' }
      }),
    firstPagePng: `${pngBase}.png`,
  }
}

/** Writes the PDF bytes to `path` and reads back its number of pages with pdfinfo alone (quicker than readPdf). */
export async function pdfPageCount(bytes: Buffer, path: string): Promise<number> {
  await writeFile(path, bytes)
  const { stdout: info } = await run('pdfinfo', [path])
  return pagesOf(info)
}

/** The text a QR code in the PNG encodes, or null when none is found. */
export async function decodeQrCode(pngPath: string): Promise<string | null> {
  const png = PNG.sync.read(await readFile(pngPath))
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null
}

/** Text without any whitespace or Unicode isolates, so line breaks in a PDF do not matter to a comparison. */
export function squeezed(text: string): string {
  return text.replace(/[\s\u064b-\u065f\u0670\u200e\u200f\u202a-\u202e\u2066-\u2069]+/g, '')
}
