import crypto, { type ScryptOptions } from 'node:crypto'
import { z } from 'zod'

/** scrypt cost: 2^15 x 8 x 128 bytes = 32 MiB and about 100 ms per try, so guessing is slow. */
const SCRYPT_COST = { N: 2 ** 15, r: 8, p: 1 } as const
/** Length of the derived key, in bytes; a stored hash of any other length could never match. */
const KEY_LENGTH = 32
/** Most memory one try may take (128 x N x r bytes): 64 MiB, twice the default cost. */
const MAX_SCRYPT_MEMORY = 64 * 1024 * 1024
/** Most work one try may take (N x r x p): four times the default cost, so a try stays well under a second. */
const MAX_SCRYPT_WORK = 4 * SCRYPT_COST.N * SCRYPT_COST.r * SCRYPT_COST.p

const isPowerOfTwo = (value: number) => (value & (value - 1)) === 0
/** Base64 text whose bytes number between min and max. */
const base64Bytes = (min: number, max: number) =>
  z
    .base64()
    .max(100)
    .refine(
      (text) => {
        const length = Buffer.from(text, 'base64').length
        return length >= min && length <= max
      },
      `Must hold ${min === max ? min : `${min} to ${max}`} bytes`,
    )

/**
 * Schema of a stored PIN: a salted scrypt hash and its cost, never the PIN
 * itself. The cost is bounded, so a planted record can neither make each try
 * take seconds and gigabytes nor be impossible to match.
 */
export const PinRecordSchema = z
  .strictObject({
    algorithm: z.literal('scrypt'),
    N: z
      .number()
      .int()
      .min(2 ** 14)
      .max(2 ** 16)
      .refine(isPowerOfTwo, 'N must be a power of two'),
    r: z.number().int().min(8).max(16),
    p: z.number().int().min(1).max(4),
    salt: base64Bytes(16, 64),
    hash: base64Bytes(KEY_LENGTH, KEY_LENGTH),
  })
  .refine((record) => 128 * record.N * record.r <= MAX_SCRYPT_MEMORY, 'The scrypt cost needs too much memory')
  .refine((record) => record.N * record.r * record.p <= MAX_SCRYPT_WORK, 'The scrypt cost takes too long')
/** A stored PIN. */
export type PinRecord = z.infer<typeof PinRecordSchema>

function derive(pin: string, salt: Buffer, cost: ScryptOptions & { N: number; r: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(pin, salt, KEY_LENGTH, { ...cost, maxmem: 2 * 128 * cost.N * cost.r }, (error, key) =>
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
