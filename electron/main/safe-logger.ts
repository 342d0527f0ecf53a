/**
 * Keeps the log file honest: text that reaches it (some of it from the renderer)
 * cannot start a forged line, reorder what is shown with bidi controls, or
 * flood the file.
 */
import { inspect } from 'node:util'
import type { Logger } from './logger'

/** Longest text one log parameter keeps (before the "… N more characters" note). */
export const MAX_LOG_TEXT = 1000
/** Most stack frames an Error keeps in the log. */
const MAX_STACK_FRAMES = 30
/** Longest stack frame line and Error name kept. */
const MAX_FRAME_TEXT = 300
/** Most characters of a stack looked at for its frames. */
const MAX_STACK_TEXT = 64 * 1024
/** How many causes deep an Error's cause chain is kept. */
const MAX_CAUSES = 3

/**
 * C0 controls (including tab, CR and LF), DEL, C1 controls, the line and
 * paragraph separators, and the bidi controls: marks (U+200E, U+200F, U+061C),
 * embeddings and overrides (U+202A to U+202E) and isolates (U+2066 to U+2069).
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

/**
 * Makes text safe for one log line: every control, separator and bidi control
 * becomes visible `\u{...}` text (a newline becomes `\u{A}`), and text longer
 * than maxLength characters is cut there with a note of how much was left out.
 * Only the first maxLength characters are looked at, so a 10 MB string costs
 * no more than a short one.
 */
export function neutraliseForLog(text: string, maxLength: number = MAX_LOG_TEXT): string {
  const limit = Math.max(0, Math.floor(maxLength))
  if (text.length <= limit && !UNSAFE.test(text)) return text
  let out = ''
  let index = 0
  while (index < text.length && out.length < limit) {
    const code = text.charCodeAt(index)
    const isPair = code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && isLowSurrogate(text, index + 1)
    const char = text.slice(index, index + (isPair ? 2 : 1))
    out += UNSAFE.test(char) ? `\\u{${code.toString(16).toUpperCase()}}` : char
    index += char.length
  }
  return index < text.length ? `${out}… (${text.length - index} more characters)` : out
}

/**
 * Wraps a logger so everything it is given is neutralised (see neutraliseForLog)
 * and length-limited before the inner logger sees it:
 * - strings are neutralised and cut to maxLength;
 * - an Error is passed on as a copy whose name and message are neutralised and
 *   whose stack keeps its frames (one neutralised line each, at most 30) under
 *   a header rebuilt from the safe name and message; its cause chain likewise;
 * - any other object (or symbol, function) becomes a one-line, depth- and
 *   length-limited inspection, neutralised;
 * - numbers, booleans, bigints, null and undefined pass as they are.
 * When a call has several parameters, `%` before a format letter is escaped
 * too, so text cannot act as a printf-style placeholder that swallows or
 * rewrites the parameters after it. Logging never throws.
 */
export function createSafeLogger(inner: Logger, { maxLength = MAX_LOG_TEXT }: { maxLength?: number } = {}): Logger {
  const wrap =
    (level: keyof Logger) =>
    (...params: unknown[]): void => {
      let safe: unknown[]
      try {
        safe = params.map((param) => safeParam(param, maxLength, params.length > 1))
      } catch {
        safe = ['[a log message that could not be made safe]']
      }
      try {
        inner[level](...safe)
      } catch {
        // A failing log must not take the caller down.
      }
    }
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') }
}

function safeParam(param: unknown, maxLength: number, withPlaceholders: boolean): unknown {
  if (param === null || param === undefined) return param
  switch (typeof param) {
    case 'number':
    case 'boolean':
    case 'bigint':
      return param
    case 'string':
      return safeText(param, maxLength, withPlaceholders)
  }
  if (param instanceof Error) return safeError(param, maxLength, MAX_CAUSES)
  return safeText(describe(param, maxLength), maxLength, withPlaceholders)
}

/** Neutralised text; with placeholders, `%s` and the like become `\u{25}s`. */
function safeText(text: string, maxLength: number, withPlaceholders: boolean): string {
  const safe = neutraliseForLog(text, maxLength)
  return withPlaceholders ? safe.replace(/%(?=[%1cdfijoOs])/g, '\\u{25}') : safe
}

function safeError(error: Error, maxLength: number, causes: number): Error {
  const name = neutraliseForLog(
    readText(() => error.name, 'Error'),
    MAX_FRAME_TEXT,
  )
  const rawMessage = readText(() => error.message, '')
  const message = neutraliseForLog(rawMessage, maxLength)
  const copy = new Error(message)
  copy.name = name
  const header = message ? `${name}: ${message}` : name
  copy.stack = [header, ...stackFrames(error, rawMessage)].join('\n')
  if (causes > 0) {
    const cause = readValue(() => error.cause)
    if (cause !== undefined) {
      copy.cause = cause instanceof Error ? safeError(cause, maxLength, causes - 1) : safeParam(cause, maxLength, false)
    }
  }
  return copy
}

/**
 * The frame lines ("    at ...") of an Error's stack, each neutralised; never
 * its header, which holds the message (a forged "    at" line in the message
 * is skipped with it when the stack starts with the message, as V8 writes it).
 */
function stackFrames(error: Error, rawMessage: string): string[] {
  const stack = readText(() => error.stack, '')
  const start = rawMessage && stack.includes(rawMessage) ? stack.indexOf(rawMessage) + rawMessage.length : 0
  const frames: string[] = []
  for (const line of stack.slice(start, start + MAX_STACK_TEXT).split('\n')) {
    if (!/^\s+at \S/.test(line)) continue
    frames.push(neutraliseForLog(line, MAX_FRAME_TEXT))
    if (frames.length === MAX_STACK_FRAMES) break
  }
  return frames
}

/** One line, bounded in depth, entries and string length, whatever the value. */
function describe(value: unknown, maxLength: number): string {
  try {
    return inspect(value, {
      depth: 3,
      breakLength: Infinity,
      compact: true,
      maxArrayLength: 20,
      maxStringLength: maxLength,
      getters: false,
      customInspect: false,
    })
  } catch {
    return '[an uninspectable value]'
  }
}

function readText(read: () => unknown, fallback: string): string {
  try {
    const value = read()
    return typeof value === 'string' ? value : value === undefined ? fallback : String(value)
  } catch {
    return fallback
  }
}

function readValue(read: () => unknown): unknown {
  try {
    return read()
  } catch {
    return undefined
  }
}

function isLowSurrogate(text: string, index: number): boolean {
  const code = text.charCodeAt(index)
  return code >= 0xdc00 && code <= 0xdfff
}
