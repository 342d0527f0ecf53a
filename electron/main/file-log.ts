import log from 'electron-log/main'
import type { Logger } from './logger'
import { createSafeLogger } from './safe-logger'

/** Largest size of the log file before electron-log rotates it to main.old.log. */
const MAX_LOG_BYTES = 5 * 1024 * 1024

/**
 * Sets up the rotating log file (userData/logs/main.log) and returns the logger.
 * Everything logged through it is neutralised and length-limited first
 * (safe-logger.ts), so text from the renderer cannot forge or flood log lines.
 * Renderer logging is not initialised on purpose: it would inject a preload and
 * IPC channels outside the kiosk's contract.
 */
export function createFileLogger(): Logger {
  log.transports.file.level = 'info'
  log.transports.file.maxSize = MAX_LOG_BYTES
  log.transports.console.level = process.env.NODE_ENV === 'production' ? false : 'info'
  log.errorHandler.startCatching({ showDialog: false })
  return createSafeLogger(log)
}
