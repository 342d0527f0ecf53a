import { hostname } from 'node:os'
import type { FormatParams } from 'electron-log'
import log from 'electron-log/main'
import { createJournalTransport, stderrStat, writesToJournal, type StreamStat } from './journal-log'
import type { Logger } from './logger'
import { kioskIdOf } from './provisioning-file'
import { createSafeLogger, neutraliseForLog } from './safe-logger'

/** Largest size of the log file before electron-log rotates it to main.old.log. */
const MAX_LOG_BYTES = 5 * 1024 * 1024

/** The kiosk's logger: a Logger whose lines name the kiosk. */
export interface KioskLog extends Logger {
  /**
   * Names the kiosk in the lines logged from now on (the provisioned kiosk id, once the provisioning
   * file is read); until then they carry the host name.
   */
  identify(kioskId: string): void
}

/** What createFileLogger reads of the machine; tests pass their own. */
export interface FileLoggerOptions {
  /** The environment, for JOURNAL_STREAM. */
  env?: Record<string, string | undefined>
  /** The machine's host name: the kiosk id until identify() is called. */
  host?: string
  /** fstat of stderr, compared with JOURNAL_STREAM. */
  stderr?: StreamStat | undefined
  /** Writes to stderr, for the journal transport. */
  writeStderr?: (text: string) => void
}

/**
 * A kiosk id made safe for a log line: neutralised (controls and bidi controls become visible text, at
 * most 64 characters) and `%` escaped, so it cannot act as a printf-style placeholder in the line's
 * format string. Empty, it is the fallback.
 */
export function kioskIdForLog(kioskId: string, fallback: string): string {
  const safe = neutraliseForLog(kioskId.trim(), 64).replace(/%/g, '\\u{25}')
  return safe || fallback
}

/**
 * The rotated file's line: `[2026-12-02 09:30:00.000] [info]  [kiosk front-desk-1] text`, electron-log's
 * own format (local time, the level padded to align the text) with the kiosk id, taken from the
 * message's `kioskId` variable, after the level.
 */
export function formatFileLine({ data, level, message }: Pick<FormatParams, 'data' | 'level' | 'message'>): unknown[] {
  const date = message.date instanceof Date ? message.date : new Date()
  const two = (value: number) => String(value).padStart(2, '0')
  const day = `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}`
  const time = `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`
  const ms = String(date.getMilliseconds()).padStart(3, '0')
  const kioskId = message.variables?.kioskId
  const id = typeof kioskId === 'string' && kioskId ? kioskId : 'unknown'
  return [`[${day} ${time}.${ms}] [${`${level}]`.padEnd(6)} [kiosk ${id}]`, ...data]
}

/**
 * Sets up the rotating log file (userData/logs/main.log) and returns the logger.
 * Everything logged through it is neutralised and length-limited first
 * (safe-logger.ts), so text from the renderer cannot forge or flood log lines.
 * Every line names the kiosk (see KioskLog). When stderr is the systemd
 * journal's stream, messages also go there with their priority and the kiosk
 * id (journal-log.ts), in place of the console.
 * Renderer logging is not initialised on purpose: it would inject a preload and
 * IPC channels outside the kiosk's contract.
 */
export function createFileLogger({
  env = process.env,
  host = hostname(),
  stderr = stderrStat(),
  writeStderr,
}: FileLoggerOptions = {}): KioskLog {
  const hostId = kioskIdForLog(kioskIdOf(undefined, host), 'kiosk')
  log.variables.kioskId = hostId
  log.transports.file.level = 'info'
  log.transports.file.maxSize = MAX_LOG_BYTES
  log.transports.file.format = formatFileLine
  const journal = writesToJournal(env, stderr)
  log.transports.console.level = journal || process.env.NODE_ENV === 'production' ? false : 'info'
  if (journal) {
    log.transports.journal = createJournalTransport({
      fallbackKioskId: hostId,
      ...(writeStderr ? { write: writeStderr } : {}),
    })
  } else {
    delete log.transports.journal
  }
  log.errorHandler.startCatching({ showDialog: false })
  const safe = createSafeLogger(log)
  return {
    ...safe,
    identify(kioskId: string): void {
      log.variables.kioskId = kioskIdForLog(kioskId, hostId)
    },
  }
}
