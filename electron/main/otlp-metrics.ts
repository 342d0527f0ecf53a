import { diag, DiagLogLevel, type Attributes, type Observable } from '@opentelemetry/api'
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http'
import { resourceFromAttributes } from '@opentelemetry/resources'
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics'
import { KIOSK_METRICS, type FigureSnapshot } from './kiosk-figures'
import type { Logger } from './logger'

/** What the OTLP export needs. */
export interface OtlpMetricsOptions {
  /** The provisioned collector's OTLP/HTTP metrics URL, such as http://127.0.0.1:4318/v1/metrics. */
  url: string
  snapshot(): FigureSnapshot
  log: Logger
  everyMs?: number
}

/** The running OTLP export. */
export interface OtlpMetrics {
  /** Sends the figures now; resolves when the collector has answered (or the send failed, which is logged). */
  flush(): Promise<void>
  stop(): Promise<void>
}

/**
 * Sends the kiosk's metrics (kiosk-figures.ts, the same ones as the
 * Prometheus file, counters cumulative) to an OpenTelemetry collector over
 * OTLP/HTTP every minute, through the OpenTelemetry JS SDK. The resource names
 * the service, its version and the kiosk (service.instance.id); each data
 * point also carries kiosk_id, as in Prometheus.
 */
export function startOtlpMetrics(options: OtlpMetricsOptions): OtlpMetrics {
  routeDiagnostics(options.log)
  const first = options.snapshot()
  const reader = new PeriodicExportingMetricReader({
    exporter: new OTLPMetricExporter({ url: options.url, timeoutMillis: 10_000 }),
    exportIntervalMillis: options.everyMs ?? 60_000,
    exportTimeoutMillis: 15_000,
  })
  const provider = new MeterProvider({
    resource: resourceFromAttributes({
      'service.name': 'leg-cramp-kiosk',
      'service.version': first.version,
      'service.instance.id': first.kioskId,
    }),
    readers: [reader],
  })
  const meter = provider.getMeter('leg-cramp-kiosk')
  const instruments = KIOSK_METRICS.map((metric) => {
    const options = { description: metric.help }
    const instrument: Observable<Attributes> =
      metric.type === 'counter'
        ? meter.createObservableCounter(metric.name, options)
        : meter.createObservableGauge(metric.name, options)
    return { metric, instrument }
  })
  meter.addBatchObservableCallback(
    (observer) => {
      const snapshot = options.snapshot()
      for (const { metric, instrument } of instruments) {
        for (const { labels, value } of metric.series(snapshot)) observer.observe(instrument, value, labels)
      }
    },
    instruments.map(({ instrument }) => instrument),
  )
  options.log.info(`Sending the kiosk's figures to ${options.url} over OTLP/HTTP`)
  const logged = (what: string) => (error: unknown) => options.log.error(`OTLP metrics: ${what} failed`, error)
  return {
    flush: () => reader.forceFlush().catch(logged('sending')),
    stop: () => provider.shutdown().catch(logged('stopping')),
  }
}

/**
 * The SDK reports failed sends through its diagnostics: they go to the kiosk's
 * log, each distinct message once, so a collector that is down does not fill
 * the log every minute.
 */
function routeDiagnostics(log: Logger): void {
  const seen = new Set<string>()
  const once =
    (level: 'warn' | 'error') =>
    (message: string, ...args: unknown[]) => {
      const line = `OpenTelemetry: ${message} ${args.map(String).join(' ')}`.trim()
      if (seen.has(line) || seen.size > 100) return
      seen.add(line)
      log[level](line)
    }
  const quiet = () => undefined
  diag.setLogger(
    { error: once('error'), warn: once('warn'), info: quiet, debug: quiet, verbose: quiet },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  )
}
