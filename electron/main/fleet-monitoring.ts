import type { FigureSnapshot } from './kiosk-figures'
import type { Logger } from './logger'
import { startOtlpMetrics, type OtlpMetrics } from './otlp-metrics'
import { startPrometheusTextfile } from './prometheus-textfile'
import type { Fleet } from './provisioning-file'

/** What the fleet's monitoring needs: where figures go (from provisioning) and the figures. */
export interface FleetMonitoringOptions {
  /** The provisioning file's monitoring section now; read again at every reconfigure. */
  monitoring(): Fleet['monitoring']
  snapshot(): FigureSnapshot
  log: Logger
}

/** The kiosk's figures on their way to the fleet's own monitoring tools. */
export interface FleetMonitoring {
  /** Takes a changed provisioning (folder, collector URL, kiosk id) without a restart. */
  reconfigure(): void
  stop(): Promise<void>
}

/**
 * Starts what the provisioning file asks for: the Prometheus textfile
 * (prometheus-textfile.ts) and the OTLP/HTTP export (otlp-metrics.ts). Both
 * are off until provisioned; the kiosk runs no server of its own.
 */
export function startFleetMonitoring(options: FleetMonitoringOptions): FleetMonitoring {
  const textfile = startPrometheusTextfile({
    dir: () => options.monitoring()?.prometheusTextfileDir,
    snapshot: options.snapshot,
    log: options.log,
  })
  let otlp: { key: string; export: OtlpMetrics } | null = null
  const reconfigure = () => {
    const url = options.monitoring()?.otlpMetricsUrl
    // The kiosk id is in the OTLP resource, so a new id starts a new export.
    const key = url ? `${url} ${options.snapshot().kioskId}` : ''
    if ((otlp?.key ?? '') === key) return
    void otlp?.export.stop()
    otlp = url ? { key, export: startOtlpMetrics({ url, snapshot: options.snapshot, log: options.log }) } : null
  }
  reconfigure()
  return {
    reconfigure() {
      reconfigure()
      void textfile.write()
    },
    async stop() {
      textfile.stop()
      await otlp?.export.stop()
    },
  }
}
