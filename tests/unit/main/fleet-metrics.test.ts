import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile } from 'node:fs/promises'
import { createServer, type Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { SELFCHECK_ITEMS } from '../../../src/content/journey'
import { createHandoutPrinter } from '../../../electron/main/handout-printer'
import { createWarmHandoutWindow } from '../../../electron/main/handout-window'
import { KIOSK_METRICS, type FigureSnapshot } from '../../../electron/main/kiosk-figures'
import { openKioskFiles } from '../../../electron/main/kiosk-files'
import { createKioskHandlers } from '../../../electron/main/kiosk-handlers'
import { createKioskHealth } from '../../../electron/main/kiosk-health'
import { createHandoutWindow } from '../../../electron/main/kiosk-window'
import { startOtlpMetrics } from '../../../electron/main/otlp-metrics'
import { PROM_FILE_NAME, startPrometheusTextfile } from '../../../electron/main/prometheus-textfile'
import { resetElectronMock } from '../../mocks/electron'
import { fakeLog } from './fake-log'

const PIN = '31415926'
const PROMTOOL = '/usr/bin/promtool'

/** One sample of a metric: name, labels and value. */
type Sample = { name: string; labels: Record<string, string>; value: number }
const key = ({ name, labels }: Omit<Sample, 'value'>) =>
  `${name}{${Object.entries(labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([label, value]) => `${label}=${value}`)
    .join(',')}}`

/** The samples of a Prometheus text exposition. */
function parseExposition(text: string): Sample[] {
  return text
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const match = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(line)
      if (!match) throw new Error(`not a sample line: ${line}`)
      const labels = Object.fromEntries([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]))
      return { name: match[1]!, labels, value: Number(match[3]) }
    })
}

/** The data points of an OTLP/HTTP JSON metrics request, named as Prometheus names them. */
function otlpSamples(body: OtlpBody): Sample[] {
  return body.resourceMetrics.flatMap((resource) =>
    resource.scopeMetrics.flatMap((scope) =>
      scope.metrics.flatMap((metric) => {
        const points = metric.sum?.dataPoints ?? metric.gauge?.dataPoints ?? []
        const name = metric.sum?.isMonotonic ? `${metric.name}_total` : metric.name
        return points.map((point) => ({
          name,
          labels: Object.fromEntries(point.attributes.map((a) => [a.key, a.value.stringValue])),
          value: point.asDouble ?? Number(point.asInt),
        }))
      }),
    ),
  )
}
type DataPoint = { attributes: { key: string; value: { stringValue: string } }[]; asDouble?: number; asInt?: string }
type OtlpBody = {
  resourceMetrics: {
    resource: { attributes: { key: string; value: { stringValue: string } }[] }
    scopeMetrics: {
      metrics: {
        name: string
        sum?: { dataPoints: DataPoint[]; isMonotonic: boolean }
        gauge?: { dataPoints: DataPoint[] }
      }[]
    }[]
  }[]
}

describe("the kiosk's figures in the fleet's monitoring", () => {
  let textfileDir: string
  let snapshot: () => FigureSnapshot
  let promText: string
  const choices = ['over60', 'fluids'] as const

  beforeAll(async () => {
    resetElectronMock()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(new Date(2026, 11, 2, 14, 2))
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-metrics-'))
    const userData = join(dir, 'user-data')
    textfileDir = join(dir, 'textfile')
    await Promise.all([mkdir(userData), mkdir(textfileDir)])
    const log = fakeLog()
    const files = await openKioskFiles(userData, { provisioningFile: null, log })
    const { store, staff, counters } = files
    const printers = [{ name: 'Front_Desk' }]
    const printer = createHandoutPrinter({
      handoutWindow: createWarmHandoutWindow({
        openWindow: () => createHandoutWindow('kiosk-handout'),
        pageUrl: 'app://kiosk/handout.html',
        log,
        renderTimeoutMs: 5_000,
      }),
      listPrinters: async () => printers,
      config: () => store.config(),
      count: (counter) => counters.increment(counter),
      log,
    })
    const health = createKioskHealth()
    const handlers = createKioskHandlers({
      store,
      staff,
      counters,
      printer,
      appInfo: { name: 'leg-cramp-kiosk', version: '1.2.3', runtime: 'electron' },
      listPrinters: async () => printers.map((each) => each.name),
      clearVisitorStorage: async () => {},
      heartbeat: () => health.beat(),
      saveUsageCsv: async () => ({ state: 'cancelled' }),
      quit: () => {},
      log,
    })

    // A scripted day: staff set a PIN and sign in after one wrong try; a visitor in Spanish prints a handout,
    // then the printer is changed to one that is gone and a second print fails; the visit ends by the idle reset.
    await handlers.setStaffPin({ pin: PIN })
    staff.logout()
    await handlers.staffLogin({ pin: '00000000' })
    await handlers.staffLogin({ pin: PIN })
    await handlers.recordVisit({ event: 'started' })
    await handlers.heartbeat({ resting: false })
    await expect(handlers.printHandout({ locale: 'es', chosen: [...choices] })).resolves.toMatchObject({
      state: 'done',
    })
    await store.save({ ...store.config(), printerName: 'Gone_Printer' })
    vi.setSystemTime(new Date(2026, 11, 2, 14, 6))
    await expect(handlers.printHandout({ locale: 'es', chosen: [...choices] })).resolves.toMatchObject({
      state: 'error',
      reason: 'printer-not-found',
    })
    await handlers.recordVisit({ event: 'ended', locale: 'es', furthest: 'handout', idle: true })
    health.recovered('reloaded')
    health.printerChecked(false)
    await counters.flushed()

    snapshot = () => ({
      kioskId: 'eastside-lobby-1',
      version: '1.2.3',
      usage: counters.completedDayTotals(),
      ...health.readings(),
    })
    // Usage figures join once the day has ended.
    vi.setSystemTime(new Date(2026, 11, 3, 0, 1))
    const textfile = startPrometheusTextfile({ dir: () => textfileDir, snapshot, log, everyMs: 3_600_000 })
    await textfile.write()
    textfile.stop()
    promText = await readFile(join(textfileDir, PROM_FILE_NAME), 'utf8')
  }, 120_000)
  afterAll(() => vi.useRealTimers())

  it('writes leg_cramp_kiosk.prom atomically, leaving no temporary file for the collector', async () => {
    expect(await readdir(textfileDir)).toEqual([PROM_FILE_NAME])
  })

  it.skipIf(!existsSync(PROMTOOL))(
    'passes promtool check metrics (promtool comes with Debian\'s "prometheus" package)',
    async () => {
      const run = promisify(execFile)(PROMTOOL, ['check', 'metrics'], { timeout: 60_000 })
      run.child.stdin!.end(promText)
      const { stdout, stderr } = await run
      expect(`${stdout}${stderr}`.trim()).toBe('')
    },
    90_000,
  )

  it('carries every metric with the counts of the scripted day and the kiosk id on every series', () => {
    const samples = parseExposition(promText)
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((sample) => key(sample) === key({ name, labels: { ...labels, kiosk_id: 'eastside-lobby-1' } }))
        ?.value
    for (const metric of KIOSK_METRICS) {
      const name = metric.type === 'counter' ? `${metric.name}_total` : metric.name
      expect(
        samples.some((sample) => sample.name === name),
        name,
      ).toBe(true)
    }
    expect(samples.every((sample) => sample.labels.kiosk_id === 'eastside-lobby-1')).toBe(true)
    expect(value('leg_cramp_kiosk_build_info', { version: '1.2.3' })).toBe(1)
    expect(value('leg_cramp_kiosk_renderer_last_heartbeat_timestamp_seconds')).toBe(
      Math.floor(new Date(2026, 11, 2, 14, 2).getTime() / 1000),
    )
    expect(value('leg_cramp_kiosk_renderer_reloads_total')).toBe(1)
    expect(value('leg_cramp_kiosk_out_of_order_episodes_total')).toBe(0)
    expect(value('leg_cramp_kiosk_printer_present')).toBe(0)
    expect(value('leg_cramp_kiosk_visits_started_total')).toBe(1)
    expect(value('leg_cramp_kiosk_visits_total', { language: 'es' })).toBe(1)
    expect(value('leg_cramp_kiosk_visits_total', { language: 'en' })).toBe(0)
    expect(value('leg_cramp_kiosk_visits_furthest_screen_total', { screen: 'handout' })).toBe(1)
    expect(value('leg_cramp_kiosk_handouts_printed_total')).toBe(1)
    expect(value('leg_cramp_kiosk_print_failures_total', { reason: 'printer-not-found' })).toBe(1)
    expect(value('leg_cramp_kiosk_print_failures_total', { reason: 'print-failed' })).toBe(0)
    expect(value('leg_cramp_kiosk_idle_resets_total')).toBe(1)
    expect(value('leg_cramp_kiosk_staff_sign_ins_total')).toBe(1)
    expect(value('leg_cramp_kiosk_wrong_pins_total')).toBe(1)
  })

  it('says nothing a visitor chose', () => {
    for (const item of SELFCHECK_ITEMS) expect(promText).not.toContain(item)
    expect(promText).not.toMatch(/chosen|selfcheck_item/)
  })

  describe('over OTLP/HTTP', () => {
    let server: Server
    const bodies: OtlpBody[] = []
    const headers: string[] = []
    beforeAll(async () => {
      server = createServer((request, response) => {
        let text = ''
        request.on('data', (chunk) => (text += String(chunk)))
        request.on('end', () => {
          headers.push(`${request.method} ${request.url} ${request.headers['content-type']}`)
          bodies.push(JSON.parse(text) as OtlpBody)
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}')
        })
      })
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    })
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

    it('reaches a loopback collector with the same values as the Prometheus file, and no visitor choice', async () => {
      const { port } = server.address() as { port: number }
      const otlp = startOtlpMetrics({
        url: `http://127.0.0.1:${port}/v1/metrics`,
        snapshot,
        log: fakeLog(),
        everyMs: 3_600_000,
      })
      try {
        await otlp.flush()
      } finally {
        await otlp.stop()
      }
      expect(headers[0]).toBe('POST /v1/metrics application/json')
      const body = bodies[0]!
      const resource = Object.fromEntries(
        body.resourceMetrics[0]!.resource.attributes.map((a) => [a.key, a.value.stringValue]),
      )
      expect(resource).toMatchObject({ 'service.name': 'leg-cramp-kiosk', 'service.instance.id': 'eastside-lobby-1' })
      const sent = Object.fromEntries(otlpSamples(body).map((sample) => [key(sample), sample.value]))
      const written = Object.fromEntries(parseExposition(promText).map((sample) => [key(sample), sample.value]))
      expect(sent).toEqual(written)
      const raw = JSON.stringify(body)
      for (const item of SELFCHECK_ITEMS) expect(raw).not.toContain(item)
    }, 60_000)
  })
})
