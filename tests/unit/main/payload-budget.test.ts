import { describe, expect, it } from 'vitest'
import { LOCALE_TAGS } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { IPC_PAYLOAD_BUDGET, measurePayload } from '../../../electron/main/payload-budget'
import { SELFCHECK_ITEMS } from '../../../src/content/journey'

function nested(levels: number): unknown {
  let value: unknown = 'leaf'
  for (let level = 0; level < levels; level++) value = { inner: value }
  return value
}

describe('payload budget', () => {
  it('lets the largest real payloads through with room to spare', () => {
    const settings = {
      ...DEFAULT_CONFIG,
      enabledLocales: [...LOCALE_TAGS],
      printerName: 'P'.repeat(200),
      clinicName: 'N'.repeat(80),
      clinicPhone: '1'.repeat(40),
    }
    for (const payload of [
      settings,
      { locale: 'zh-Hans', chosen: [...SELFCHECK_ITEMS] },
      { kind: 'missing-translation', locale: 'zh-Hans', key: 'k'.repeat(200) },
      { event: 'ended', locale: 'en', furthest: 'welcome', idle: true },
      { pin: '123456789012' },
      undefined,
    ]) {
      const measure = measurePayload(payload)
      expect(measure).toMatchObject({ ok: true })
      if (measure.ok) expect(measure.bytes).toBeLessThan(IPC_PAYLOAD_BUDGET.maxBytes / 8)
    }
  })

  it('counts string lengths, binary byte lengths and keys', () => {
    expect(measurePayload('abc')).toEqual({ ok: true, bytes: 3, nodes: 1, depth: 0 })
    expect(measurePayload({ ab: 'cd' })).toEqual({ ok: true, bytes: 8 + 2 + 2, nodes: 2, depth: 1 })
    expect(measurePayload(new Uint8Array(100))).toMatchObject({ ok: true, bytes: 100 })
    expect(measurePayload(new ArrayBuffer(64))).toMatchObject({ ok: true, bytes: 64 })
    expect(measurePayload(new DataView(new ArrayBuffer(32)))).toMatchObject({ ok: true, bytes: 32 })
  })

  it('refuses at the limit, not before', () => {
    const budget = { maxBytes: 100, maxDepth: 3, maxNodes: 10 }
    expect(measurePayload('x'.repeat(100), budget).ok).toBe(true)
    expect(measurePayload('x'.repeat(101), budget)).toMatchObject({ ok: false, overrun: 'bytes' })
    expect(measurePayload(nested(3), budget).ok).toBe(true)
    expect(measurePayload(nested(4), budget)).toMatchObject({ ok: false, overrun: 'depth' })
    expect(measurePayload([1, 2, 3, 4, 5, 6, 7, 8, 9], budget).ok).toBe(true)
    expect(measurePayload([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], budget)).toMatchObject({ ok: false, overrun: 'nodes' })
  })

  it.each([
    ['a 10 MB string', () => 'x'.repeat(10 * 1024 * 1024), 'bytes'],
    ['a 10 MB string deep inside', () => ({ a: [{ b: 'x'.repeat(10 * 1024 * 1024) }] }), 'bytes'],
    ['a 10 000-level nesting', () => nested(10_000), 'depth'],
    [
      'a 10 000-level array nesting',
      () => Array.from({ length: 10_000 }).reduce<unknown>((inner) => [inner], 0),
      'depth',
    ],
    ['a million-element array', () => new Array(1_000_000).fill(0), 'nodes'],
    ['a sparse array of length 2^32-1', () => new Array(2 ** 32 - 1), 'nodes'],
    [
      'an object with 100 000 keys',
      () => Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [i, i])),
      'nodes',
    ],
    ['a 1 MB typed array', () => new Float64Array(128 * 1024), 'bytes'],
    ['a 1 MB ArrayBuffer', () => new ArrayBuffer(1024 * 1024), 'bytes'],
    ['a long key', () => ({ ['k'.repeat(20_000)]: 1 }), 'bytes'],
    ['a big Map', () => new Map(Array.from({ length: 10_000 }, (_, i) => [i, i])), 'nodes'],
    ['a big Set', () => new Set(Array.from({ length: 10_000 }, (_, i) => i)), 'nodes'],
    ['a huge BigInt', () => 1n << 200_000n, 'bytes'],
    [
      'a cycle',
      () => {
        const loop: Record<string, unknown> = {}
        loop.self = loop
        loop.other = loop
        return loop
      },
      'depth',
    ],
  ] as const)('refuses %s', (_case, make, overrun) => {
    const measure = measurePayload(make())
    expect(measure).toMatchObject({ ok: false, overrun })
    if (!measure.ok) expect(measure.reason).toMatch(/bytes|levels|values/)
  })

  it('reports a payload that throws when read instead of throwing', () => {
    const getter = Object.defineProperty({}, 'evil', {
      enumerable: true,
      get() {
        throw new Error('boom')
      },
    })
    const proxy = new Proxy(
      {},
      {
        ownKeys() {
          throw new Error('boom')
        },
      },
    )
    expect(measurePayload(getter)).toEqual({ ok: false, overrun: 'unreadable', reason: 'not readable' })
    expect(measurePayload(proxy)).toMatchObject({ ok: false, overrun: 'unreadable' })
  })

  it('counts an Error’s message and a RegExp’s source', () => {
    expect(measurePayload(new Error('x'.repeat(20_000)))).toMatchObject({ ok: false, overrun: 'bytes' })
    expect(measurePayload(new RegExp('a'.repeat(20_000)))).toMatchObject({ ok: false, overrun: 'bytes' })
    expect(measurePayload(new Date(0))).toMatchObject({ ok: true })
  })
})
