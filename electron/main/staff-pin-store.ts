import { z } from 'zod'
import type { PinState } from '../contract'
import { readJson, writeJsonFile } from './json-file'
import type { Logger } from './logger'
import { PinRecordSchema, type PinRecord } from './pin-hash'

/** The PIN file's current version. */
const PIN_FILE_VERSION = 1

/**
 * Schema of staff-pin.json: the PIN's hash, or the record that staff access
 * must be reset on this machine (written when an older release's PIN could not
 * be carried over).
 */
const PinFileSchema = z.union([
  z.strictObject({
    version: z.literal(PIN_FILE_VERSION),
    pin: PinRecordSchema,
    /** The provisioned PIN's hash this PIN replaced; it holds only while the fleet provisions that one. */
    over: z.string().max(100).optional(),
  }),
  z.strictObject({ version: z.literal(PIN_FILE_VERSION), resetNeeded: z.string().max(200) }),
])
type PinFile = z.infer<typeof PinFileSchema>

/** A staff PIN the fleet's provisioning file sets. */
export interface ProvisionedPin {
  record: PinRecord
  /** Whether staff may change it on the kiosk. */
  changeAllowed: boolean
}

/**
 * The staff PIN, kept in a file of its own so no settings problem can ever
 * touch it, or provisioned by the fleet.
 */
export interface StaffPinStore {
  /**
   * set; none (never set on this machine, so first-run setup is offered);
   * reset-needed (staff entry stays closed). Always set while a PIN is provisioned.
   */
  state(): PinState
  /** The hash a PIN is checked against while the state is "set". */
  record(): PinRecord | null
  /** Whether staff may change the PIN here (not when the fleet provisions it without allowing that). */
  changeAllowed(): boolean
  /** Saves a new hash atomically, readable by this user only. */
  set(record: PinRecord): Promise<void>
  /** Takes the provisioning file's PIN (or its absence) after a pushed change. */
  reprovision(provisioned: ProvisionedPin | null): void
}

/** Where the PIN lives, and the configuration file an older release kept it in. */
export interface StaffPinStoreOptions {
  /** staff-pin.json in the kiosk's user-data folder. */
  file: string
  /** config.json: release 0.1 kept the PIN there, as `staffPin`. */
  legacyConfigFile: string
  /** The provisioning file's PIN, if any. */
  provisioned: ProvisionedPin | null
  log: Logger
}

/**
 * Opens the staff PIN. Only a path where no file exists means "no PIN was ever
 * set"; a file that cannot be read or validated (a broken disk, a bad edit, a
 * newer release's format) closes staff entry until someone with access to the
 * machine deletes it (the README's recovery procedure). It is never moved
 * aside or rewritten because of a problem. A PIN that release 0.1 kept in
 * config.json is carried over on first start.
 *
 * A provisioned PIN is the PIN (first-run setup is off, and a broken local
 * file does not close staff entry), unless the fleet allows changes and staff
 * changed it here: their PIN holds until the fleet provisions a different one.
 */
export async function openStaffPinStore(options: StaffPinStoreOptions): Promise<StaffPinStore> {
  const { file } = options
  let local = await loadPin(options)
  let provisioned = options.provisioned

  const localReplacesProvisioned = () =>
    !!provisioned?.changeAllowed && local.state === 'set' && local.over === provisioned.record.hash

  return {
    state: () => (provisioned ? 'set' : local.state),
    record: () => {
      if (provisioned && !localReplacesProvisioned()) return provisioned.record
      return local.state === 'set' ? local.record : null
    },
    changeAllowed: () => !provisioned || provisioned.changeAllowed,
    async set(record) {
      const over = provisioned?.record.hash
      await writeJsonFile(file, { version: PIN_FILE_VERSION, pin: record, over } satisfies PinFile, { mode: 0o600 })
      local = { state: 'set', record, over }
    },
    reprovision(next) {
      provisioned = next
    },
  }
}

type LoadedPin = { state: 'set'; record: PinRecord; over?: string } | { state: 'none' | 'reset-needed' }

async function loadPin(options: StaffPinStoreOptions): Promise<LoadedPin> {
  const { file, log } = options
  const read = await readJson(file)
  if (read.state === 'missing') return carryOverLegacyPin(options)
  const parsed = read.state === 'read' ? PinFileSchema.safeParse(read.json) : null
  if (parsed?.success) {
    if ('pin' in parsed.data) return { state: 'set', record: parsed.data.pin, over: parsed.data.over }
    log.error(`${file} says staff access must be reset: ${parsed.data.resetNeeded}`)
    return { state: 'reset-needed' }
  }
  const problem = read.state === 'unusable' ? read.problem : z.prettifyError(parsed!.error)
  log.error(`The staff PIN file ${file} is not usable (${problem}); staff entry stays closed until it is reset`)
  return { state: 'reset-needed' }
}

/**
 * Release 0.1 kept the PIN in config.json. When that file holds a `staffPin`,
 * the PIN moves to its own file (or, if it is broken, the need for a reset is
 * recorded there), and only then is the entry taken out of config.json, so a
 * later recovery that deletes staff-pin.json cannot bring the old PIN back.
 */
async function carryOverLegacyPin({ file, legacyConfigFile, log }: StaffPinStoreOptions): Promise<LoadedPin> {
  const legacy = await readJson(legacyConfigFile)
  if (legacy.state !== 'read' || !isRecord(legacy.json) || !Object.hasOwn(legacy.json, 'staffPin')) {
    return { state: 'none' }
  }
  const { staffPin, ...rest } = legacy.json
  const record = PinRecordSchema.safeParse(staffPin)
  const loaded: LoadedPin = record.success ? { state: 'set', record: record.data } : { state: 'reset-needed' }
  const pinFile: PinFile = record.success
    ? { version: PIN_FILE_VERSION, pin: record.data }
    : { version: PIN_FILE_VERSION, resetNeeded: 'The PIN in config.json from release 0.1 was unusable' }
  try {
    await writeJsonFile(file, pinFile, { mode: 0o600 })
    await writeJsonFile(legacyConfigFile, rest)
    log.info(`Moved the staff PIN from ${legacyConfigFile} to ${file}`)
  } catch (error) {
    log.error(
      `Could not move the staff PIN from ${legacyConfigFile} to ${file}; will try again at the next start`,
      error,
    )
  }
  if (loaded.state === 'reset-needed')
    log.error(`The staff PIN in ${legacyConfigFile} was unusable; staff entry is closed`)
  return loaded
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
