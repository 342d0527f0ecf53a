import { readFile, rename, stat } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import type { Logger } from './logger'

/** Larger files are refused unread: the kiosk's own files are a few KiB. */
const MAX_JSON_FILE_BYTES = 256 * 1024

/** How a JSON file is read. */
export interface ReadJsonOptions {
  log: Logger
  now?: () => number
  /** Move a broken file aside (the kiosk's own files); false for files other tools own. */
  moveAside?: boolean
}

/**
 * Reads a JSON file and validates it. A missing file gives null. A file that is
 * too large, fails to parse or fails to validate gives null, the problem is
 * logged naming the field, and (for the kiosk's own files) the file is moved
 * aside as `<file>.bad-<time>`, so nothing is lost and the next save cannot
 * overwrite it. Never throws.
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  { log, now = Date.now, moveAside = true }: ReadJsonOptions,
): Promise<z.output<S> | null> {
  let text: string
  try {
    const { size } = await stat(path)
    if (size > MAX_JSON_FILE_BYTES) {
      return refuse(path, `it is ${size} bytes, more than ${MAX_JSON_FILE_BYTES}`, { log, now, moveAside })
    }
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') log.error(`${path} cannot be read; using defaults`, error)
    return null
  }
  const checked = validate(text, schema)
  return checked.ok ? checked.data : refuse(path, checked.problem, { log, now, moveAside })
}

async function refuse(
  path: string,
  problem: string,
  { log, now = Date.now, moveAside }: ReadJsonOptions,
): Promise<null> {
  log.error(`${path} is not usable: ${problem}`)
  if (!moveAside) return null
  const aside = `${path}.bad-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`
  try {
    await rename(path, aside)
    log.error(`Moved the broken file aside to ${aside}; using defaults`)
  } catch (error) {
    log.error(`Could not move ${path} aside`, error)
  }
  return null
}

function validate<S extends z.ZodType>(
  text: string,
  schema: S,
): { ok: true; data: z.output<S> } | { ok: false; problem: string } {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` }
  }
  const parsed = schema.safeParse(json)
  if (parsed.success) return { ok: true, data: parsed.data }
  return { ok: false, problem: z.prettifyError(parsed.error) }
}

/**
 * Saves JSON atomically: a temporary file is written and fsynced, then renamed
 * over the old one, so a crash or power cut mid-save never leaves a broken file.
 */
export async function writeJsonFile(path: string, data: unknown): Promise<void> {
  await writeFileAtomic(path, `${JSON.stringify(data, null, 2)}\n`, { encoding: 'utf8', fsync: true })
}
