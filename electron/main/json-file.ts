import { readFile, rename } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import type { Logger } from './logger'

/**
 * Reads a JSON file the kiosk owns and validates it. A missing file gives null;
 * a file that fails to parse or validate is moved aside as `<file>.bad-<time>`,
 * so nothing is lost and the next save cannot overwrite it, and the problem is
 * logged naming the field. Never throws.
 */
export async function readJsonFile<S extends z.ZodType>(
  path: string,
  schema: S,
  { log, now = Date.now }: { log: Logger; now?: () => number },
): Promise<z.output<S> | null> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    log.error(`${path} cannot be read; using defaults`, error)
    return null
  }
  const checked = validate(text, schema)
  if (checked.ok) return checked.data
  const aside = `${path}.bad-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`
  log.error(`${path} is not usable: ${checked.problem}`)
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
