import { copyFile, lstat, readdir, readFile, rename, stat, unlink } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import type { Logger } from './logger'

/** Larger files are refused unread, and saves that would be larger are refused: the kiosk's own files are a few KiB. */
export const MAX_JSON_FILE_BYTES = 256 * 1024

/** What reading a JSON file found: nothing there, JSON, or a file that cannot be used (and why). */
export type JsonRead = { state: 'missing' } | { state: 'read'; json: unknown } | { state: 'unusable'; problem: string }

/**
 * Reads and parses a JSON file without validating it. Only a path where
 * nothing exists is "missing"; anything else that is not a readable regular
 * file of JSON (a directory, a dangling link, a read error, too large, not
 * text, not JSON) is "unusable" with the reason. Accepts what Windows tools
 * write: UTF-8 with or without a byte order mark, and UTF-16 with a byte order
 * mark (PowerShell 5's default). Never throws.
 */
export async function readJson(path: string): Promise<JsonRead> {
  try {
    await lstat(path)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' }
    return unusable(`it cannot be read (${errorCode(error)})`)
  }
  let bytes: Buffer
  try {
    const info = await stat(path)
    if (!info.isFile()) return unusable('it is not a regular file')
    if (info.size > MAX_JSON_FILE_BYTES) return unusable(`it is ${info.size} bytes, more than ${MAX_JSON_FILE_BYTES}`)
    bytes = await readFile(path)
  } catch (error) {
    return unusable(`it cannot be read (${errorCode(error)})`)
  }
  const text = decodeText(bytes)
  if (text === null) return unusable('it is not UTF-8 or UTF-16 text')
  try {
    return { state: 'read', json: JSON.parse(text) }
  } catch (error) {
    return unusable(`it is not valid JSON (${(error as Error).message})`)
  }
}

function unusable(problem: string): JsonRead {
  return { state: 'unusable', problem }
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? 'unknown error'
}

/**
 * Decodes a file's bytes as text: UTF-8 (a byte order mark is dropped), or
 * UTF-16 little- or big-endian when the file starts with that byte order mark.
 * Returns null for bytes that are not valid text in the encoding found.
 */
export function decodeText(bytes: Uint8Array): string | null {
  const encoding =
    bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8'
  try {
    // TextDecoder drops the byte order mark by default; fatal refuses broken sequences instead of guessing.
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    return null
  }
}

/** How a JSON file is read. */
export interface ReadJsonOptions {
  log: Logger
  now?: () => number
  /** Move a broken file aside (the kiosk's own files); false for files other tools own. */
  moveAside?: boolean
}

/**
 * Reads a JSON file and validates it whole. A missing file gives null. A file
 * that is unusable or fails to validate gives null, the problem is logged
 * naming the field, and (for the kiosk's own files) the file is moved aside as
 * `<file>.bad-<time>`, so nothing is lost and the next save cannot overwrite
 * it. Never throws.
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  { log, now = Date.now, moveAside = true }: ReadJsonOptions,
): Promise<z.output<S> | null> {
  const read = await readJson(path)
  if (read.state === 'missing') return null
  let problem: string
  if (read.state === 'read') {
    const parsed = schema.safeParse(read.json)
    if (parsed.success) return parsed.data
    problem = z.prettifyError(parsed.error)
  } else problem = read.problem
  log.error(`${path} is not usable: ${problem}`)
  if (moveAside) await keepAside(path, { log, now, move: true })
  return null
}

/**
 * Keeps the file as it is now next to it, as `<file>.bad-<time>`, so a later
 * save never overwrites what was there: moved (the file is unusable) or copied
 * (parts of it are still used). Logs where it went; never throws.
 */
export async function keepAside(
  path: string,
  { log, now = Date.now, move }: { log: Logger; now?: () => number; move: boolean },
): Promise<void> {
  const aside = `${path}.bad-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`
  try {
    await (move ? rename(path, aside) : copyFile(path, aside))
    log.error(`Kept the file as it was in ${aside}`)
  } catch (error) {
    log.error(`Could not keep a copy of ${path} aside`, error)
  }
}

/** A save refused because the file would be larger than the kiosk reads back. */
export class FileTooLargeError extends Error {
  constructor(path: string, bytes: number) {
    super(`${path} would be ${bytes} bytes, more than the ${MAX_JSON_FILE_BYTES} the kiosk reads`)
    this.name = 'FileTooLargeError'
  }
}

/**
 * Saves JSON atomically: a temporary file is written and fsynced, then renamed
 * over the old one, so a crash or power cut mid-save never leaves a broken
 * file. A save that would be larger than the kiosk reads back is refused
 * (FileTooLargeError), so a saved file always loads again. `mode` sets the
 * file's permissions (0o600 for secrets).
 */
export async function writeJsonFile(path: string, data: unknown, { mode }: { mode?: number } = {}): Promise<void> {
  const text = `${JSON.stringify(data, null, 2)}\n`
  const bytes = Buffer.byteLength(text)
  if (bytes > MAX_JSON_FILE_BYTES) throw new FileTooLargeError(path, bytes)
  await writeFileAtomic(path, text, { encoding: 'utf8', fsync: true, ...(mode === undefined ? {} : { mode }) })
}

/**
 * Removes temporary files that interrupted atomic saves left next to `files`
 * (write-file-atomic names them `<file>.<number>`): they may hold copies of
 * secrets such as the PIN hash. Run at start, before any save. Never throws.
 */
export async function removeLeftoverTempFiles(files: readonly string[], log: Logger): Promise<void> {
  for (const folder of new Set(files.map((file) => dirname(file)))) {
    let names: string[]
    try {
      names = await readdir(folder)
    } catch {
      continue
    }
    const owners = new Set(files.filter((file) => dirname(file) === folder).map((file) => basename(file)))
    for (const name of names) {
      const match = /^(.+)\.\d+$/.exec(name)
      if (!match || !owners.has(match[1]!)) continue
      try {
        await unlink(join(folder, name))
        log.warn(`Removed ${name}, left over from an interrupted save`)
      } catch (error) {
        // Gone already (its save finished after all): nothing left to remove.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
          log.error(`Could not remove ${name}, left over from an interrupted save`, error)
        }
      }
    }
  }
}
