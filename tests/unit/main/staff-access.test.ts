import crypto from 'node:crypto'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  hashPin,
  MAX_PIN_ATTEMPTS,
  openStaffAccess,
  PIN_LOCK_MS,
  pinMatches,
  STAFF_SESSION_MS,
  type PinRecord,
} from '../../../electron/main/staff-access'
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
  const count = vi.fn()
  /** Moves the faked clock on. */
  const pass = (ms: number) => vi.setSystemTime(Date.now() + ms)
  const open = () =>
    openStaffAccess({
      pin: { get: () => pin, set: async (record) => void (pin = record) },
      lockFile: join(dir, 'staff-lockout.json'),
      count,
      log: fakeLog(),
    })

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-staff-'))
    pin = null
    count.mockClear()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2026, 10, 26, 9))
  })
  afterEach(() => vi.useRealTimers())

  it('on first run asks for a PIN to be set, then opens staff mode', async () => {
    const staff = await open()
    expect(staff.status()).toEqual({ pinSet: false, lockedForSeconds: null })
    await expect(staff.login('123456')).resolves.toEqual({ state: 'no-pin' })
    await expect(staff.setPin('24681357')).resolves.toEqual({ state: 'saved' })
    expect(staff.isOpen()).toBe(true)
    expect(staff.status().pinSet).toBe(true)
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
    expect(restarted.status()).toEqual({ pinSet: true, lockedForSeconds: 270 })
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
})
