import { z } from 'zod'
import { CONFIG_FIELDS, KioskConfigSchema, type ConfigField, type KioskConfig } from '../contract'
import { DEFAULT_CONFIG } from '../default-config'
import { readJsonFile, writeJsonFile } from './json-file'
import type { Logger } from './logger'
import { PinRecordSchema, type PinRecord } from './staff-access'

/** The configuration file's current version. */
export const CONFIG_VERSION = 2
const SettingsSchema = z.strictObject(KioskConfigSchema.shape).partial()

/**
 * Schema of config.json and of a provisioning file (version 2): settings that
 * differ from the defaults, the fields a provisioning file locks, and the staff
 * PIN's hash (kept only in the kiosk's own file).
 */
const ConfigFileSchema = z.strictObject({
  version: z.literal(CONFIG_VERSION),
  settings: SettingsSchema,
  locked: z.array(z.enum(CONFIG_FIELDS)).optional(),
  staffPin: PinRecordSchema.optional(),
})
/** config.json or a provisioning file. */
type ConfigFile = z.infer<typeof ConfigFileSchema>

/** Version 1 kept the settings at the top level, before printing and clinic details existed. */
const ConfigFileV1Schema = z.strictObject({
  version: z.literal(1),
  defaultLocale: KioskConfigSchema.shape.defaultLocale.optional(),
  enabledLocales: KioskConfigSchema.shape.enabledLocales.optional(),
  idleTimeoutSeconds: KioskConfigSchema.shape.idleTimeoutSeconds.optional(),
  idleWarningSeconds: KioskConfigSchema.shape.idleWarningSeconds.optional(),
})

/** Reads either version, picked by its version number; a version 1 file is migrated to version 2. */
const AnyVersionSchema = z
  .discriminatedUnion('version', [ConfigFileSchema, ConfigFileV1Schema])
  .transform((file): ConfigFile => {
    if (file.version === CONFIG_VERSION) return file
    const { version: _version, ...settings } = file
    return { version: CONFIG_VERSION, settings }
  })

/** Where the kiosk keeps its configuration, and the fleet's provisioning file if any. */
export interface ConfigStoreOptions {
  /** config.json in the app's user-data folder: the staff's changes and the PIN. */
  file: string
  /** `--config <path>` or KIOSK_CONFIG: the fleet's base settings and locks (read-only). */
  provisioningFile: string | null
  log: Logger
  now?: () => number
}

/** The kiosk's configuration: defaults, then the provisioning file, then the staff's changes. */
export interface ConfigStore {
  config(): KioskConfig
  /** Fields the provisioning file locked; staff cannot change them. */
  lockedFields(): ConfigField[]
  /** Validates and saves the staff's settings atomically; the kiosk uses them at once. */
  save(next: KioskConfig): Promise<{ state: 'saved' } | { state: 'refused'; reason: string }>
  pin(): PinRecord | null
  setPin(record: PinRecord): Promise<void>
}

/** Settings laid over a base, keeping the base wherever the result would not be a valid configuration. */
function layered(base: KioskConfig, settings: Partial<KioskConfig>, source: string, log: Logger): KioskConfig {
  const merged = KioskConfigSchema.safeParse({ ...base, ...settings })
  if (merged.success) return merged.data
  log.error(
    `The settings in ${source} do not fit together; using the ones before them:\n${z.prettifyError(merged.error)}`,
  )
  return base
}

/** The fields of `config` that differ from `base`. */
function differences(config: KioskConfig, base: KioskConfig): Partial<KioskConfig> {
  return Object.fromEntries(
    CONFIG_FIELDS.filter((field) => JSON.stringify(config[field]) !== JSON.stringify(base[field])).map((field) => [
      field,
      config[field],
    ]),
  )
}

/**
 * Opens the configuration. A file that cannot be read, parsed or validated
 * never stops the kiosk: config.json is moved aside as config.json.bad-<time>
 * (the provisioning file, owned by the fleet's tools, is only reported) and the
 * kiosk starts on what remains valid, down to the defaults.
 */
export async function openConfigStore(options: ConfigStoreOptions): Promise<ConfigStore> {
  const { log } = options
  const provisioned = options.provisioningFile
    ? await readJsonFile(options.provisioningFile, AnyVersionSchema, { ...options, moveAside: false })
    : null
  if (options.provisioningFile && !provisioned) {
    log.error(`The provisioning file ${options.provisioningFile} is missing or unusable; using the defaults as base`)
  }
  const local = await readJsonFile(options.file, AnyVersionSchema, options)
  const base = layered(DEFAULT_CONFIG, provisioned?.settings ?? {}, options.provisioningFile ?? 'defaults', log)
  const locked = provisioned?.locked ?? []
  if (local?.locked?.length) log.warn(`${options.file} lists locked fields; only a provisioning file can lock fields`)
  const unlocked = (settings: Partial<KioskConfig>) =>
    Object.fromEntries(Object.entries(settings).filter(([field]) => !locked.includes(field as ConfigField)))

  let staffPin = local?.staffPin ?? null
  let current = layered(base, unlocked(local?.settings ?? {}), options.file, log)

  async function write(config: KioskConfig, pin: PinRecord | null): Promise<void> {
    const file: ConfigFile = {
      version: CONFIG_VERSION,
      settings: differences(config, base),
      ...(pin ? { staffPin: pin } : {}),
    }
    await writeJsonFile(options.file, ConfigFileSchema.parse(file))
  }

  return {
    config: () => structuredClone(current),
    lockedFields: () => [...locked],
    async save(next) {
      const parsed = KioskConfigSchema.safeParse(next)
      if (!parsed.success) return { state: 'refused', reason: z.prettifyError(parsed.error) }
      const changedLocks = locked.filter((field) => JSON.stringify(parsed.data[field]) !== JSON.stringify(base[field]))
      if (changedLocks.length > 0) {
        return { state: 'refused', reason: `These settings are locked by the clinic's IT: ${changedLocks.join(', ')}` }
      }
      try {
        await write(parsed.data, staffPin)
      } catch (error) {
        log.error(`The settings could not be saved to ${options.file}`, error)
        return { state: 'refused', reason: 'The settings could not be saved. Nothing was changed.' }
      }
      current = parsed.data
      log.info(`Settings saved: ${Object.keys(differences(current, base)).join(', ') || 'all defaults'}`)
      return { state: 'saved' }
    },
    pin: () => staffPin,
    async setPin(record) {
      await write(current, record)
      staffPin = record
    },
  }
}
