import crypto from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { PinState } from '../../../electron/contract'
import { hashPin, pinMatches, PinRecordSchema, type PinRecord } from '../../../electron/main/pin-hash'
import { STAFF_SESSION_MS } from '../../../electron/contract'
import { MAX_PIN_ATTEMPTS, openStaffAccess, PIN_LOCK_MS } from '../../../electron/main/staff-access'
import { fakeLog } from './fake-log'

describe('staff PIN hashing', () => {
  it('stores a salted scrypt hash, never the PIN, and two hashes of one PIN differ', async () => {
    const first = await hashPin('13579246')
    const second = await hashPin('13579246')
    expect(first).toMatchObject({ algorithm: 'scrypt', N: 2 ** 15, r: 8, p: 1 })
    expect(JSON.stringify(first)).not.toContain('13579246')
    expect(first.salt).not.toBe(second.salt)
    expect(first.hash).not.toBe(second.hash)
  })

  it('accepts the right PIN and refuses any other, comparing in constant time', async () => {
    const record = await hashPin('13579246')
    const compare = vi.spyOn(crypto, 'timingSafeEqual')
    await expect(pinMatches('13579246', record)).resolves.toBe(true)
    await expect(pinMatches('13579247', record)).resolves.toBe(false)
    await expect(pinMatches('1357924', record)).resolves.toBe(false)
    expect(compare).toHaveBeenCalledTimes(3)
    compare.mockRestore()
  })
})

describe('staff sign-in', () => {
  let dir: string
  let pin: PinRecord | null
  let pinState: PinState
  /** The clock that never jumps (performance.now in the app). */
  let monotonic: number
  const count = vi.fn()
  /** Time passes: both clocks move on. */
  const pass = (ms: number) => {
    monotonic += ms
    vi.setSystemTime(Date.now() + ms)
  }
  /** Someone sets the wall clock; time itself does not pass. */
  const setClock = (ms: number) => vi.setSystemTime(Date.now() + ms)
  const open = () =>
    openStaffAccess({
      pin: {
        state: () => (pin ? 'set' : pinState),
        record: () => pin,
        changeAllowed: () => true,
        set: async (record) => void (pin = record),
        reprovision: () => undefined,
      },
      lockFile: join(dir, 'staff-lockout.json'),
      count,
      log: fakeLog(),
      monotonic: () => monotonic,
    })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-staff-'))
    pin = null
    pinState = 'none'
    monotonic = 1_000
    count.mockClear()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2026, 10, 26, 9))
  })
  afterEach(() => vi.useRealTimers())

  it('on first run asks for a PIN to be set, then opens staff mode', async () => {
    const staff = await open()
    expect(staff.status()).toEqual({ pin: 'none', pinChange: 'allowed', lockedForSeconds: null })
    await expect(staff.login('123456')).resolves.toEqual({ state: 'no-pin' })
    await expect(staff.setPin('24681357')).resolves.toEqual({ state: 'saved' })
    expect(staff.isOpen()).toBe(true)
    expect(staff.status().pin).toBe('set')
  })

  it('changes the PIN only from an open staff session', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    await expect(staff.setPin('11112222')).resolves.toMatchObject({ state: 'refused' })
    await staff.login('24681357')
    await expect(staff.setPin('11112222')).resolves.toEqual({ state: 'saved' })
    staff.logout()
    await expect(staff.login('24681357')).resolves.toMatchObject({ state: 'wrong' })
    await expect(staff.login('11112222')).resolves.toEqual({ state: 'open' })
  })

  it('counts the staff login and the failed attempts, nothing else', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    await staff.login('00000000')
    await staff.login('24681357')
    expect(count.mock.calls).toEqual([['failedPinAttempts'], ['staffLogins']])
  })

  it(`locks entry for 5 minutes after ${MAX_PIN_ATTEMPTS} wrong PINs, even for the right PIN`, async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    for (let attempt = 1; attempt < MAX_PIN_ATTEMPTS; attempt++) {
      await expect(staff.login('99999999')).resolves.toEqual({
        state: 'wrong',
        attemptsLeft: MAX_PIN_ATTEMPTS - attempt,
      })
    }
    await expect(staff.login('99999999')).resolves.toEqual({ state: 'locked', retryInSeconds: 300 })
    pass(60_000)
    await expect(staff.login('24681357')).resolves.toEqual({ state: 'locked', retryInSeconds: 240 })
    expect(staff.isOpen()).toBe(false)
    pass(PIN_LOCK_MS - 60_000)
    await expect(staff.login('24681357')).resolves.toEqual({ state: 'open' })
  })

  it('keeps the lock across a restart', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt++) await staff.login('99999999')
    pass(30_000)
    const restarted = await open()
    expect(restarted.status()).toEqual({ pin: 'set', pinChange: 'allowed', lockedForSeconds: 270 })
    await expect(restarted.login('24681357')).resolves.toMatchObject({ state: 'locked' })
    pass(PIN_LOCK_MS)
    const later = await open()
    expect(later.status().lockedForSeconds).toBeNull()
    await expect(later.login('24681357')).resolves.toEqual({ state: 'open' })
  })

  it('keeps the count of wrong PINs across a restart', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    await staff.login('99999999')
    await staff.login('99999999')
    const restarted = await open()
    await expect(restarted.login('99999999')).resolves.toEqual({ state: 'wrong', attemptsLeft: 2 })
  })

  it('gives a fresh start after the lock ends', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt++) await staff.login('99999999')
    pass(PIN_LOCK_MS)
    await expect(staff.login('99999999')).resolves.toEqual({ state: 'wrong', attemptsLeft: MAX_PIN_ATTEMPTS - 1 })
  })

  it('never locks staff out for good over a broken lock file', async () => {
    pin = await hashPin('24681357')
    await writeFile(join(dir, 'staff-lockout.json'), '{"failedAttempts": 5, "lockedUntil": "forever"}')
    const staff = await open()
    await expect(staff.login('24681357')).resolves.toEqual({ state: 'open' })
  })

  it('stores only the count and the end of the lock', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    await staff.login('99999999')
    expect(JSON.parse(await readFile(join(dir, 'staff-lockout.json'), 'utf8'))).toEqual({
      failedAttempts: 1,
      lockedUntil: null,
    })
    await staff.login('24681357')
    expect(JSON.parse(await readFile(join(dir, 'staff-lockout.json'), 'utf8'))).toEqual({
      failedAttempts: 0,
      lockedUntil: null,
    })
  })

  it('closes staff mode after a quiet spell, and on logout', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    await staff.login('24681357')
    pass(STAFF_SESSION_MS - 1000)
    staff.touch()
    pass(STAFF_SESSION_MS - 1000)
    expect(staff.isOpen()).toBe(true)
    pass(2000)
    expect(staff.isOpen()).toBe(false)
    await staff.login('24681357')
    staff.logout()
    expect(staff.isOpen()).toBe(false)
  })

  it('closes staff entry, and refuses to set a PIN, while the PIN needs resetting on the machine', async () => {
    pinState = 'reset-needed'
    const staff = await open()
    expect(staff.status()).toEqual({ pin: 'reset-needed', pinChange: 'allowed', lockedForSeconds: null })
    await expect(staff.login('123456')).resolves.toEqual({ state: 'reset-needed' })
    await expect(staff.setPin('123456')).resolves.toMatchObject({ state: 'refused' })
    expect(pin).toBeNull()
    expect(staff.isOpen()).toBe(false)
  })

  it(`gives a burst of parallel guesses no more than ${MAX_PIN_ATTEMPTS} tries, and the lock holds`, async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    const guesses = Array.from({ length: 20 }, (_, index) => staff.login(String(10_000_000 + index)))
    const outcomes = await Promise.all(guesses)
    expect(outcomes.filter((outcome) => outcome.state === 'wrong')).toHaveLength(MAX_PIN_ATTEMPTS - 1)
    expect(outcomes.slice(MAX_PIN_ATTEMPTS - 1).every((outcome) => outcome.state === 'locked')).toBe(true)
    expect(count.mock.calls.filter(([event]) => event === 'failedPinAttempts')).toHaveLength(MAX_PIN_ATTEMPTS)
    // Even the right PIN, sent in a second burst, does not get through.
    const second = await Promise.all([staff.login('24681357'), staff.login('99999999'), staff.login('24681357')])
    expect(second.map((outcome) => outcome.state)).toEqual(['locked', 'locked', 'locked'])
    expect(staff.isOpen()).toBe(false)
    expect(JSON.parse(await readFile(join(dir, 'staff-lockout.json'), 'utf8'))).toMatchObject({
      failedAttempts: MAX_PIN_ATTEMPTS,
      lockedUntil: expect.any(Number),
    })
  })

  it('counts an attempt before its hash is checked, so ending the app mid-check does not give a free try', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    const pending = staff.login('99999999')
    // Read the file while scrypt runs: the attempt is already there.
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(join(dir, 'staff-lockout.json'), 'utf8'))).toMatchObject({ failedAttempts: 1 }),
    )
    await pending
  })

  it('a wall clock set back a year never makes the lock longer than its length', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt++) await staff.login('99999999')
    setClock(-365 * 86_400_000)
    expect(staff.status().lockedForSeconds).toBe(300)
    pass(PIN_LOCK_MS)
    await expect(staff.login('24681357')).resolves.toEqual({ state: 'open' })
  })

  it('a wall clock set forward does not lift the lock early in a running kiosk', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt++) await staff.login('99999999')
    setClock(365 * 86_400_000)
    await expect(staff.login('24681357')).resolves.toMatchObject({ state: 'locked' })
  })

  it('caps a lock file from the future at the lock length, and a clock set back before a restart', async () => {
    pin = await hashPin('24681357')
    await writeFile(
      join(dir, 'staff-lockout.json'),
      JSON.stringify({ failedAttempts: 5, lockedUntil: Date.now() + 365 * 86_400_000 }),
    )
    const staff = await open()
    expect(staff.status().lockedForSeconds).toBe(PIN_LOCK_MS / 1000)
    pass(PIN_LOCK_MS)
    expect(staff.status().lockedForSeconds).toBeNull()
    // A restart with the clock set back a year still waits no longer than the lock length.
    for (let attempt = 0; attempt < MAX_PIN_ATTEMPTS; attempt++) await staff.login('99999999')
    setClock(-365 * 86_400_000)
    const restarted = await open()
    expect(restarted.status().lockedForSeconds).toBe(PIN_LOCK_MS / 1000)
    pass(PIN_LOCK_MS)
    await expect(restarted.login('24681357')).resolves.toEqual({ state: 'open' })
  })

  it('a staff session is timed on the clock that never jumps', async () => {
    pin = await hashPin('24681357')
    const staff = await open()
    await staff.login('24681357')
    setClock(-365 * 86_400_000)
    pass(STAFF_SESSION_MS + 1)
    expect(staff.isOpen()).toBe(false)
  })
})

describe('the PIN record schema', () => {
  const valid = {
    algorithm: 'scrypt',
    N: 2 ** 15,
    r: 8,
    p: 1,
    salt: Buffer.alloc(16, 1).toString('base64'),
    hash: Buffer.alloc(32, 2).toString('base64'),
  }

  it('accepts what hashPin makes', async () => {
    expect(PinRecordSchema.safeParse(await hashPin('123456')).success).toBe(true)
    expect(PinRecordSchema.safeParse(valid).success).toBe(true)
  })

  it.each([
    ['a cost of gigabytes per try', { N: 2 ** 20, r: 32 }],
    ['N too large', { N: 2 ** 17 }],
    ['N too small', { N: 2 ** 10 }],
    ['N not a power of two', { N: 30_000 }],
    ['r too large', { r: 64 }],
    ['p too large', { p: 16 }],
    ['work of seconds per try', { N: 2 ** 16, r: 16, p: 4 }],
    ['a hash of the wrong length, impossible to match', { hash: Buffer.alloc(64).toString('base64') }],
    ['a short hash', { hash: Buffer.alloc(8).toString('base64') }],
    ['a tiny salt', { salt: Buffer.alloc(4).toString('base64') }],
    ['a hash that is not base64', { hash: '!!!!' }],
    ['another algorithm', { algorithm: 'md5' }],
    ['an extra field', { pin: '123456' }],
  ])('refuses %s', (_case, change) => {
    expect(PinRecordSchema.safeParse({ ...valid, ...change }).success).toBe(false)
  })
})
