import { join } from 'node:path'
import { openConfigStore, type ConfigStore } from './config-store'
import { removeLeftoverTempFiles } from './json-file'
import type { Logger } from './logger'
import { openProvisioning, type Provisioning } from './provisioning-file'
import { openStaffAccess, type StaffAccess } from './staff-access'
import { openStaffPinStore, type ProvisionedPin } from './staff-pin-store'
import { openUsageCounters, type UsageCounters } from './usage-counters'

/** What the kiosk keeps on disk: its configuration, the staff PIN and lockout, and the usage figures. */
export interface KioskFiles {
  store: ConfigStore
  staff: StaffAccess
  counters: UsageCounters
  /** What was usable of the fleet's provisioning file at start, if there is one. */
  provisioning: Provisioning | null
  /** Takes a changed provisioning file: the settings' base and locks, and the provisioned PIN. */
  reprovision(provisioning: Provisioning | null): void
}

/** The provisioning file's staff PIN, if it sets one. */
function provisionedPin(provisioning: Provisioning | null): ProvisionedPin | null {
  const record = provisioning?.fleet.staffPin
  return record ? { record, changeAllowed: provisioning.fleet.staffPinChange === 'allowed' } : null
}

/**
 * Opens the files the kiosk keeps in its user-data folder: config.json,
 * staff-pin.json, staff-lockout.json and usage.json, with the fleet's
 * provisioning file if any (read, never written). None of them holds anything about a visitor. The
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
  const provisioning = await openProvisioning(provisioningFile, log)
  const pin = await openStaffPinStore({
    file: files.pin,
    legacyConfigFile: files.config,
    provisioned: provisionedPin(provisioning),
    log,
  })
  const store = await openConfigStore({ file: files.config, provisioning, log })
  const counters = await openUsageCounters(files.usage, { log })
  const staff = await openStaffAccess({
    pin,
    lockFile: files.lockout,
    count: (event) => counters.increment(event),
    log,
  })
  return {
    store,
    staff,
    counters,
    provisioning,
    reprovision(next) {
      store.reprovision(next)
      pin.reprovision(provisionedPin(next))
    },
  }
}
