import { z } from 'zod'
import { STAFF_SESSION_MS, type StaffChangeSchema, type StaffLoginSchema, type StaffStatusSchema } from '../contract'
import { readJsonFile, writeJsonFile } from './json-file'
import type { Logger } from './logger'
import { hashPin, pinMatches } from './pin-hash'
import type { StaffPinStore } from './staff-pin-store'

/** Wrong PINs in a row before staff entry locks. */
export const MAX_PIN_ATTEMPTS = 5
/** How long staff entry stays locked after too many wrong PINs. */
export const PIN_LOCK_MS = 5 * 60_000

const LockFileSchema = z.strictObject({
  failedAttempts: z.number().int().min(0).max(MAX_PIN_ATTEMPTS),
  /** Wall-clock end of the lock, so a restart keeps it. */
  lockedUntil: z.number().int().min(0).nullable(),
})
type LockFile = z.infer<typeof LockFileSchema>

/** Where the PIN lives and what staff events are counted. */
export interface StaffAccessDeps {
  pin: StaffPinStore
  /** The lockout file, so a restart does not reset the count of wrong PINs. */
  lockFile: string
  count(event: 'staffLogins' | 'failedPinAttempts'): void
  log: Logger
  /** Wall clock, only to carry the lock across a restart. */
  now?: () => number
  /** A clock that never jumps (performance.now): it times the lock and the staff session. */
  monotonic?: () => number
}

/** Staff sign-in: the PIN, the lockout after wrong PINs, and the open staff session. */
export interface StaffAccess {
  status(): z.infer<typeof StaffStatusSchema>
  login(pin: string): Promise<z.infer<typeof StaffLoginSchema>>
  /** Sets the PIN: on first run (none ever set) or from an open staff session (change PIN). */
  setPin(pin: string): Promise<z.infer<typeof StaffChangeSchema>>
  /** Whether staff mode is open; each staff call keeps it open. */
  isOpen(): boolean
  /** Keeps the open session alive (called on every staff-only call). */
  touch(): void
  logout(): void
}

/**
 * Opens staff access. Five wrong PINs lock entry for five minutes. Attempts
 * run one at a time and each is counted (and saved) before its hash is
 * checked, so a burst of parallel guesses gets no more tries than a slow one.
 * The lock and the session are timed on a clock that never jumps; the lock
 * file carries the lock across a restart, capped at its length, so a clock set
 * back (or a lock file from the future) never locks staff out for longer.
 * A broken lock file is moved aside and treated as no lock; deleting or
 * breaking it needs the machine's disk, as PIN recovery does.
 */
export async function openStaffAccess(deps: StaffAccessDeps): Promise<StaffAccess> {
  const now = deps.now ?? Date.now
  const monotonic = deps.monotonic ?? (() => performance.now())
  const saved = await readJsonFile(deps.lockFile, LockFileSchema, { log: deps.log, now })
  let failedAttempts = saved?.failedAttempts ?? 0
  /** End of the lock on the monotonic clock; null when not locked. */
  let lockEnds: number | null = null
  if (saved?.lockedUntil != null) {
    const remaining = saved.lockedUntil - now()
    if (remaining > PIN_LOCK_MS) deps.log.warn(`${deps.lockFile} holds a lock from the future; capped at its length`)
    if (remaining > 0) lockEnds = monotonic() + Math.min(remaining, PIN_LOCK_MS)
  }
  let sessionEnds = -Infinity
  /** Sign-ins and PIN changes, one at a time. */
  let queue: Promise<unknown> = Promise.resolve()
  const serialized = <T>(work: () => Promise<T>): Promise<T> => {
    const result = queue.then(work)
    queue = result.catch(() => undefined)
    return result
  }

  const lockedForMs = () => (lockEnds === null ? 0 : Math.max(0, lockEnds - monotonic()))
  const retryInSeconds = () => Math.max(1, Math.ceil(lockedForMs() / 1000))

  async function saveLock(): Promise<void> {
    const lock: LockFile = { failedAttempts, lockedUntil: lockEnds === null ? null : Math.round(now() + lockedForMs()) }
    try {
      await writeJsonFile(deps.lockFile, lock)
    } catch (error) {
      deps.log.error(`The staff lockout could not be saved to ${deps.lockFile}`, error)
    }
  }

  async function attempt(pin: string): Promise<z.infer<typeof StaffLoginSchema>> {
    const record = deps.pin.record()
    if (deps.pin.state() === 'reset-needed') return { state: 'reset-needed' }
    if (!record) return { state: 'no-pin' }
    if (lockedForMs() > 0) return { state: 'locked', retryInSeconds: retryInSeconds() }
    if (lockEnds !== null) {
      // The lock has run out: a fresh start.
      lockEnds = null
      failedAttempts = 0
    }
    failedAttempts += 1
    await saveLock()
    if (await pinMatches(pin, record)) {
      failedAttempts = 0
      await saveLock()
      sessionEnds = monotonic() + STAFF_SESSION_MS
      deps.count('staffLogins')
      deps.log.info('Staff mode opened')
      return { state: 'open' }
    }
    deps.count('failedPinAttempts')
    if (failedAttempts < MAX_PIN_ATTEMPTS) return { state: 'wrong', attemptsLeft: MAX_PIN_ATTEMPTS - failedAttempts }
    lockEnds = monotonic() + PIN_LOCK_MS
    await saveLock()
    deps.log.warn(`${MAX_PIN_ATTEMPTS} wrong staff PINs: staff entry locked for ${PIN_LOCK_MS / 60_000} minutes`)
    return { state: 'locked', retryInSeconds: retryInSeconds() }
  }

  async function changePin(pin: string): Promise<z.infer<typeof StaffChangeSchema>> {
    const state = deps.pin.state()
    if (state === 'reset-needed') {
      return { state: 'refused', reason: 'Staff access needs resetting on this machine (see the README).' }
    }
    if (state === 'set' && !access.isOpen())
      return { state: 'refused', reason: 'Sign in with the current PIN to change it.' }
    if (!deps.pin.changeAllowed()) {
      return { state: 'refused', reason: "The staff PIN is set by the clinic's IT for this kiosk." }
    }
    try {
      await deps.pin.set(await hashPin(pin))
    } catch (error) {
      deps.log.error('The staff PIN could not be saved', error)
      return {
        state: 'refused',
        reason:
          state === 'set' ? 'The PIN could not be saved. The old PIN still works.' : 'The PIN could not be saved.',
      }
    }
    sessionEnds = monotonic() + STAFF_SESSION_MS
    deps.log.info('Staff PIN set')
    return { state: 'saved' }
  }

  const access: StaffAccess = {
    status: () => ({
      pin: deps.pin.state(),
      pinChange: deps.pin.changeAllowed() ? 'allowed' : 'managed',
      lockedForSeconds: lockedForMs() > 0 ? retryInSeconds() : null,
    }),
    login: (pin) => serialized(() => attempt(pin)),
    setPin: (pin) => serialized(() => changePin(pin)),
    isOpen: () => monotonic() < sessionEnds,
    touch() {
      if (access.isOpen()) sessionEnds = monotonic() + STAFF_SESSION_MS
    },
    logout() {
      sessionEnds = -Infinity
    },
  }
  return access
}
