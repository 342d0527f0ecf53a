import crypto, { type ScryptOptions } from 'node:crypto'
import { z } from 'zod'
import type { StaffChangeSchema, StaffLoginSchema, StaffStatusSchema } from '../contract'
import { readJsonFile, writeJsonFile } from './json-file'
import type { Logger } from './logger'

/** Wrong PINs in a row before staff entry locks. */
export const MAX_PIN_ATTEMPTS = 5
/** How long staff entry stays locked after too many wrong PINs. */
export const PIN_LOCK_MS = 5 * 60_000
/** Staff mode closes in main after this long without a staff call (the screen leaves after 2 minutes). */
export const STAFF_SESSION_MS = 5 * 60_000

/** scrypt cost: 2^15 x 8 x 128 bytes = 32 MiB and about 100 ms per try, so guessing is slow. */
const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const
const KEY_LENGTH = 32

/** Schema of a stored PIN: a salted scrypt hash and its cost, never the PIN itself. */
export const PinRecordSchema = z.strictObject({
  algorithm: z.literal('scrypt'),
  N: z
    .number()
    .int()
    .min(2 ** 14)
    .max(2 ** 20),
  r: z.number().int().min(8).max(32),
  p: z.number().int().min(1).max(4),
  salt: z.base64().max(100),
  hash: z.base64().max(100),
})
/** A stored PIN. */
export type PinRecord = z.infer<typeof PinRecordSchema>

const LockFileSchema = z.strictObject({
  failedAttempts: z.number().int().min(0).max(MAX_PIN_ATTEMPTS),
  lockedUntil: z.number().int().min(0).nullable(),
})
type LockState = z.infer<typeof LockFileSchema>

function derive(pin: string, salt: Buffer, cost: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(pin, salt, KEY_LENGTH, { ...cost, maxmem: 128 * cost.N! * cost.r! * 2 }, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  )
}

/** Hashes a PIN with a fresh random salt (node:crypto scrypt). */
export async function hashPin(pin: string): Promise<PinRecord> {
  const salt = crypto.randomBytes(16)
  const hash = await derive(pin, salt, SCRYPT_COST)
  return { algorithm: 'scrypt', ...SCRYPT_COST, salt: salt.toString('base64'), hash: hash.toString('base64') }
}

/** Whether a PIN matches a stored hash, compared in constant time. */
export async function pinMatches(pin: string, record: PinRecord): Promise<boolean> {
  const expected = Buffer.from(record.hash, 'base64')
  const actual = await derive(pin, Buffer.from(record.salt, 'base64'), record)
  // Constant-time comparison, so response times reveal nothing about how close a guess was.
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected)
}

/** Where the PIN lives (the configuration file) and what staff events are counted. */
export interface StaffAccessDeps {
  pin: { get(): PinRecord | null; set(record: PinRecord): Promise<void> }
  /** The lockout file, so a restart does not reset the count of wrong PINs. */
  lockFile: string
  count(event: 'staffLogins' | 'failedPinAttempts'): void
  log: Logger
  now?: () => number
}

/** Staff sign-in: the PIN, the lockout after wrong PINs, and the open staff session. */
export interface StaffAccess {
  status(): z.infer<typeof StaffStatusSchema>
  login(pin: string): Promise<z.infer<typeof StaffLoginSchema>>
  /** Sets the PIN: on first run (none set yet) or from an open staff session (change PIN). */
  setPin(pin: string): Promise<z.infer<typeof StaffChangeSchema>>
  /** Whether staff mode is open; each staff call keeps it open. */
  isOpen(): boolean
  /** Keeps the open session alive (called on every staff-only call). */
  touch(): void
  logout(): void
}

/**
 * Opens staff access. Five wrong PINs lock entry for five minutes, and the lock
 * is kept in `lockFile` so it survives a restart. A broken lock file is moved
 * aside and treated as no lock, so staff are never locked out for good.
 */
export async function openStaffAccess(deps: StaffAccessDeps): Promise<StaffAccess> {
  const now = deps.now ?? Date.now
  let lock: LockState = (await readJsonFile(deps.lockFile, LockFileSchema, { log: deps.log, now })) ?? {
    failedAttempts: 0,
    lockedUntil: null,
  }
  let sessionUntil = 0

  const lockedForMs = () => (lock.lockedUntil !== null && lock.lockedUntil > now() ? lock.lockedUntil - now() : 0)

  async function saveLock(next: LockState): Promise<void> {
    lock = next
    try {
      await writeJsonFile(deps.lockFile, lock)
    } catch (error) {
      deps.log.error(`The staff lockout could not be saved to ${deps.lockFile}`, error)
    }
  }

  const access: StaffAccess = {
    status: () => ({
      pinSet: deps.pin.get() !== null,
      lockedForSeconds: lockedForMs() > 0 ? Math.ceil(lockedForMs() / 1000) : null,
    }),
    async login(pin) {
      const record = deps.pin.get()
      if (!record) return { state: 'no-pin' }
      if (lockedForMs() > 0) return { state: 'locked', retryInSeconds: Math.ceil(lockedForMs() / 1000) }
      if (await pinMatches(pin, record)) {
        await saveLock({ failedAttempts: 0, lockedUntil: null })
        sessionUntil = now() + STAFF_SESSION_MS
        deps.count('staffLogins')
        deps.log.info('Staff mode opened')
        return { state: 'open' }
      }
      deps.count('failedPinAttempts')
      const failedAttempts = (lock.lockedUntil !== null ? 0 : lock.failedAttempts) + 1
      if (failedAttempts >= MAX_PIN_ATTEMPTS) {
        await saveLock({ failedAttempts: MAX_PIN_ATTEMPTS, lockedUntil: now() + PIN_LOCK_MS })
        deps.log.warn(`${MAX_PIN_ATTEMPTS} wrong staff PINs: staff entry locked for ${PIN_LOCK_MS / 60_000} minutes`)
        return { state: 'locked', retryInSeconds: PIN_LOCK_MS / 1000 }
      }
      await saveLock({ failedAttempts, lockedUntil: null })
      return { state: 'wrong', attemptsLeft: MAX_PIN_ATTEMPTS - failedAttempts }
    },
    async setPin(pin) {
      if (deps.pin.get() !== null && !access.isOpen()) {
        return { state: 'refused', reason: 'Sign in with the current PIN to change it.' }
      }
      try {
        await deps.pin.set(await hashPin(pin))
      } catch (error) {
        deps.log.error('The staff PIN could not be saved', error)
        return { state: 'refused', reason: 'The PIN could not be saved. The old PIN still works.' }
      }
      sessionUntil = now() + STAFF_SESSION_MS
      deps.log.info('Staff PIN set')
      return { state: 'saved' }
    },
    isOpen: () => now() < sessionUntil,
    touch() {
      if (access.isOpen()) sessionUntil = now() + STAFF_SESSION_MS
    },
    logout() {
      sessionUntil = 0
    },
  }
  return access
}
