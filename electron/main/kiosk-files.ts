import { join } from 'node:path'
import { openConfigStore, type ConfigStore } from './config-store'
import type { Logger } from './logger'
import { openStaffAccess, type StaffAccess } from './staff-access'
import { openUsageCounters, type UsageCounters } from './usage-counters'

/** What the kiosk keeps on disk: its configuration (and PIN), the staff lockout, and the usage figures. */
export interface KioskFiles {
  store: ConfigStore
  staff: StaffAccess
  counters: UsageCounters
}

/**
 * Opens the files the kiosk keeps in its user-data folder: config.json,
 * staff-lockout.json and usage.json, with the fleet's provisioning file if any.
 * None of them holds anything about a visitor.
 */
export async function openKioskFiles(
  userData: string,
  { provisioningFile, log }: { provisioningFile: string | null; log: Logger },
): Promise<KioskFiles> {
  const store = await openConfigStore({ file: join(userData, 'config.json'), provisioningFile, log })
  const counters = await openUsageCounters(join(userData, 'usage.json'), { log })
  const staff = await openStaffAccess({
    pin: { get: () => store.pin(), set: (record) => store.setPin(record) },
    lockFile: join(userData, 'staff-lockout.json'),
    count: (event) => counters.increment(event),
    log,
  })
  return { store, staff, counters }
}
