import { join } from 'node:path'
import { openConfigStore, type ConfigStore } from './config-store'
import { removeLeftoverTempFiles } from './json-file'
import type { Logger } from './logger'
import { openStaffAccess, type StaffAccess } from './staff-access'
import { openStaffPinStore } from './staff-pin-store'
import { openUsageCounters, type UsageCounters } from './usage-counters'

/** What the kiosk keeps on disk: its configuration, the staff PIN and lockout, and the usage figures. */
export interface KioskFiles {
  store: ConfigStore
  staff: StaffAccess
  counters: UsageCounters
}

/**
 * Opens the files the kiosk keeps in its user-data folder: config.json,
 * staff-pin.json, staff-lockout.json and usage.json, with the fleet's
 * provisioning file if any. None of them holds anything about a visitor. The
 * PIN has a file of its own, opened before the settings, so no settings
 * problem can lose it. Temporary files left by interrupted saves are removed
 * first.
 */
export async function openKioskFiles(
  userData: string,
  { provisioningFile, log }: { provisioningFile: string | null; log: Logger },
): Promise<KioskFiles> {
  const files = {
    config: join(userData, 'config.json'),
    pin: join(userData, 'staff-pin.json'),
    lockout: join(userData, 'staff-lockout.json'),
    usage: join(userData, 'usage.json'),
  }
  await removeLeftoverTempFiles(Object.values(files), log)
  const pin = await openStaffPinStore({ file: files.pin, legacyConfigFile: files.config, log })
  const store = await openConfigStore({ file: files.config, provisioningFile, log })
  const counters = await openUsageCounters(files.usage, { log })
  const staff = await openStaffAccess({
    pin,
    lockFile: files.lockout,
    count: (event) => counters.increment(event),
    log,
  })
  return { store, staff, counters }
}
