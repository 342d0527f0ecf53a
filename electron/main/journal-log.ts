/**
 * The kiosk's log in the systemd journal. Under the Linux unit (deploy/linux/leg-cramp-kiosk.service)
 * stderr is a stream to journald, which reads an sd-daemon(3) priority prefix (`<3>`, `<4>`, `<6>`) at
 * the start of each line as the entry's PRIORITY and takes every line as an entry of its own. So each
 * log message is written as lines that each carry the prefix and then `kiosk_id=<id>`: `journalctl -p
 * warning` and `journalctl -u leg-cramp-kiosk | grep kiosk_id=` both see every line of an Error's stack.
 */
import { fstatSync, writeSync } from 'node:fs'
import { formatWithOptions } from 'node:util'
import type { LogLevel, LogMessage, Transport } from 'electron-log'
import { neutraliseForLog } from './safe-logger'

/** The device and inode numbers of an open file, as fstat gives them. */
export interface StreamStat {
  dev: number | bigint
  ino: number | bigint
}

/**
 * Longest line written to the journal (after neutralising, before the "… N more characters" note).
 * Well under journald's LineMax (48K by default), which would otherwise split a line into entries whose
 * later parts start mid-text, where text could pass for a priority prefix.
 */
export const MAX_JOURNAL_LINE = 4096

/** sd-daemon(3) priorities (syslog's): error, warning, informational, debug. */
const PRIORITIES: Record<LogLevel, number> = { error: 3, warn: 4, info: 6, verbose: 7, debug: 7, silly: 7 }

/**
 * Whether stderr goes to the journal: systemd sets JOURNAL_STREAM to `<device>:<inode>` (decimal) of
 * the stream it connected, and it only counts while fd 2 is still that stream (systemd.exec(5),
 * "$JOURNAL_STREAM"): an inherited variable with stderr redirected elsewhere is stale.
 */
export function writesToJournal(env: Record<string, string | undefined>, stderrStat: StreamStat | undefined): boolean {
  const match = /^(\d+):(\d+)$/.exec(env.JOURNAL_STREAM ?? '')
  if (!match || !stderrStat) return false
  const [, dev = '', ino = ''] = match
  return BigInt(dev) === BigInt(stderrStat.dev) && BigInt(ino) === BigInt(stderrStat.ino)
}

/** fstat of fd 2 (bigint, as inode numbers can pass 2^53), or undefined when there is no stderr. */
export function stderrStat(): StreamStat | undefined {
  try {
    return fstatSync(2, { bigint: true })
  } catch {
    return undefined
  }
}

/** The sd-daemon(3) priority of an electron-log level (unknown levels are informational). */
export function journalPriority(level: string): number {
  return PRIORITIES[level as LogLevel] ?? 6
}

/**
 * A log message as the text written to the journal: one line per physical line of text (a newline,
 * however it got there, starts a new prefixed line, so no line goes out without the priority and kiosk
 * id), each `<priority>kiosk_id=<id> <text>` and ended by a newline. Each line is neutralised again
 * (a no-op for what the safe logger already neutralised; it catches a carriage return or NUL in text
 * that did not come through it, such as electron-log's own error handler) and cut to MAX_JOURNAL_LINE.
 * The kiosk id is neutralised too, and quoted, logfmt style, should it hold a space, `"` or `=`.
 */
export function formatJournalLines(level: string, text: string, kioskId: string): string {
  const priority = journalPriority(level)
  const id = neutraliseForLog(kioskId, 64)
  const field = `kiosk_id=${/^[^\s"=]+$/.test(id) ? id : JSON.stringify(id)}`
  return text
    .split('\n')
    .map((line) => {
      const safe = neutraliseForLog(line, MAX_JOURNAL_LINE)
      return `<${priority}>${field}${safe ? ` ${safe}` : ''}\n`
    })
    .join('')
}

/** The text of a message's parameters, as console.log would join them (an Error with its stack). */
export function journalText(data: unknown[]): string {
  try {
    return formatWithOptions({ depth: 5, breakLength: Infinity }, ...data)
  } catch {
    return '[a log message that could not be formatted]'
  }
}

/** Writes to fd 2 synchronously; a write that fails (the journal gone, its buffer full) is dropped. */
function writeStderr(text: string): void {
  try {
    writeSync(2, text)
  } catch {
    // The rotated file still has the line.
  }
}

/**
 * An electron-log transport writing each message to the journal. The kiosk id is the one the message
 * carries in its variables (file-log.ts sets `kioskId`), else `fallbackKioskId`.
 */
export function createJournalTransport({
  fallbackKioskId,
  write = writeStderr,
}: {
  fallbackKioskId: string
  write?: (text: string) => void
}): Transport {
  const transport = (message: LogMessage): void => {
    const kioskId = message.variables?.kioskId
    write(
      formatJournalLines(
        message.level,
        journalText(message.data),
        typeof kioskId === 'string' && kioskId ? kioskId : fallbackKioskId,
      ),
    )
  }
  return Object.assign(transport, { level: 'info' as const, transforms: [] })
}
