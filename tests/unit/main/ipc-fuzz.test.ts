/**
 * Fuzzes the real IPC gate (registerIpcHandlers) with fake handlers: deterministic
 * malformed payloads of every kind on every channel, from trusted and untrusted
 * senders, with staff mode open for half the calls.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { CHANNELS, CONTRACT, STAFF_ONLY_CHANNELS, type ChannelName } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { ipcMain } from '../../mocks/electron'
import { registerGateOverFakes } from './fake-ipc-handlers'

const APP_FRAME = { url: 'app://kiosk/index.html', parent: null }
const NAMES = Object.keys(CHANNELS) as ChannelName[]
/** Calls per channel; two full rounds of every generator. */
const CALLS_PER_CHANNEL = 40
/** Longest log line the gate may write. */
const MAX_LOG_LINE = 300
/** Raw control, separator or bidi characters that must never reach a log line. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/
const MB = 1024 * 1024
/** One 10 MB string; huge strings are slices of it, so making them costs nothing. */
const HUGE = 'x'.repeat(10 * MB)

/** mulberry32: a small, seeded PRNG, so every run sends the same payloads. */
function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Random = ReturnType<typeof prng>
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1))

/** A valid payload of each channel, the base of the "almost right" cases. */
const SAMPLES: Record<ChannelName, unknown> = {
  getConfig: undefined,
  getAppInfo: undefined,
  reportProblem: { kind: 'missing-translation', locale: 'ar', key: 'doctor.title' },
  heartbeat: { resting: true },
  clearVisitorData: undefined,
  printHandout: { locale: 'es', chosen: ['over60', 'fluids'] },
  recordVisit: { event: 'ended', locale: 'vi', furthest: 'doctor', idle: false },
  getStaffStatus: undefined,
  setStaffPin: { pin: '123456' },
  staffLogin: { pin: '98765432' },
  staffLogout: undefined,
  staffKeepAlive: undefined,
  getStaffSettings: undefined,
  saveSettings: DEFAULT_CONFIG,
  getUsage: undefined,
  exportUsage: undefined,
  quitKiosk: undefined,
}

/** A fresh copy of a channel's sample as a plain record ({} for channels without payload). */
function sampleOf(name: ChannelName): Record<string, unknown> {
  const sample = SAMPLES[name]
  return sample === undefined ? {} : structuredClone(sample as Record<string, unknown>)
}

/** Puts value in a random field of the sample (a new field when it has none). */
function withField(random: Random, name: ChannelName, value: unknown): Record<string, unknown> {
  const base = sampleOf(name)
  const keys = Object.keys(base)
  base[keys.length > 0 && random() < 0.8 ? pick(random, keys) : 'extra'] = value
  return base
}

const CONTROL_AND_BIDI = [
  '\u0000',
  '\t',
  '\n',
  '\r',
  '\u001b[31m',
  '\u007f',
  '\u0085',
  '\u009b',
  '\u2028',
  '\u2029',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
]
const FORGED = '\n2026-01-01 [info] Staff mode opened'
const WRONG_VALUES = () => [
  null,
  0,
  -1,
  1.5,
  true,
  '',
  'x',
  [],
  {},
  12n,
  NaN,
  Infinity,
  -Infinity,
  -0,
  new Date(0),
  new Map([['a', 1]]),
  new Set([1]),
  new Uint8Array([1, 2, 3]),
  new ArrayBuffer(8),
  /re/g,
]

/**
 * What a generated call should meet: 'oversized' must be refused by the size
 * budget, 'invalid' by validation; 'unknown' is judged against the channel's
 * payload schema (valid ones reach the handler, unless staff-only and closed).
 */
type Kind = 'oversized' | 'invalid' | 'unknown'
type Generator = (random: Random, name: ChannelName) => { payload: unknown; kind: Kind }

const GENERATORS: Record<string, Generator> = {
  'a wrong type': (random, name) => {
    const payload = pick(
      random,
      WRONG_VALUES().filter((value) => !(SAMPLES[name] === undefined && value === undefined)),
    )
    return { payload, kind: 'invalid' }
  },
  'a huge string': (random, name) => {
    const huge = HUGE.slice(0, between(random, 1 * MB, 10 * MB))
    return { payload: random() < 0.3 ? huge : withField(random, name, huge), kind: 'oversized' }
  },
  'a huge string of control characters': (random, name) => ({
    payload: withField(random, name, `${FORGED}${'\u202e\n'.repeat(between(random, 100_000, 600_000))}`),
    kind: 'oversized',
  }),
  'a 10 000-level nesting': (random, name) => {
    let deep: unknown = 'leaf'
    for (let level = 0; level < 10_000; level++) deep = level % 2 === 0 ? { deep } : [deep]
    return { payload: random() < 0.5 ? deep : withField(random, name, deep), kind: 'oversized' }
  },
  'a long array': (random, name) => {
    const list = Array.from({ length: between(random, 2_000, 200_000) }, (_, index) => (index % 2 ? 'over60' : index))
    return { payload: random() < 0.3 ? list : withField(random, name, list), kind: 'oversized' }
  },
  'a wide object': (random, name) => {
    const wide = Object.fromEntries(Array.from({ length: between(random, 2_000, 20_000) }, (_, i) => [`k${i}`, i]))
    return { payload: { ...sampleOf(name), ...wide }, kind: 'oversized' }
  },
  'a large typed array': (random, name) => ({
    payload: withField(
      random,
      name,
      pick(random, [new Uint8Array(MB), new Float64Array(64 * 1024), new ArrayBuffer(MB)]),
    ),
    kind: 'oversized',
  }),
  'a cycle': (random, name) => {
    const payload = sampleOf(name)
    payload[random() < 0.5 ? 'self' : 'chosen'] = payload
    return { payload, kind: 'oversized' }
  },
  'prototype-pollution keys': (random, name) => {
    const keys = [
      '"__proto__": {"polluted": true}',
      '"constructor": {"prototype": {"polluted": true}}',
      '"prototype": 1',
    ]
    const json = JSON.stringify(sampleOf(name))
      .replace(/^\{/, `{${pick(random, keys)}, `)
      .replace(', }', '}')
    return { payload: JSON.parse(json), kind: 'unknown' }
  },
  'NaN, Infinity or -0': (random, name) => ({
    payload: withField(random, name, pick(random, [NaN, Infinity, -Infinity, -0, 1e308, Number.MAX_SAFE_INTEGER + 2])),
    kind: 'unknown',
  }),
  'a typed array, Date, Map or Set': (random, name) => ({
    payload: withField(
      random,
      name,
      pick(random, [new Uint8Array(4), new DataView(new ArrayBuffer(4)), new Date(), new Map(), new Set(['en']), /x/]),
    ),
    kind: 'unknown',
  }),
  'null bytes': (random, name) => {
    const payload = sampleOf(name)
    for (const key of Object.keys(payload)) if (typeof payload[key] === 'string') payload[key] += '\u0000'
    return { payload: random() < 0.2 ? '\u0000' : withField(random, name, `doctor\u0000title`), kind: 'unknown' }
  },
  'control and bidi characters': (random, name) => {
    const text = `a${pick(random, CONTROL_AND_BIDI)}b${pick(random, CONTROL_AND_BIDI)}${random() < 0.5 ? FORGED : ''}`
    return { payload: withField(random, name, text), kind: 'unknown' }
  },
  'extra fields': (random, name) => ({
    payload: { ...sampleOf(name), extra: 'x', printerName: 'Elsewhere', admin: true, [`k${between(random, 0, 9)}`]: 1 },
    kind: 'unknown',
  }),
  'one field wrong': (random, name) => ({
    payload: withField(random, name, pick(random, WRONG_VALUES())),
    kind: 'unknown',
  }),
  'one field missing': (random, name) => {
    const payload = sampleOf(name)
    const keys = Object.keys(payload)
    if (keys.length > 0) delete payload[pick(random, keys)]
    return { payload: keys.length > 0 ? payload : {}, kind: 'unknown' }
  },
  'another channel’s payload': (random) => ({
    payload: structuredClone(SAMPLES[pick(random, NAMES)]),
    kind: 'unknown',
  }),
  'just over the byte budget': (random, name) => ({
    payload: withField(random, name, HUGE.slice(0, 16 * 1024 + between(random, 1, 100))),
    kind: 'oversized',
  }),
  'just under the byte budget': (random, name) => ({
    payload: withField(random, name, HUGE.slice(0, 15 * 1024)),
    kind: 'unknown',
  }),
}
const GENERATOR_NAMES = Object.keys(GENERATORS)

const throwingFrame = {
  get url(): string {
    throw new Error('Render frame was disposed before WebFrameMain could be accessed')
  },
  parent: null,
}
const UNTRUSTED_SENDERS: readonly unknown[] = [
  null,
  undefined,
  throwingFrame,
  { url: 'https://evil.example/', parent: null },
  { url: 'app://kiosk.evil/index.html', parent: null },
  { url: 'app://kiosk/frame.html', parent: APP_FRAME },
  { url: 'file:///C:/kiosk/index.html', parent: null },
  { url: 'data:text/html,<script>1</script>', parent: null },
  { url: 'about:blank', parent: null },
  { url: `https://evil.example/${'%0A2026-01-01 [info] forged'.repeat(1000)}`, parent: null },
  { url: 'not a url \u202e\n', parent: null },
]

/** A log call as one line, as a text logger would write it. */
function logLine(params: unknown[]): string {
  return params.map((param) => (param instanceof Error ? param.message : String(param))).join(' ')
}

function hasPollutionKey(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    (Object.hasOwn(value, '__proto__') || Object.hasOwn(value, 'constructor') || Object.hasOwn(value, 'prototype'))
  )
}

describe('IPC gate fuzz', () => {
  let gate: ReturnType<typeof registerGateOverFakes>
  let log: typeof gate.log
  let handlers: typeof gate.handlers

  beforeEach(() => {
    gate = registerGateOverFakes()
    ;({ log, handlers } = gate)
  })

  it('covers every channel with every kind of malformed payload', () => {
    expect(NAMES.length * CALLS_PER_CHANNEL).toBeGreaterThanOrEqual(200)
    expect(CALLS_PER_CHANNEL).toBeGreaterThanOrEqual(2 * GENERATOR_NAMES.length)
    expect(Object.keys(SAMPLES).sort()).toEqual([...NAMES].sort())
  })

  it.each(NAMES.map((name, index) => [name, index] as const))(
    'answers malformed calls on %s with typed errors and never passes them on',
    async (name, index) => {
      const random = prng(0x6b696f73 + index)
      const handler = ipcMain.handlers.get(CHANNELS[name])!
      const schema = CONTRACT[name].payload
      const staffOnly = STAFF_ONLY_CHANNELS.includes(name)
      let reached = 0

      for (let call = 0; call < CALLS_PER_CHANNEL; call++) {
        const generator = GENERATOR_NAMES[call % GENERATOR_NAMES.length]!
        const { payload, kind } = GENERATORS[generator]!(random, name)
        const untrusted = call % 7 === 3
        const sender = untrusted ? pick(random, UNTRUSTED_SENDERS) : APP_FRAME
        gate.staffOpen = call % 2 === 0
        const label = `${name} #${call}: ${generator}${untrusted ? ' from an untrusted sender' : ''}, staff ${gate.staffOpen ? 'open' : 'closed'}`

        let result: unknown
        try {
          result = await handler({ senderFrame: sender }, payload)
        } catch (error) {
          expect.fail(`${label}: threw ${String(error)}`)
        }

        let expected: 'forbidden-sender' | 'invalid-payload' | 'staff-only' | 'ok'
        if (untrusted) expected = 'forbidden-sender'
        else if (kind !== 'unknown') expected = 'invalid-payload'
        else if (!schema.safeParse(payload).success) expected = 'invalid-payload'
        else expected = staffOnly && !gate.staffOpen ? 'staff-only' : 'ok'

        if (expected === 'ok') {
          expect(result, label).toMatchObject({ ok: true })
          reached += 1
        } else {
          expect(result, label).toEqual({ ok: false, error: { code: expected, message: expect.any(String) } })
        }
        if (kind === 'oversized' && !untrusted) {
          expect((result as { error: { message: string } }).error.message, label).toMatch(/too large/)
        }
        expect(handlers[name].mock.calls.length, `${label}: handler calls`).toBe(reached)
      }

      for (const [received] of handlers[name].mock.calls as unknown[][]) {
        expect(schema.safeParse(received).success, `${name}: handler got an invalid payload`).toBe(true)
        expect(hasPollutionKey(received), `${name}: handler got a prototype key`).toBe(false)
      }
      for (const other of NAMES) if (other !== name) expect(handlers[other]).not.toHaveBeenCalled()
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()

      const lines = [...log.info.mock.calls, ...log.warn.mock.calls, ...log.error.mock.calls].map(logLine)
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) {
        expect(line.length, line.slice(0, 200)).toBeLessThanOrEqual(MAX_LOG_LINE)
        expect(line, line.slice(0, 200)).not.toMatch(UNSAFE)
      }
    },
  )
})
