import { LOCALE_TAGS, PRINT_FAILURES, type UsageCounter } from '../contract'
import { JOURNEY } from '../../src/content/journey'
import type { UsageTotals } from './usage-counters'

/**
 * Everything the kiosk tells a fleet's monitoring at one moment. The usage
 * totals are of ended days only (usage-counters.ts), so nothing but the
 * health figures is finer than a day, and none of it says what a visitor
 * chose.
 */
export interface FigureSnapshot {
  kioskId: string
  version: string
  usage: UsageTotals
  /** Unix time, in seconds, of the renderer's last heartbeat; null before the first. */
  lastHeartbeatSeconds: number | null
  rendererReloads: number
  outOfOrderEpisodes: number
  /** Whether the configured printer (or, with none configured, any printer) is there; null before the first look. */
  printerPresent: boolean | null
}

/** One series of a metric: its labels (the kiosk id always among them) and value. */
export interface Series {
  labels: Record<string, string>
  value: number
}

/** A metric both exporters write, read from a snapshot. */
export interface KioskMetric {
  /** The name without the `_total` that Prometheus counters carry. */
  name: string
  help: string
  /** A counter only goes up (a restart or a lost usage file starts it again); a gauge is a reading. */
  type: 'counter' | 'gauge'
  labelNames: string[]
  series(snapshot: FigureSnapshot): Series[]
}

/** Every metric's names start with this. */
export const METRIC_PREFIX = 'leg_cramp_kiosk_'

const withKiosk = (snapshot: FigureSnapshot, labels: Record<string, string> = {}) => ({
  ...labels,
  kiosk_id: snapshot.kioskId,
})

/** A metric that is one reading of the snapshot (none while it is unknown). */
function single(
  name: string,
  help: string,
  type: KioskMetric['type'],
  read: (snapshot: FigureSnapshot) => number | null,
): KioskMetric {
  return {
    name: METRIC_PREFIX + name,
    help,
    type,
    labelNames: ['kiosk_id'],
    series: (snapshot) => {
      const value = read(snapshot)
      return value === null ? [] : [{ labels: withKiosk(snapshot), value }]
    },
  }
}

/** A usage counter's lifetime total over ended days. */
function usage(name: string, help: string, counter: UsageCounter): KioskMetric {
  return single(name, help, 'counter', (snapshot) => snapshot.usage[counter] ?? 0)
}

/** Usage counters with one label, every value of it written (0 where nothing was counted). */
function usageBy(
  name: string,
  help: string,
  label: string,
  values: readonly string[],
  counter: (value: string) => UsageCounter,
): KioskMetric {
  return {
    name: METRIC_PREFIX + name,
    help,
    type: 'counter',
    labelNames: [label, 'kiosk_id'],
    series: (snapshot) =>
      values.map((value) => ({
        labels: withKiosk(snapshot, { [label]: value }),
        value: snapshot.usage[counter(value)] ?? 0,
      })),
  }
}

const ENDED_DAYS = 'counted once a local day has ended'

/** The kiosk's metrics, in the order they are written. */
export const KIOSK_METRICS: readonly KioskMetric[] = [
  {
    name: `${METRIC_PREFIX}build_info`,
    help: 'The kiosk app running: its version (always 1)',
    type: 'gauge',
    labelNames: ['version', 'kiosk_id'],
    series: (snapshot) => [{ labels: withKiosk(snapshot, { version: snapshot.version }), value: 1 }],
  },
  single(
    'renderer_last_heartbeat_timestamp_seconds',
    "Unix time of the kiosk screen's last heartbeat (every 10 s while it is shown)",
    'gauge',
    (snapshot) => snapshot.lastHeartbeatSeconds,
  ),
  single(
    'renderer_reloads',
    'Times the kiosk screen was reloaded after a crash, hang or failed load',
    'counter',
    (s) => s.rendererReloads,
  ),
  single(
    'out_of_order_episodes',
    'Times the kiosk gave up reloading and showed its out-of-order page',
    'counter',
    (snapshot) => snapshot.outOfOrderEpisodes,
  ),
  single(
    'printer_present',
    'Whether the configured printer (or any printer, with none configured) is there',
    'gauge',
    (s) => (s.printerPresent === null ? null : Number(s.printerPresent)),
  ),
  usage('visits_started', `Visits started, ${ENDED_DAYS}`, 'sessionsStarted'),
  usageBy(
    'visits',
    `Visits by the language they ended in, ${ENDED_DAYS}`,
    'language',
    LOCALE_TAGS,
    (tag) => `sessions.${tag}` as UsageCounter,
  ),
  usageBy(
    'visits_furthest_screen',
    `Visits by the furthest screen they reached, ${ENDED_DAYS}`,
    'screen',
    JOURNEY,
    (screen) => `furthest.${screen}` as UsageCounter,
  ),
  usage('handouts_printed', `Handouts printed, ${ENDED_DAYS}`, 'handoutsPrinted'),
  usageBy(
    'print_failures',
    `Handout prints that failed, by reason, ${ENDED_DAYS}`,
    'reason',
    PRINT_FAILURES,
    (reason) => `printFailures.${reason}` as UsageCounter,
  ),
  usage('idle_resets', `Visits ended by the idle reset, ${ENDED_DAYS}`, 'idleResets'),
  usage('staff_sign_ins', `Staff sign-ins, ${ENDED_DAYS}`, 'staffLogins'),
  usage('wrong_pins', `Wrong staff PINs, ${ENDED_DAYS}`, 'failedPinAttempts'),
]
