import { watch, type FSWatcher } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Logger } from './logger'
import { readProvisioning, type Provisioning } from './provisioning-file'

/** What the watch needs: the file, how to apply a good change, and whether the kiosk rests. */
export interface ProvisioningWatchOptions {
  file: string
  /** Takes a changed provisioning file; called only while the kiosk rests on its welcome screen. */
  apply(provisioning: Provisioning): void
  /** Whether the kiosk rests now (resting-state.ts). */
  isResting(): boolean
  log: Logger
  /** Quiet time after a file event before reading (device-management tools write in steps). */
  settleMs?: number
  /** How often the file is looked at anyway, where file events are missed (network shares, a folder made later). */
  pollEveryMs?: number
}

/** The running watch over the provisioning file. */
export interface ProvisioningWatch {
  /** Looks at the file again now; resolves once it has been read. */
  check(): Promise<void>
  /** Applies a waiting change if the kiosk rests now (called on every heartbeat). */
  applyIfResting(): void
  stop(): void
}

/**
 * Watches the fleet's provisioning file, so a pushed change applies without a
 * restart. A changed file is read whole: only a file with no problem at all
 * is taken (a broken change, or a removed file, keeps the last good one and
 * says why in the log), and it waits until the kiosk next rests on its
 * welcome screen, so no visitor or staff member sees settings change under
 * them. The file's text at start is the baseline (it was read then).
 */
export async function watchProvisioning(options: ProvisioningWatchOptions): Promise<ProvisioningWatch> {
  const { file, log, settleMs = 1_000, pollEveryMs = 60_000 } = options
  const readText = () => readFile(file, 'utf8').catch(() => null)
  let lastText = await readText()
  let waiting: Provisioning | null = null
  let checking: Promise<void> = Promise.resolve()

  async function look(): Promise<void> {
    const text = await readText()
    if (text === lastText) return
    lastText = text
    const read = await readProvisioning(file)
    if (read.state === 'missing') {
      log.warn(`The provisioning file ${file} was removed; the kiosk keeps the last good provisioning`)
    } else if (read.state === 'unusable') {
      log.error(`The changed provisioning file ${file} is not usable (${read.problem}); kept the last good one`)
    } else if (read.problems.length > 0) {
      for (const problem of read.problems) log.error(`${file}: ${problem}`)
      log.error(`The changed provisioning file ${file} has problems; kept the last good one`)
    } else {
      waiting = read.provisioning
      log.info(`The provisioning file ${file} changed; the change applies when the kiosk next rests`)
      watcher.applyIfResting()
    }
  }

  let settle: NodeJS.Timeout | undefined
  let events: FSWatcher | null = null
  try {
    // The folder, not the file: tools replace the file by renaming a new one over it.
    events = watch(dirname(file), (_event, name) => {
      if (name !== null && name !== basename(file)) return
      clearTimeout(settle)
      settle = setTimeout(() => void watcher.check(), settleMs)
    })
    events.unref()
    events.on('error', (error) => log.warn(`Watching ${file} stopped; looking at it every minute instead`, error))
  } catch (error) {
    log.info(`${dirname(file)} cannot be watched (${String(error)}); looking at ${file} every minute`)
  }
  const poll = setInterval(() => void watcher.check(), pollEveryMs)
  poll.unref()

  const watcher: ProvisioningWatch = {
    check() {
      checking = checking.then(look).catch((error: unknown) => log.error(`Reading ${file} failed`, error))
      return checking
    },
    applyIfResting() {
      if (!waiting || !options.isResting()) return
      const next = waiting
      waiting = null
      options.apply(next)
      log.info(`Applied the changed provisioning file ${file}`)
    },
    stop() {
      clearTimeout(settle)
      clearInterval(poll)
      events?.close()
    },
  }
  return watcher
}
