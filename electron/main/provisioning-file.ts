import { hostname } from 'node:os'
import { join, win32 } from 'node:path'
import { z } from 'zod'
import type { ConfigField, KioskConfig } from '../contract'
import { salvageConfig } from './config-store'
import { readJson } from './json-file'
import type { Logger } from './logger'
import { PinRecordSchema, type PinRecord } from './pin-hash'

/** The provisioning file's name inside the machine-wide folder. */
const PROVISIONING_FILE_NAME = 'provisioning.json'

/**
 * The machine-wide provisioning file, read when no `--config` or KIOSK_CONFIG
 * is given: `/etc/leg-cramp-kiosk/provisioning.json` on Linux and
 * `%ProgramData%\Leg Cramp Kiosk\provisioning.json` on Windows (where Intune,
 * Ansible or Puppet put it). Null on other systems.
 */
export function machineProvisioningFile(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string | null {
  if (platform === 'linux') return join('/etc/leg-cramp-kiosk', PROVISIONING_FILE_NAME)
  if (platform === 'win32')
    return win32.join(env.ProgramData || 'C:\\ProgramData', 'Leg Cramp Kiosk', PROVISIONING_FILE_NAME)
  return null
}

/** A kiosk id: what names the kiosk in figures and log lines. */
export const KioskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'A kiosk id is 1 to 64 letters, digits, dots, dashes or underscores')

/** Where the kiosk's figures go; each is off until provisioned. */
const MonitoringSchema = z.strictObject({
  /** node_exporter's or windows_exporter's textfile collector folder: leg_cramp_kiosk.prom is written there. */
  prometheusTextfileDir: z
    .string()
    .max(500)
    .refine((path) => path.startsWith('/') || win32.isAbsolute(path), 'Must be an absolute folder path')
    .optional(),
  /** An OpenTelemetry collector's OTLP/HTTP metrics URL, such as http://127.0.0.1:4318/v1/metrics. */
  otlpMetricsUrl: z
    .url({ protocol: /^https?$/ })
    .max(500)
    .optional(),
})

/** The fleet's own keys of the provisioning file, beside `settings` and `locked`. */
const FLEET_FIELDS = {
  kioskId: KioskIdSchema,
  /** The staff PIN's hash (from `npm run hash-pin`): first-run setup is off. */
  staffPin: PinRecordSchema,
  /** Whether staff may change a provisioned PIN on the kiosk (their PIN then holds until the fleet's changes). */
  staffPinChange: z.enum(['allowed', 'forbidden']),
  monitoring: MonitoringSchema,
} as const

/** The provisioning file's top-level keys that are the fleet's, not staff settings. */
export const FLEET_KEYS = Object.keys(FLEET_FIELDS) as (keyof typeof FLEET_FIELDS)[]

/** What the fleet provisioned beside the settings. */
export interface Fleet {
  kioskId?: string
  staffPin?: PinRecord
  staffPinChange?: 'allowed' | 'forbidden'
  monitoring?: z.infer<typeof MonitoringSchema>
}

/** What could be used of the provisioning file. */
export interface Provisioning {
  /** Where it was read from, for log lines. */
  source: string
  settings: Partial<KioskConfig>
  locked: ConfigField[]
  fleet: Fleet
}

/** Reading the provisioning file: absent, unusable as a whole, or read (with a line per left-out part). */
export type ProvisioningRead =
  | { state: 'missing' }
  | { state: 'unusable'; problem: string }
  | { state: 'read'; provisioning: Provisioning; problems: string[] }

/**
 * Reads the provisioning file, part by part: each valid setting, lock and
 * fleet key is kept, each bad one left out with a line naming it. The file is
 * the fleet's and is never written.
 */
export async function readProvisioning(path: string): Promise<ProvisioningRead> {
  const read = await readJson(path)
  if (read.state !== 'read') return read
  const salvaged = salvageConfig(read.json, 'provisioning', { alsoKnown: FLEET_KEYS })
  const problems = [...salvaged.problems]
  const fleet: Fleet = {}
  const json = read.json as Record<string, unknown>
  if (typeof json === 'object' && json !== null) {
    for (const key of FLEET_KEYS) {
      if (json[key] === undefined) continue
      const parsed = FLEET_FIELDS[key].safeParse(json[key])
      if (parsed.success) Object.assign(fleet, { [key]: parsed.data })
      else problems.push(`${key}: ${z.prettifyError(parsed.error).replaceAll('\n', ' ')}; ignored`)
    }
  }
  return {
    state: 'read',
    provisioning: { source: path, settings: salvaged.settings, locked: salvaged.locked, fleet },
    problems,
  }
}

/**
 * Opens the provisioning file at start: whatever is usable of it (a fault
 * never stops the kiosk; each problem is logged by name), or null when there
 * is none or it is unusable as a whole.
 */
export async function openProvisioning(path: string | null, log: Logger): Promise<Provisioning | null> {
  if (!path) return null
  const read = await readProvisioning(path)
  if (read.state === 'missing') {
    log.info(`No provisioning file at ${path}; using the defaults as base`)
    return null
  }
  if (read.state === 'unusable') {
    log.error(`The provisioning file ${path} is not usable (${read.problem}); using the defaults as base`)
    return null
  }
  for (const problem of read.problems) log.error(`${path}: ${problem}`)
  return read.provisioning
}

/** The kiosk's id: the provisioned one, else the host name made fit for an id. */
export function kioskIdOf(fleet: Fleet | undefined, host: string = hostname()): string {
  if (fleet?.kioskId) return fleet.kioskId
  const fitted = host.replace(/[^A-Za-z0-9._-]/g, '-').slice(0, 64)
  return fitted || 'kiosk'
}
