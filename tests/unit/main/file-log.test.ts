import { mkdtempSync, readFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import log from 'electron-log/main'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createFileLogger, formatFileLine, kioskIdForLog } from '../../../electron/main/file-log'
import { kioskIdOf } from '../../../electron/main/provisioning-file'

// electron-log's own Node logger (the same Logger, transports and formatting as electron-log/main, without
// Electron), so lines are formatted and written by electron-log itself, to a file in a temp folder. Its
// error handler is not started: it would catch the test runner's errors.
vi.mock('electron-log/main', async () => {
  const { default: nodeLog } = await import('electron-log/node')
  vi.spyOn(nodeLog.errorHandler, 'startCatching').mockImplementation(() => undefined)
  return { default: nodeLog }
})

/** A line's start: the time, the level padded to the same width, the kiosk. */
const LINE_START = /^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] (\[error\]|\[warn\] |\[info\] ) \[kiosk /
const NOT_JOURNAL = { env: {}, stderr: undefined }

let logFile: string
let consoleLines: unknown[][]

beforeEach(() => {
  logFile = join(mkdtempSync(join(tmpdir(), 'kiosk-log-')), 'main.log')
  log.transports.file.resolvePathFn = () => logFile
  consoleLines = []
  log.transports.console.writeFn = ({ message }) => void consoleLines.push(message.data)
})

/** The lines electron-log wrote to the log file. */
function fileLines(): string[] {
  return readFileSync(logFile, 'utf8').split('\n').slice(0, -1)
}

describe('the log file', () => {
  it('names the kiosk by its host name in every line until it is identified, then by its id', () => {
    const kioskLog = createFileLogger({ ...NOT_JOURNAL, host: 'clinic-pc' })
    kioskLog.info('Kiosk 0.1.0 starting')
    kioskLog.warn('No provisioning file')
    kioskLog.identify('front-desk-1')
    kioskLog.error('Printer offline')
    const lines = fileLines()
    expect(lines.map((line) => line.replace(LINE_START, '[time] $1 [kiosk '))).toEqual([
      '[time] [info]  [kiosk clinic-pc] Kiosk 0.1.0 starting',
      '[time] [warn]  [kiosk clinic-pc] No provisioning file',
      '[time] [error] [kiosk front-desk-1] Printer offline',
    ])
    // electron-log's own line layout: local time, the level padded so the text lines up.
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] {2}\[kiosk clinic-pc\] Kiosk/)
    expect(lines[2]).toMatch(/\] \[error\] \[kiosk front-desk-1\] Printer offline$/)
  })

  it('takes the machine’s host name by default, fitted as kioskIdOf fits it', () => {
    createFileLogger(NOT_JOURNAL).info('Ready')
    expect(fileLines()).toEqual([expect.stringContaining(`[kiosk ${kioskIdOf(undefined, hostname())}] Ready`)])
  })

  it('keeps a forged or placeholder kiosk id inside its line, and an empty one as the host name', () => {
    const kioskLog = createFileLogger({ ...NOT_JOURNAL, host: 'clinic-pc' })
    kioskLog.identify('evil\n[2026-01-01 00:00:00.000] [info]  [kiosk other] forged')
    kioskLog.info('one')
    kioskLog.identify('a%sb')
    kioskLog.info('two', 'three')
    kioskLog.identify('  ')
    kioskLog.info('four')
    const lines = fileLines()
    expect(lines).toHaveLength(3)
    for (const line of lines) expect(line).toMatch(LINE_START)
    expect(lines[0]).toContain('[kiosk evil\\u{A}[2026-01-01 00:00:00.000] [info]  [kiosk other] forged] one')
    expect(lines[1]).toContain('[kiosk a\\u{25}sb] two three')
    expect(lines[2]).toContain('[kiosk clinic-pc] four')
  })

  it('writes the safe logger’s neutralised text', () => {
    createFileLogger({ ...NOT_JOURNAL, host: 'clinic-pc' }).info('doctor.title\n[2026-01-01] [info] Staff mode opened')
    expect(fileLines()).toEqual([
      expect.stringMatching(/\[kiosk clinic-pc\] doctor\.title\\u\{A\}\[2026-01-01\] \[info\] Staff mode opened$/),
    ])
  })
})

describe('kioskIdForLog', () => {
  it('neutralises the id, cuts it to 64 characters and escapes %; empty, it is the fallback', () => {
    expect(kioskIdForLog('front-desk-1', 'host')).toBe('front-desk-1')
    expect(kioskIdForLog('a\u202Eb%d', 'host')).toBe('a\\u{202E}b\\u{25}d')
    expect(kioskIdForLog('k'.repeat(70), 'host')).toBe(`${'k'.repeat(64)}… (6 more characters)`)
    expect(kioskIdForLog(' \t', 'host')).toBe('host')
  })
})

describe('formatFileLine', () => {
  it('puts the time, the level and the kiosk id before the text', () => {
    const date = new Date(2026, 11, 2, 9, 5, 7, 42)
    expect(
      formatFileLine({
        data: ['Ready', 3],
        level: 'warn',
        message: { data: [], date, level: 'warn', variables: { processType: 'main', kioskId: 'k7' } },
      }),
    ).toEqual(['[2026-12-02 09:05:07.042] [warn]  [kiosk k7]', 'Ready', 3])
  })
})

describe('the journal', () => {
  const JOURNAL = { env: { JOURNAL_STREAM: '8:40123' }, stderr: { dev: 8n, ino: 40123n } }

  it('gets each message with its priority and kiosk id when stderr is the journal, and the console nothing', () => {
    const written: string[] = []
    const kioskLog = createFileLogger({ ...JOURNAL, host: 'clinic-pc', writeStderr: (text) => written.push(text) })
    kioskLog.info('Kiosk 0.1.0 starting')
    kioskLog.identify('front-desk-1')
    kioskLog.error('Print failed', new Error('boom'))
    expect(log.transports.console.level).toBe(false)
    expect(consoleLines).toEqual([])
    expect(written[0]).toBe('<6>kiosk_id=clinic-pc Kiosk 0.1.0 starting\n')
    const errorLines = written[1]!.split('\n').slice(0, -1)
    expect(errorLines[0]).toBe('<3>kiosk_id=front-desk-1 Print failed Error: boom')
    expect(errorLines.length).toBeGreaterThan(1)
    for (const line of errorLines) expect(line).toMatch(/^<3>kiosk_id=front-desk-1 /)
    expect(written).toHaveLength(2)
    // The file has every message too.
    expect(fileLines()[0]).toContain('[kiosk clinic-pc] Kiosk 0.1.0 starting')
  })

  it('gets nothing when JOURNAL_STREAM is stale, and the console is as before', () => {
    const written: string[] = []
    const stale = { ...JOURNAL, stderr: { dev: 8n, ino: 40124n } }
    createFileLogger({ ...stale, host: 'clinic-pc', writeStderr: (text) => written.push(text) }).info('Ready')
    expect(log.transports.journal).toBeUndefined()
    expect(written).toEqual([])
    expect(log.transports.console.level).toBe(process.env.NODE_ENV === 'production' ? false : 'info')
    expect(fileLines()).toEqual([expect.stringContaining('[kiosk clinic-pc] Ready')])
  })
})
