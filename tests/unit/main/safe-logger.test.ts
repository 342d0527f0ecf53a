import { format } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createSafeLogger, MAX_LOG_TEXT, neutraliseForLog } from '../../../electron/main/safe-logger'
import { fakeLog } from './fake-log'

const FORGED = 'doctor.title\n2026-01-01 [info] Staff mode opened'
/** Any raw control, separator or bidi character. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/

function logged() {
  const inner = fakeLog()
  return { inner, log: createSafeLogger(inner) }
}

describe('neutraliseForLog', () => {
  it('keeps ordinary text as it is, including non-Latin scripts and emoji', () => {
    for (const text of [
      'Settings saved: clinicName',
      'مرحبا',
      '你好',
      'Tiếng Việt',
      'ok 👍',
      'C:\\kiosk\\main.log',
      '',
    ]) {
      expect(neutraliseForLog(text)).toBe(text)
    }
  })

  it('keeps a forged log line on the same line', () => {
    const safe = neutraliseForLog(FORGED)
    expect(safe).toBe('doctor.title\\u{A}2026-01-01 [info] Staff mode opened')
    expect(safe.split('\n')).toHaveLength(1)
  })

  it.each([
    ['NUL', '\u0000', '\\u{0}'],
    ['tab', '\t', '\\u{9}'],
    ['carriage return', '\r', '\\u{D}'],
    ['escape (ANSI colours)', '\u001b[31m', '\\u{1B}[31m'],
    ['DEL', '\u007f', '\\u{7F}'],
    ['next line (C1)', '\u0085', '\\u{85}'],
    ['CSI (C1)', '\u009b', '\\u{9B}'],
    ['line separator', '\u2028', '\\u{2028}'],
    ['paragraph separator', '\u2029', '\\u{2029}'],
    ['left-to-right mark', '\u200e', '\\u{200E}'],
    ['right-to-left mark', '\u200f', '\\u{200F}'],
    ['Arabic letter mark', '\u061c', '\\u{61C}'],
    ['left-to-right embedding', '\u202a', '\\u{202A}'],
    ['right-to-left override', '\u202e', '\\u{202E}'],
    ['left-to-right isolate', '\u2066', '\\u{2066}'],
    ['pop directional isolate', '\u2069', '\\u{2069}'],
  ])('escapes %s as visible text', (_name, raw, escaped) => {
    expect(neutraliseForLog(`a${raw}b`)).toBe(`a${escaped}b`)
  })

  it('escapes a bidi override that would make a log line read backwards', () => {
    const safe = neutraliseForLog('key \u202Edenepo edom ffatS\u202C end')
    expect(safe).toBe('key \\u{202E}denepo edom ffatS\\u{202C} end')
    expect(safe).not.toMatch(UNSAFE)
  })

  it('cuts long text and says how much was left out, looking only at the start', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024)
    const safe = neutraliseForLog(huge)
    expect(safe).toBe(`${'x'.repeat(MAX_LOG_TEXT)}… (${huge.length - MAX_LOG_TEXT} more characters)`)
    expect(neutraliseForLog('abcdef', 3)).toBe('abc… (3 more characters)')
    expect(neutraliseForLog('\n'.repeat(1000), 20)).toMatch(/^(\\u\{A\}){4}… \(996 more characters\)$/)
  })

  it('never cuts an emoji in half', () => {
    expect(neutraliseForLog('a👍👍', 2)).toBe('a👍… (2 more characters)')
  })
})

describe('createSafeLogger', () => {
  it('neutralises and cuts every string parameter at every level', () => {
    const { inner, log } = logged()
    log.info(FORGED)
    log.warn(`Renderer reports a missing-translation: "${FORGED}"`, 'x'.repeat(5000))
    log.error('\u202Eoops')
    expect(inner.info).toHaveBeenCalledWith('doctor.title\\u{A}2026-01-01 [info] Staff mode opened')
    const [first, second] = inner.warn.mock.calls[0] as [string, string]
    expect(first).not.toMatch(UNSAFE)
    expect(second.length).toBeLessThan(MAX_LOG_TEXT + 40)
    expect(inner.error).toHaveBeenCalledWith('\\u{202E}oops')
  })

  it('keeps an Error’s stack frames but neutralises its message', () => {
    const { inner, log } = logged()
    const error = new Error(`Could not read ${FORGED}`)
    log.error('IPC reportProblem: handler failed', error)
    const [, safe] = inner.error.mock.calls[0] as [string, Error]
    expect(safe).toBeInstanceOf(Error)
    expect(safe.message).toBe('Could not read doctor.title\\u{A}2026-01-01 [info] Staff mode opened')
    const [header, ...frames] = safe.stack!.split('\n')
    expect(header).toBe(`Error: ${safe.message}`)
    expect(frames.length).toBeGreaterThan(0)
    for (const frame of frames) expect(frame).toMatch(/^\s+at \S/)
    expect(safe.stack).toContain('safe-logger.test.ts')
    // As electron-log writes it: the forged text never starts a line of its own.
    expect(
      format('x', safe.stack)
        .split('\n')
        .some((line) => line.startsWith('2026-01-01')),
    ).toBe(false)
  })

  it('neutralises an Error’s name, a forged frame in its message and its cause', () => {
    const { inner, log } = logged()
    const cause = new TypeError('inner\u2028cause')
    const error = new Error('outer\n    at forged (evil.js:1:1)', { cause })
    error.name = 'Bad\u202EName'
    log.error(error)
    const [safe] = inner.error.mock.calls[0] as [Error]
    expect(safe.name).toBe('Bad\\u{202E}Name')
    const [header, ...frames] = safe.stack!.split('\n')
    expect(header).toBe('Bad\\u{202E}Name: outer\\u{A}    at forged (evil.js:1:1)')
    expect(frames.join('\n')).not.toContain('evil.js')
    expect((safe.cause as Error).message).toBe('inner\\u{2028}cause')
    expect((safe.cause as Error).stack).not.toMatch(/inner\u2028/)
  })

  it('cuts a huge Error message and survives an Error whose properties throw', () => {
    const { inner, log } = logged()
    log.error(new Error('m'.repeat(1_000_000)))
    const hostile = new Error('x')
    Object.defineProperty(hostile, 'stack', {
      get() {
        throw new Error('no')
      },
    })
    Object.defineProperty(hostile, 'message', {
      get() {
        throw new Error('no')
      },
    })
    log.error('failed', hostile)
    const [big] = inner.error.mock.calls[0] as [Error]
    expect(big.message.length).toBeLessThan(MAX_LOG_TEXT + 40)
    expect(big.stack!.length).toBeLessThan(MAX_LOG_TEXT + 40 + 30 * 310)
    expect(inner.error.mock.calls[1]).toEqual(['failed', expect.any(Error)])
  })

  it('turns other objects into one neutralised, bounded line and passes numbers on', () => {
    const { inner, log } = logged()
    log.warn('issues', [{ path: ['key'], value: 'a\nb\u202E' }], { list: new Array(10_000).fill('y') }, 42, null)
    const [, issues, list, number, nothing] = inner.warn.mock.calls[0]!
    expect(issues).toEqual(expect.any(String))
    expect(issues).not.toMatch(UNSAFE)
    expect((list as string).length).toBeLessThan(MAX_LOG_TEXT + 40)
    expect([number, nothing]).toEqual([42, null])
  })

  it('stops text from acting as a format placeholder for the parameters after it', () => {
    const { inner, log } = logged()
    log.error('Renderer said %c%s', 'color: white', new Error('the real failure'))
    const params = inner.error.mock.calls[0]!
    expect(params[0]).toBe('Renderer said \\u{25}c\\u{25}s')
    const line = format(...(params as [string, ...unknown[]]))
    expect(line).toContain('color: white')
    expect(line).toContain('the real failure')
    log.info('100% done')
    expect(inner.info).toHaveBeenCalledWith('100% done')
  })

  it('never throws, even when the inner logger does', () => {
    const inner = fakeLog()
    inner.error.mockImplementation(() => {
      throw new Error('disk full')
    })
    expect(() => createSafeLogger(inner).error('x', new Error('y'))).not.toThrow()
  })
})
