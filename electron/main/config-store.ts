import { z } from 'zod'
import {
  CONFIG_FIELDS,
  KioskConfigSchema,
  PROVISIONING_ONLY_FIELDS,
  type ConfigField,
  type KioskConfig,
} from '../contract'
import { DEFAULT_CONFIG } from '../default-config'
import { FileTooLargeError, keepAside, readJson, writeJsonFile } from './json-file'
import type { Logger } from './logger'
import type { Provisioning } from './provisioning-file'

/** The configuration file's current version. */
export const CONFIG_VERSION = 2

/** What config.json is saved as: settings that differ from the base. */
type ConfigFile = { version: typeof CONFIG_VERSION; settings: Partial<KioskConfig> }

/** Where the kiosk keeps its configuration, and the fleet's provisioning file if any. */
export interface ConfigStoreOptions {
  /** config.json in the app's user-data folder: the staff's changes. */
  file: string
  /** What the fleet's provisioning file sets and locks (provisioning-file.ts), if there is one. */
  provisioning: Provisioning | null
  log: Logger
  now?: () => number
}

/** The kiosk's configuration: defaults, then the provisioning file, then the staff's changes. */
export interface ConfigStore {
  config(): KioskConfig
  /** Fields the provisioning file locked; staff cannot change them (nor the provisioning-only fields). */
  lockedFields(): ConfigField[]
  /** Validates and saves the staff's settings atomically; the kiosk uses them at once. */
  save(next: KioskConfig): Promise<{ state: 'saved' } | { state: 'refused'; reason: string }>
  /**
   * Lays the staff's settings over a changed provisioning file (the fleet's
   * pushed change): new base, new locks. config.json is left as it is; a
   * setting in it that is now locked is ignored while the lock holds.
   */
  reprovision(provisioning: Provisioning | null): void
  /** How many provisioning changes the running kiosk has taken, so the renderer knows to load the settings again. */
  revision(): number
}

/** What could be used of one file: its valid settings and locks, and a line for each thing that was not. */
interface Salvaged {
  settings: Partial<KioskConfig>
  locked: ConfigField[]
  problems: string[]
}

/**
 * Top-level keys of each kind of file besides `version` and `settings`. A
 * `staffPin` in config.json is release 0.1's PIN: the PIN store carries it
 * over to its own file; it is not a setting and is never written back.
 */
const EXTRA_KEYS = { local: ['staffPin'], provisioning: ['locked'] } as const

/** A key from the file, short enough to name in a log line. */
const named = (key: string) => JSON.stringify(key.length > 60 ? `${key.slice(0, 60)}…` : key)

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * Takes what is valid from a parsed config.json or provisioning file, field by
 * field: a bad or unknown field (or lock) is left out with a line naming it and
 * the problem; every valid one is kept. `alsoKnown` names top-level keys that
 * another reader validates (the provisioning file's fleet keys). Reads version 2, version 1 (settings at
 * the top level, migrated) and, from a newer release, the settings this one
 * knows.
 */
export function salvageConfig(
  json: unknown,
  kind: 'local' | 'provisioning',
  { alsoKnown = [] }: { alsoKnown?: readonly string[] } = {},
): Salvaged {
  const salvaged: Salvaged = { settings: {}, locked: [], problems: [] }
  if (!isRecord(json)) return { ...salvaged, problems: ['the file does not hold a JSON object'] }
  const { version } = json
  let settings: unknown = json.settings
  const known = new Set<string>(['version', 'settings', ...EXTRA_KEYS[kind], ...alsoKnown])
  if (version === 1) {
    // Version 1 kept the settings at the top level, before printing and clinic details existed.
    const { version: _version, ...topLevel } = json
    settings = topLevel
    for (const key of Object.keys(topLevel)) known.add(key)
  } else if (version !== CONFIG_VERSION) {
    salvaged.problems.push(
      typeof version === 'number' && version > CONFIG_VERSION
        ? `version ${version} is from a newer release; using the settings this release knows`
        : `version: expected ${CONFIG_VERSION}`,
    )
  }
  for (const key of Object.keys(json)) {
    if (!known.has(key)) salvaged.problems.push(`${named(key)}: not part of this file; ignored`)
  }
  if (isRecord(settings)) {
    for (const [key, value] of Object.entries(settings)) {
      const field = CONFIG_FIELDS.find((each) => each === key)
      if (!field) {
        salvaged.problems.push(`settings.${named(key)}: not a setting; ignored`)
        continue
      }
      const parsed = KioskConfigSchema.shape[field].safeParse(value)
      if (parsed.success) Object.assign(salvaged.settings, { [field]: parsed.data })
      else salvaged.problems.push(`settings.${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}; ignored`)
    }
  } else salvaged.problems.push('settings: expected an object')
  if (kind === 'provisioning' && json.locked !== undefined) salvageLocks(json.locked, salvaged)
  return salvaged
}

function salvageLocks(locked: unknown, salvaged: Salvaged): void {
  if (!Array.isArray(locked)) return void salvaged.problems.push('locked: expected a list of setting names; ignored')
  for (const entry of locked) {
    const field = CONFIG_FIELDS.find((each) => each === entry)
    if (!field) salvaged.problems.push(`locked: ${named(String(entry))} is not a setting; ignored`)
    else if (!salvaged.locked.includes(field)) salvaged.locked.push(field)
  }
}

/**
 * Lays settings over the layer below and makes them fit together. The only
 * rule across fields is that the default language must be offered: when it is
 * not, the default falls back (to the one below, else the first offered), or,
 * when the default is locked, the list of offered languages does.
 */
function layered(
  below: KioskConfig,
  settings: Partial<KioskConfig>,
  locked: readonly ConfigField[],
  problems: string[],
): KioskConfig {
  const merged: KioskConfig = { ...below, ...settings }
  if (merged.enabledLocales.includes(merged.defaultLocale)) return merged
  if (locked.includes('defaultLocale')) {
    problems.push(`enabledLocales: leaves out the locked default language "${merged.defaultLocale}"; ignored`)
    return { ...merged, enabledLocales: below.enabledLocales }
  }
  const defaultLocale = merged.enabledLocales.includes(below.defaultLocale)
    ? below.defaultLocale
    : merged.enabledLocales[0]!
  problems.push(`defaultLocale: "${merged.defaultLocale}" is not an offered language; using "${defaultLocale}"`)
  return { ...merged, defaultLocale }
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

/** Reads config.json's salvageable settings; logs what was wrong. */
async function readLocalLayer(path: string, log: Logger) {
  const read = await readJson(path)
  if (read.state === 'missing') return { salvaged: null, faulty: false }
  if (read.state === 'unusable') {
    log.error(`${path} is not usable: ${read.problem}`)
    return { salvaged: null, faulty: true }
  }
  const salvaged = salvageConfig(read.json, 'local')
  for (const problem of salvaged.problems) log.error(`${path}: ${problem}`)
  return { salvaged, faulty: salvaged.problems.length > 0 }
}

/**
 * Opens the configuration. A fault in a file never stops the kiosk and loses
 * only what is wrong: each valid field survives, each bad or unknown one is
 * left out and logged by name. When config.json had a fault, it is first kept
 * aside as config.json.bad-<time> (so nothing staff had is lost), then saved
 * again with what survived. The provisioning layer comes read (provisioning-file.ts):
 * the fleet's file is never touched.
 */
export async function openConfigStore(options: ConfigStoreOptions): Promise<ConfigStore> {
  const { log, file } = options
  let provisioned = provisionedLayer(options.provisioning, log)

  const local = await readLocalLayer(file, log)
  /** The staff's own settings, as config.json holds them. */
  let staffSettings = local.salvaged?.settings ?? {}
  const localProblems: string[] = []
  let current = staffLayered(provisioned, staffSettings, { file, log, problems: localProblems })
  for (const problem of localProblems) log.error(`${file}: ${problem}`)
  const base = () => provisioned.base
  let revision = 0

  const write = (settings: Partial<KioskConfig>) =>
    writeJsonFile(file, { version: CONFIG_VERSION, settings } satisfies ConfigFile)

  if (local.faulty || localProblems.length > 0) {
    await keepAside(file, { log, now: options.now, move: false })
    try {
      staffSettings = differences(current, base())
      await write(staffSettings)
      log.warn(`${file} saved again with the settings that were valid`)
    } catch (error) {
      log.error(`${file} could not be saved again with the valid settings`, error)
    }
  }

  return {
    config: () => structuredClone(current),
    lockedFields: () => [...provisioned.locked],
    async save(next) {
      const parsed = KioskConfigSchema.safeParse(next)
      if (!parsed.success) return { state: 'refused', reason: z.prettifyError(parsed.error) }
      const changedLocks = provisioned.fixedForStaff.filter(
        (field) => JSON.stringify(parsed.data[field]) !== JSON.stringify(base()[field]),
      )
      if (changedLocks.length > 0) {
        return { state: 'refused', reason: `These settings are locked by the clinic's IT: ${changedLocks.join(', ')}` }
      }
      const settings = differences(parsed.data, base())
      try {
        await write(settings)
      } catch (error) {
        log.error(`The settings could not be saved to ${file}`, error)
        const reason =
          error instanceof FileTooLargeError
            ? 'The settings are too large to save. Nothing was changed.'
            : 'The settings could not be saved. Nothing was changed.'
        return { state: 'refused', reason }
      }
      current = parsed.data
      staffSettings = settings
      log.info(`Settings saved: ${Object.keys(settings).join(', ') || 'all defaults'}`)
      return { state: 'saved' }
    },
    reprovision(provisioning) {
      provisioned = provisionedLayer(provisioning, log)
      const problems: string[] = []
      current = staffLayered(provisioned, staffSettings, { file, log, problems })
      for (const problem of problems) log.error(`${file}: ${problem}`)
      revision += 1
    },
    revision: () => revision,
  }
}

/** The provisioning file's layer: the base below the staff's settings, and what staff may not change. */
interface ProvisionedLayer {
  base: KioskConfig
  locked: ConfigField[]
  /** The locked fields and the provisioning-only ones (where updates come from). */
  fixedForStaff: ConfigField[]
}

function provisionedLayer(provisioning: Provisioning | null, log: Logger): ProvisionedLayer {
  const locked = provisioning?.locked ?? []
  const problems: string[] = []
  const base = layered(DEFAULT_CONFIG, provisioning?.settings ?? {}, [], problems)
  for (const problem of problems) log.error(`${provisioning?.source}: ${problem}`)
  return { base, locked, fixedForStaff: [...new Set([...locked, ...PROVISIONING_ONLY_FIELDS])] }
}

/** The staff's settings over the provisioned base, leaving out (and logging) what is fixed for staff. */
function staffLayered(
  provisioned: ProvisionedLayer,
  staffSettings: Partial<KioskConfig>,
  { file, log, problems }: { file: string; log: Logger; problems: string[] },
): KioskConfig {
  const fixed = Object.keys(staffSettings).filter((field) => provisioned.fixedForStaff.includes(field as ConfigField))
  for (const field of fixed)
    log.warn(`${file}: settings.${field} is locked or set only by the provisioning file; ignored`)
  const unlocked = Object.fromEntries(Object.entries(staffSettings).filter(([field]) => !fixed.includes(field)))
  return layered(provisioned.base, unlocked, provisioned.locked, problems)
}
