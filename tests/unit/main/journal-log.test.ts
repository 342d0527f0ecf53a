import { fstatSync } from 'node:fs'
import type { LogMessage } from 'electron-log'
import { describe, expect, it, vi } from 'vitest'
import {
  createJournalTransport,
  formatJournalLines,
  journalPriority,
  journalText,
  MAX_JOURNAL_LINE,
  stderrStat,
  writesToJournal,
} from '../../../electron/main/journal-log'
import type { Logger } from '../../../electron/main/logger'
import { createSafeLogger, neutraliseForLog } from '../../../electron/main/safe-logger'

const FORGED = 'doctor.title\n<0>kiosk_id=other 2026-01-01 [info] Staff mode opened'

/** A message as electron-log hands it to a transport. */
function message(level: LogMessage['level'], data: unknown[], kioskId?: string): LogMessage {
  return { level, data, date: new Date(), variables: { processType: 'main', ...(kioskId ? { kioskId } : {}) } }
}

/** The safe logger over a journal transport, as file-log.ts wires them; what reaches stderr is collected. */
function journalled(kioskId = 'front-desk-1') {
  const written: string[] = []
  const transport = createJournalTransport({ fallbackKioskId: 'host', write: (text) => written.push(text) })
  const inner: Logger = {
    info: (...data) => transport(message('info', data, kioskId)),
    warn: (...data) => transport(message('warn', data, kioskId)),
    error: (...data) => transport(message('error', data, kioskId)),
  }
  return { log: createSafeLogger(inner), lines: () => written.join('').split('\n').slice(0, -1), written }
}

describe('writesToJournal', () => {
  it('is true when JOURNAL_STREAM names the device and inode stderr is', () => {
    expect(writesToJournal({ JOURNAL_STREAM: '8:40123' }, { dev: 8, ino: 40123 })).toBe(true)
    expect(writesToJournal({ JOURNAL_STREAM: '8:40123' }, { dev: 8n, ino: 40123n })).toBe(true)
    // Inode numbers past 2^53 compare exactly (fstat with bigint).
    expect(writesToJournal({ JOURNAL_STREAM: '8:18446744073709551557' }, { dev: 8n, ino: 18446744073709551557n })).toBe(
      true,
    )
  })

  it('is false for a stale JOURNAL_STREAM: stderr redirected since systemd set it', () => {
    expect(writesToJournal({ JOURNAL_STREAM: '8:40123' }, { dev: 8, ino: 40124 })).toBe(false)
    expect(writesToJournal({ JOURNAL_STREAM: '8:40123' }, { dev: 9, ino: 40123 })).toBe(false)
    expect(writesToJournal({ JOURNAL_STREAM: '8:18446744073709551557' }, { dev: 8n, ino: 18446744073709551556n })).toBe(
      false,
    )
  })

  it('is false outside systemd, or when the variable or stderr make no sense', () => {
    expect(writesToJournal({}, { dev: 8, ino: 40123 })).toBe(false)
    expect(writesToJournal({ JOURNAL_STREAM: '8:40123' }, undefined)).toBe(false)
    for (const value of ['', '8', '8:', ':40123', '8:40123:1', ' 8:40123', '8:40123\n', '0x8:40123', '-8:40123']) {
      expect(writesToJournal({ JOURNAL_STREAM: value }, { dev: 8, ino: 40123 })).toBe(false)
    }
  })

  it('compares with the stderr this process has', () => {
    const stat = stderrStat()
    expect(stat).toEqual(fstatSync(2, { bigint: true }))
    expect(writesToJournal({ JOURNAL_STREAM: `${stat!.dev}:${stat!.ino}` }, stat)).toBe(true)
    expect(writesToJournal({ JOURNAL_STREAM: `${stat!.dev}:${BigInt(stat!.ino) + 1n}` }, stat)).toBe(false)
  })
})

describe('journalPriority', () => {
  it('maps electron-log levels to sd-daemon priorities', () => {
    expect(['error', 'warn', 'info', 'verbose', 'debug', 'silly', 'other'].map(journalPriority)).toEqual([
      3, 4, 6, 7, 7, 7, 6,
    ])
  })
})

describe('formatJournalLines', () => {
  it('writes one line with the priority prefix and the kiosk id before the text', () => {
    expect(formatJournalLines('info', 'Kiosk 0.1.0 starting', 'front-desk-1')).toBe(
      '<6>kiosk_id=front-desk-1 Kiosk 0.1.0 starting\n',
    )
    expect(formatJournalLines('warn', 'Printer offline', 'k7')).toBe('<4>kiosk_id=k7 Printer offline\n')
    expect(formatJournalLines('error', 'The kiosk failed to start', 'k7')).toBe(
      '<3>kiosk_id=k7 The kiosk failed to start\n',
    )
  })

  it('prefixes every physical line of a multi-line message, such as a stack', () => {
    const error = new Error('boom')
    const written = formatJournalLines('error', journalText(['Print failed', error]), 'k7')
    const lines = written.split('\n')
    expect(lines.pop()).toBe('')
    expect(lines.length).toBe(error.stack!.split('\n').length)
    expect(lines[0]).toBe('<3>kiosk_id=k7 Print failed Error: boom')
    for (const line of lines) expect(line).toMatch(/^<3>kiosk_id=k7 /)
    expect(lines.slice(1).every((line) => /^<3>kiosk_id=k7 {5}at \S/.test(line))).toBe(true)
    // An empty line stays a line of its own, prefixed.
    expect(formatJournalLines('warn', 'a\n\nb', 'k7')).toBe('<4>kiosk_id=k7 a\n<4>kiosk_id=k7\n<4>kiosk_id=k7 b\n')
  })

  it('neutralises what could still break or split a line: carriage returns, NUL, overlong lines', () => {
    expect(formatJournalLines('info', 'a\rb\u0000c\u2028d', 'k7')).toBe('<6>kiosk_id=k7 a\\u{D}b\\u{0}c\\u{2028}d\n')
    const [line] = formatJournalLines('info', 'x'.repeat(MAX_JOURNAL_LINE + 10), 'k7').split('\n')
    expect(line).toBe(`<6>kiosk_id=k7 ${'x'.repeat(MAX_JOURNAL_LINE)}… (10 more characters)`)
  })

  it('keeps the kiosk id one safe logfmt value', () => {
    expect(formatJournalLines('info', 'x', 'evil\n<0>forged')).toBe('<6>kiosk_id=evil\\u{A}<0>forged x\n')
    expect(formatJournalLines('info', 'x', 'front desk "1"')).toBe('<6>kiosk_id="front desk \\"1\\"" x\n')
    expect(formatJournalLines('info', 'x', 'a=b')).toBe('<6>kiosk_id="a=b" x\n')
    expect(formatJournalLines('info', 'x', 'k'.repeat(100))).toMatch(
      /^<6>kiosk_id="k{64}… \(36 more characters\)" x\n$/,
    )
  })
})

describe('the journal transport', () => {
  it('is an electron-log transport at info that names the kiosk from the message, else the host', () => {
    const write = vi.fn()
    const transport = createJournalTransport({ fallbackKioskId: 'clinic-pc', write })
    expect(transport.level).toBe('info')
    expect(transport.transforms).toEqual([])
    transport(message('info', ['Ready'], 'front-desk-1'))
    transport(message('warn', ['Before provisioning']))
    expect(write.mock.calls).toEqual([
      ['<6>kiosk_id=front-desk-1 Ready\n'],
      ['<4>kiosk_id=clinic-pc Before provisioning\n'],
    ])
  })

  it('writes the safe logger’s neutralised text: forged text never starts a line of its own', () => {
    const { log, lines, written } = journalled()
    log.info(FORGED)
    expect(written).toEqual([`<6>kiosk_id=front-desk-1 ${neutraliseForLog(FORGED)}\n`])
    expect(lines()).toEqual([
      '<6>kiosk_id=front-desk-1 doctor.title\\u{A}<0>kiosk_id=other 2026-01-01 [info] Staff mode opened',
    ])
  })

  it('writes an Error as its safe header and frames, each line prefixed with the priority and kiosk id', () => {
    const { log, lines } = journalled()
    log.error('IPC reportProblem: handler failed', new Error(`Could not read ${FORGED}\n    at forged (evil.js:1:1)`))
    const all = lines()
    expect(all[0]).toBe(
      '<3>kiosk_id=front-desk-1 IPC reportProblem: handler failed Error: Could not read doctor.title\\u{A}<0>kiosk_id=other' +
        ' 2026-01-01 [info] Staff mode opened\\u{A}    at forged (evil.js:1:1)',
    )
    expect(all.length).toBeGreaterThan(1)
    for (const line of all.slice(1)) expect(line).toMatch(/^<3>kiosk_id=front-desk-1 {5}at \S/)
    expect(all.some((line) => line.includes('journal-log.test.ts'))).toBe(true)
    expect(all.some((line) => line.includes('evil.js') && !line.startsWith('<3>kiosk_id=front-desk-1 IPC'))).toBe(false)
  })

  it('keeps placeholders in text from swallowing the parameters after them', () => {
    const { log, written } = journalled()
    log.warn('Saved %s to', '/tmp/usage.csv')
    expect(written).toEqual(['<4>kiosk_id=front-desk-1 Saved \\u{25}s to /tmp/usage.csv\n'])
  })
})
