import { join } from 'node:path'
import { Counter, Gauge, Registry } from 'prom-client'
import writeFileAtomic from 'write-file-atomic'
import type { FigureSnapshot, KioskMetric } from './kiosk-figures'
import { KIOSK_METRICS } from './kiosk-figures'
import type { Logger } from './logger'

/** The file node_exporter's (or windows_exporter's) textfile collector reads. */
export const PROM_FILE_NAME = 'leg_cramp_kiosk.prom'

/** A prom-client registry whose metrics read a fresh snapshot each time they are collected. */
export function kioskRegistry(snapshot: () => FigureSnapshot): Registry {
  const registry = new Registry()
  for (const metric of KIOSK_METRICS) register(metric, registry, snapshot)
  return registry
}

function register(metric: KioskMetric, registry: Registry, snapshot: () => FigureSnapshot): void {
  const common = { help: metric.help, labelNames: metric.labelNames, registers: [registry] }
  if (metric.type === 'gauge') {
    new Gauge({
      ...common,
      name: metric.name,
      collect() {
        this.reset()
        for (const { labels, value } of metric.series(snapshot())) this.set(labels, value)
      },
    })
  } else {
    new Counter({
      ...common,
      name: `${metric.name}_total`,
      collect() {
        // The totals are kept elsewhere (usage.json, the health readings); the counter shows them.
        this.reset()
        for (const { labels, value } of metric.series(snapshot())) this.inc(labels, value)
      },
    })
  }
}

/** What the textfile export needs. */
export interface PrometheusTextfileOptions {
  /** The provisioned textfile collector folder, read at every write (a pushed change applies); none: off. */
  dir(): string | undefined
  snapshot(): FigureSnapshot
  log: Logger
  everyMs?: number
}

/** The running textfile export. */
export interface PrometheusTextfile {
  /** Writes the file now (if a folder is provisioned); resolves when it is written or has failed. */
  write(): Promise<void>
  stop(): void
}

/**
 * Writes leg_cramp_kiosk.prom into the provisioned folder every minute,
 * atomically (a temporary file renamed over it, so the collector never reads
 * half a file), readable by the collector's own user. A failure is logged when
 * it starts and when it ends, not every minute.
 */
export function startPrometheusTextfile(options: PrometheusTextfileOptions): PrometheusTextfile {
  const registry = kioskRegistry(options.snapshot)
  let lastProblem: string | null = null
  const write = async () => {
    const dir = options.dir()
    if (!dir) return
    const file = join(dir, PROM_FILE_NAME)
    try {
      await writeFileAtomic(file, await registry.metrics(), { mode: 0o644 })
      if (lastProblem) options.log.info(`${file} is being written again`)
      lastProblem = null
    } catch (error) {
      const problem = String(error)
      if (problem !== lastProblem) options.log.error(`The Prometheus figures could not be written to ${file}`, error)
      lastProblem = problem
    }
  }
  const timer = setInterval(() => void write(), options.everyMs ?? 60_000)
  timer.unref()
  void write()
  return { write, stop: () => clearInterval(timer) }
}
