/**
 * The monitoring a clinic imports (deploy/monitoring/): the Grafana dashboard, the Prometheus alerting rules and
 * their promtool unit tests. Every PromQL expression may read only the metrics the kiosk writes into
 * leg_cramp_kiosk.prom (and node_exporter's node_textfile_mtime_seconds for that file). promtool comes from
 * Debian's prometheus package; without it the promtool checks are skipped, saying so.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { PRINT_FAILURES } from '../../../electron/contract'
import { JOURNEY } from '../../../src/content/journey'
import { metricNamesIn } from './promql-metric-names'
import type { FigureSnapshot } from '../../../electron/main/kiosk-figures'
import { kioskRegistry } from '../../../electron/main/prometheus-textfile'

const monitoring = resolve(import.meta.dirname, '../../../deploy/monitoring')
const read = (path: string) => readFile(join(monitoring, path), 'utf8')

/** The metric names the kiosk's exporter really writes (a registry over a sample snapshot), and node_exporter's file age. */
const EXPORTED = await (async () => {
  const snapshot: FigureSnapshot = {
    kioskId: 'sample',
    version: '1.0.0',
    usage: {},
    lastHeartbeatSeconds: 1,
    rendererReloads: 0,
    outOfOrderEpisodes: 0,
    printerPresent: true,
  }
  const text = await kioskRegistry(() => snapshot).metrics()
  const names = new Set(
    text
      .split('\n')
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => line.split(/[{ ]/)[0]!),
  )
  return [...names, 'node_textfile_mtime_seconds']
})()

const PROMTOOL = '/usr/bin/promtool'
const NO_PROMTOOL = !existsSync(PROMTOOL)
/** A promtool test's name, saying why it is skipped where promtool is missing. */
const withPromtool = (name: string) =>
  NO_PROMTOOL ? `${name} (skipped: promtool is missing; Debian's prometheus package provides it)` : name

/** Runs promtool; its exit code and output are the result. */
async function promtool(args: string[], cwd = monitoring) {
  try {
    const { stdout, stderr } = await promisify(execFile)(PROMTOOL, args, { cwd })
    return { code: 0, output: stdout + stderr }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: Number(failed.code), output: failed.stdout + failed.stderr }
  }
}

describe('metricNamesIn', () => {
  it('finds the metric names of a selector, with or without label matchers', () => {
    expect(metricNamesIn('up')).toEqual(['up'])
    expect(metricNamesIn('leg_cramp_kiosk_build_info{kiosk_id="a", version=~"0\\\\..*"}')).toEqual([
      'leg_cramp_kiosk_build_info',
    ])
    expect(metricNamesIn('node:cpu:rate5m')).toEqual(['node:cpu:rate5m'])
  })

  it('leaves out functions, aggregations and keywords, whatever their case', () => {
    expect(metricNamesIn('sum by (kiosk_id) (rate(a_total[5m])) / ignoring (x) group_left count(b)')).toEqual([
      'a_total',
      'b',
    ])
    expect(metricNamesIn('SUM(a) BY (x) and on (kiosk_id) b or c unless d')).toEqual(['a', 'b', 'c', 'd'])
    expect(metricNamesIn('max without (instance, job) (a) > bool 1')).toEqual(['a'])
    expect(metricNamesIn('topk(3, a) or bottomk(2, b) or quantile(0.9, c) or count_values("v", d)')).toEqual([
      'a',
      'b',
      'c',
      'd',
    ])
    expect(metricNamesIn('a atan2 b')).toEqual(['a', 'b'])
    expect(metricNamesIn('time() - vector(1) + scalar(a) * Inf - NaN')).toEqual(['a'])
    expect(metricNamesIn('absent ( a )')).toEqual(['a'])
  })

  it('leaves out label names in matchers and in by, without, on, ignoring, group_left and group_right lists', () => {
    expect(metricNamesIn('a{job="x", instance!="y", le=~"0.5"}')).toEqual(['a'])
    expect(metricNamesIn('a * on (instance, job) group_left (kiosk_id, version) b')).toEqual(['a', 'b'])
    expect(metricNamesIn('a * ignoring (x) group_right (y) b')).toEqual(['a', 'b'])
    // group_left without a list: what follows is an operand.
    expect(metricNamesIn('a * on (instance) group_left b')).toEqual(['a', 'b'])
    expect(metricNamesIn('histogram_quantile(0.9, sum by (le) (rate(h_bucket[5m])))')).toEqual(['h_bucket'])
  })

  it('leaves out durations, offsets, @ modifiers, subqueries and numbers', () => {
    expect(metricNamesIn('increase(a[1d] offset 40m) + rate(b[1h30m] offset -5m)')).toEqual(['a', 'b'])
    expect(metricNamesIn('max_over_time(deriv(a[5m])[1h:1m]) + b @ 1609746000 + c @ end()')).toEqual(['a', 'b', 'c'])
    expect(metricNamesIn('a > 1e3 or b < 0x1f or c == 0.5')).toEqual(['a', 'b', 'c'])
  })

  it('leaves out strings, comments and Grafana variables', () => {
    expect(metricNamesIn('label_replace(a, "dst", "$1 not_a_metric", \'src\', `(.*)`)')).toEqual(['a'])
    expect(metricNamesIn('a # not_a_metric either\n+ b')).toEqual(['a', 'b'])
    expect(metricNamesIn('increase(a{kiosk_id=~"$kiosk_id"}[$__range]) / $divisor + ${other} + [[old]] + b')).toEqual([
      'a',
      'b',
    ])
    expect(metricNamesIn('a{kiosk_id=~$kiosk_id}')).toEqual(['a'])
  })

  it('reads __name__ and quoted names, and refuses a __name__ it cannot resolve', () => {
    expect(metricNamesIn('{__name__="a", job="x"} + {"b.c", job="y"}')).toEqual(['a', 'b.c'])
    expect(() => metricNamesIn('{__name__=~"leg_.*"}')).toThrow(/cannot tell which metrics/)
  })

  it('names each metric once, in order', () => {
    expect(metricNamesIn('b + a + b{x="1"} + a offset 1d')).toEqual(['b', 'a'])
  })

  it('throws on text it cannot read to the end', () => {
    expect(() => metricNamesIn('a{job="x"')).toThrow(/unterminated/)
    expect(() => metricNamesIn('a{job="x}')).toThrow(/unterminated/)
    expect(() => metricNamesIn('rate(a[5m')).toThrow(/unterminated/)
  })
})

interface Target {
  refId: string
  expr: string
  legendFormat?: string
  datasource?: { type: string; uid: string }
  instant?: boolean
}
interface Panel {
  id: number
  type: string
  title: string
  description?: string
  interval?: string
  datasource?: { type: string; uid: string }
  gridPos: { h: number; w: number; x: number; y: number }
  targets?: Target[]
  panels?: Panel[]
}
interface Variable {
  name: string
  type: string
  query: string | { query: string }
  definition?: string
  datasource?: { type: string; uid: string }
  multi?: boolean
  includeAll?: boolean
}
interface Dashboard {
  schemaVersion: number
  title: string
  uid: string
  panels: Panel[]
  templating: { list: Variable[] }
}

const loadDashboard = async () => JSON.parse(await read('grafana-dashboard.json')) as Dashboard

/** The dashboard's rows, each with the panels under it (a row that is not collapsed is followed by them). */
function rows(dashboard: Dashboard): { title: string; panels: Panel[] }[] {
  const result: { title: string; panels: Panel[] }[] = []
  for (const panel of dashboard.panels) {
    if (panel.type === 'row') result.push({ title: panel.title, panels: [...(panel.panels ?? [])] })
    else if (result.length === 0) throw new Error(`panel "${panel.title}" is above the first row`)
    else result.at(-1)?.panels.push(panel)
  }
  return result
}

const allPanels = (dashboard: Dashboard) => rows(dashboard).flatMap((row) => row.panels)
const targetsOf = (dashboard: Dashboard) => allPanels(dashboard).flatMap((panel) => panel.targets ?? [])

/** The kiosk_id variable's query, the selector inside Grafana's label_values(selector, label). */
function variableSelector(variable: Variable): string {
  const query = typeof variable.query === 'string' ? variable.query : variable.query.query
  const match = /^label_values\((.+),\s*(\w+)\)$/.exec(query.trim())
  if (!match?.[1]) throw new Error(`not a label_values query: ${query}`)
  return match[1]
}

/** Every PromQL expression of the dashboard: each panel target's, then the template variable's. */
async function dashboardExpressions(): Promise<string[]> {
  const dashboard = await loadDashboard()
  const kiosk = dashboard.templating.list.find((variable) => variable.name === 'kiosk_id')
  if (!kiosk) throw new Error('no kiosk_id variable')
  return [...targetsOf(dashboard).map((target) => target.expr), variableSelector(kiosk)]
}

/** An expression with Grafana's variables as Grafana fills them in (All kiosks, a 30-day range). */
const asPrometheusSees = (expr: string) => expr.replaceAll('$kiosk_id', '.+').replaceAll('$__range', '30d')

describe('the Grafana dashboard', () => {
  it('is JSON Grafana imports: schema 39, its Prometheus chosen through ${DS_PROMETHEUS}', async () => {
    const dashboard = await loadDashboard()
    expect(dashboard.schemaVersion).toBeGreaterThanOrEqual(39)
    expect(dashboard.uid).toMatch(/^[\w-]{1,40}$/)
    const source = dashboard.templating.list.find((variable) => variable.name === 'DS_PROMETHEUS')
    expect(source).toMatchObject({ type: 'datasource', query: 'prometheus' })
    const prometheus = { type: 'prometheus', uid: '${DS_PROMETHEUS}' }
    for (const panel of allPanels(dashboard)) expect(panel.datasource, panel.title).toEqual(prometheus)
    for (const target of targetsOf(dashboard)) expect(target.datasource, target.expr).toEqual(prometheus)
  })

  it('has a kiosk_id variable from build_info, several or All at once', async () => {
    const dashboard = await loadDashboard()
    const kiosk = dashboard.templating.list.find((variable) => variable.name === 'kiosk_id')
    expect(kiosk).toMatchObject({
      type: 'query',
      datasource: { type: 'prometheus', uid: '${DS_PROMETHEUS}' },
      definition: 'label_values(leg_cramp_kiosk_build_info, kiosk_id)',
      multi: true,
      includeAll: true,
    })
    expect(variableSelector(kiosk as Variable)).toBe('leg_cramp_kiosk_build_info')
  })

  it('has the rows Visits, Printing and Health with their panels', async () => {
    const dashboard = await loadDashboard()
    expect(rows(dashboard).map(({ title, panels }) => ({ title, panels: panels.map((panel) => panel.title) }))).toEqual(
      [
        {
          title: 'Visits',
          panels: ['Visits per day', 'Visits by language per day', 'Drop-off: the furthest screen each visit reached'],
        },
        { title: 'Printing', panels: ['Handouts printed per day', 'Print failures by reason per day'] },
        {
          title: 'Health',
          panels: [
            'Seconds since the last heartbeat',
            'Printer present',
            'Metrics file age',
            'Screen reloads, last 24 h',
            'Out-of-order episodes, last 24 h',
            'Kiosks',
          ],
        },
      ],
    )
    // Panel ids are unique and every panel fits the 24-column grid without overlapping another.
    const panels = dashboard.panels
    expect(new Set(panels.map((panel) => panel.id)).size).toBe(panels.length)
    const cells = new Set<string>()
    for (const { title, gridPos } of panels) {
      expect(gridPos.x + gridPos.w, title).toBeLessThanOrEqual(24)
      for (let x = gridPos.x; x < gridPos.x + gridPos.w; x++)
        for (let y = gridPos.y; y < gridPos.y + gridPos.h; y++) {
          expect(cells.has(`${x},${y}`), `${title} overlaps at ${x},${y}`).toBe(false)
          cells.add(`${x},${y}`)
        }
    }
  })

  it('shows usage per day with increase over 1d at a 1d interval, saying a day arrives after it ends', async () => {
    const dashboard = await loadDashboard()
    const daily = {
      'Visits per day': 'leg_cramp_kiosk_visits_started_total',
      'Visits by language per day': 'leg_cramp_kiosk_visits_total',
      'Handouts printed per day': 'leg_cramp_kiosk_handouts_printed_total',
      'Print failures by reason per day': 'leg_cramp_kiosk_print_failures_total',
    }
    for (const [title, metric] of Object.entries(daily)) {
      const panel = allPanels(dashboard).find((candidate) => candidate.title === title)
      expect(panel, title).toMatchObject({ type: 'timeseries', interval: '1d' })
      expect(panel?.targets?.map((target) => target.expr)).toEqual([
        expect.stringContaining(`increase(${metric}{kiosk_id=~"$kiosk_id"}[1d]`),
      ])
      expect(panel?.description).toMatch(/only once that day has ended/)
    }
    const byLanguage = allPanels(dashboard).find((panel) => panel.title === 'Visits by language per day')
    expect(byLanguage?.targets?.[0]?.expr).toMatch(/^sum by \(language\)/)
    // Every print failure reason is explained, in the contract's words.
    const failures = allPanels(dashboard).find((panel) => panel.title === 'Print failures by reason per day')
    expect(failures?.targets?.[0]?.expr).toMatch(/^sum by \(reason\)/)
    for (const reason of PRINT_FAILURES) expect(failures?.description).toContain(`${reason}:`)
  })

  it('draws the drop-off as a bar gauge with one bar per screen, in journey order', async () => {
    const dashboard = await loadDashboard()
    const funnel = allPanels(dashboard).find((panel) => panel.title.startsWith('Drop-off'))
    expect(funnel?.type).toBe('bargauge')
    const screens = (funnel?.targets ?? []).map((target) => {
      expect(target.instant, target.expr).toBe(true)
      expect(target.expr).toContain('leg_cramp_kiosk_visits_furthest_screen_total{kiosk_id=~"$kiosk_id", screen="')
      return /screen="([^"]+)"/.exec(target.expr)?.[1]
    })
    expect(screens).toEqual([...JOURNEY])
    // The legends are numbered in the same order, so the bars read as the journey.
    expect((funnel?.targets ?? []).map((target) => target.legendFormat?.split('.')[0])).toEqual(
      JOURNEY.map((_, index) => String(index + 1)),
    )
  })

  it('reads only the metrics the kiosk writes, and each kiosk metric for the chosen kiosks only', async () => {
    const expressions = await dashboardExpressions()
    expect(expressions.length).toBe(targetsOf(await loadDashboard()).length + 1)
    const used = new Set<string>()
    for (const expr of expressions) {
      const names = metricNamesIn(expr)
      expect(names.length, expr).toBeGreaterThan(0)
      for (const name of names) {
        expect(EXPORTED, `${name} in ${expr}`).toContain(name)
        used.add(name)
      }
    }
    // The health panels use the health metrics; the file's age comes from node_exporter.
    for (const name of [
      'leg_cramp_kiosk_renderer_last_heartbeat_timestamp_seconds',
      'leg_cramp_kiosk_renderer_reloads_total',
      'leg_cramp_kiosk_out_of_order_episodes_total',
      'leg_cramp_kiosk_printer_present',
      'node_textfile_mtime_seconds',
    ])
      expect(used).toContain(name)
    for (const target of targetsOf(await loadDashboard()))
      for (const [, , matchers] of target.expr.matchAll(/\b(leg_cramp_kiosk_\w+)(\{[^}]*\})?/g))
        expect(matchers ?? '', target.expr).toContain('kiosk_id=~"$kiosk_id"')
  })

  it.skipIf(NO_PROMTOOL)(withPromtool('has only expressions Prometheus parses'), async () => {
    // Each expression as a recording rule: promtool check rules parses it as Prometheus would.
    const dir = await mkdtemp(join(tmpdir(), 'kiosk-dashboard-'))
    const rules = (await dashboardExpressions()).map(
      (expr, index) =>
        `      - record: dashboard_expression_${index}\n        expr: ${JSON.stringify(asPrometheusSees(expr))}`,
    )
    await writeFile(join(dir, 'dashboard.rules.yml'), `groups:\n  - name: dashboard\n    rules:\n${rules.join('\n')}\n`)
    const result = await promtool(['check', 'rules', 'dashboard.rules.yml'], dir)
    expect(result, result.output).toMatchObject({ code: 0 })
  })

  it.skipIf(NO_PROMTOOL)(
    withPromtool('puts each day in one bar, even when it arrives just after midnight UTC'),
    async () => {
      // A UK kiosk (UTC in winter) adds its day's visits a minute or two after midnight UTC, a US kiosk (UTC-5) at
      // 05:00 UTC. Scrapes every 7 minutes never fall on midnight, like a real scrape's phase. Without the dashboard's
      // 40-minute look-back, increase(…[1d]) at midnight would miss the UK kiosk's days between two bars.
      const dashboard = await loadDashboard()
      const visits = allPanels(dashboard).find((panel) => panel.title === 'Visits per day')?.targets?.[0]?.expr ?? ''
      const day = 1440 / 7 // samples a day
      const uk = `0x${Math.floor(day)} 5x${Math.floor(day)} 8x${Math.floor(day)}` // +5 at 00:02 UTC on day 2, +3 at 00:04 on day 3
      const us = `0x${Math.floor((1440 + 300) / 7)} 4x${Math.floor(day)}` // +4 at 05:03 UTC on day 2
      const bars = (expr: string, values: Record<string, number>, eval_time: string) =>
        `      - expr: ${JSON.stringify(asPrometheusSees(expr))}\n        eval_time: ${eval_time}\n        exp_samples:\n` +
        Object.entries(values)
          .map(([kiosk, value]) => `          - labels: '{kiosk_id="${kiosk}"}'\n            value: ${value}`)
          .join('\n')
      const test = [
        'evaluation_interval: 1m',
        'tests:',
        '  - interval: 7m',
        '    input_series:',
        `      - series: 'leg_cramp_kiosk_visits_started_total{kiosk_id="uk-1"}'`,
        `        values: '${uk}'`,
        `      - series: 'leg_cramp_kiosk_visits_started_total{kiosk_id="us-1"}'`,
        `        values: '${us}'`,
        '    promql_expr_test:',
        bars(visits, { 'uk-1': 0, 'us-1': 0 }, '1d'),
        bars(visits, { 'uk-1': 5, 'us-1': 4 }, '2d'),
        bars(visits, { 'uk-1': 3, 'us-1': 0 }, '3d'),
        // The same bars without the look-back lose the UK kiosk's visits.
        bars(visits.replace(' offset 40m', ''), { 'uk-1': 0, 'us-1': 4 }, '2d'),
        bars(visits.replace(' offset 40m', ''), { 'uk-1': 0, 'us-1': 0 }, '3d'),
      ].join('\n')
      const dir = await mkdtemp(join(tmpdir(), 'kiosk-dashboard-'))
      await writeFile(join(dir, 'daily.test.yml'), `${test}\n`)
      const result = await promtool(['test', 'rules', 'daily.test.yml'], dir)
      expect(result, result.output).toMatchObject({ code: 0 })
    },
  )
})

/**
 * Each alerting rule's name and block of the rule file, and the expression of its `expr:` (a block scalar or a
 * plain line). The project has no YAML parser of its own to use; promtool reads the file as YAML in the tests above.
 */
function alertRules(file: string): { alert: string; expr: string; block: string }[] {
  const starts = [...file.matchAll(/^\s*- alert: (\S+)$/gm)]
  return starts.map((start, index) => {
    const block = file.slice(start.index, starts[index + 1]?.index ?? file.length)
    const lines = block.split('\n')
    const at = lines.findIndex((line) => /^\s*expr:/.test(line))
    const [, indent = '', value = ''] = /^(\s*)expr:\s*(.*)$/.exec(lines[at] ?? '') ?? []
    let expr = value
    if (/^[|>][+-]?$/.test(value)) {
      const body: string[] = []
      for (const line of lines.slice(at + 1)) {
        if (line.trim() !== '' && line.length - line.trimStart().length <= indent.length) break
        body.push(line.trim())
      }
      expr = body.join('\n').trim()
    } else if (/^["']/.test(value)) throw new Error(`quoted expr in ${start[1]}: read it with a YAML parser`)
    return { alert: start[1] ?? '', expr, block }
  })
}

describe('the alerting rules', () => {
  it.skipIf(NO_PROMTOOL)(withPromtool('pass promtool check rules'), async () => {
    const result = await promtool(['check', 'rules', 'leg-cramp-kiosk.rules.yml'])
    expect(result, result.output).toMatchObject({ code: 0 })
    expect(result.output).toContain('SUCCESS: 4 rules found')
  })

  it.skipIf(NO_PROMTOOL)(withPromtool('pass their promtool unit tests'), async () => {
    const result = await promtool(['test', 'rules', 'leg-cramp-kiosk.rules.test.yml'])
    expect(result, result.output).toMatchObject({ code: 0 })
  })

  it('are the four kiosk alerts, each with a severity and a summary and description naming the kiosk', async () => {
    const rules = alertRules(await read('leg-cramp-kiosk.rules.yml'))
    expect(rules.map((rule) => rule.alert)).toEqual([
      'KioskNoHeartbeat',
      'KioskMetricsStale',
      'KioskPrinterMissing',
      'KioskOutOfOrder',
    ])
    for (const { alert, block } of rules) {
      expect(block, alert).toMatch(/^\s+severity: (critical|warning)$/m)
      expect(block, alert).toMatch(/^\s+summary: .*\{\{ \$labels\.kiosk_id \}\}/m)
      expect(block, alert).toMatch(/^\s+description: >-\n\s+.*\{\{ \$labels\.kiosk_id \}\}/m)
    }
  })

  it('read only the metrics the kiosk writes, as the brief for each alert says', async () => {
    const rules = Object.fromEntries(
      alertRules(await read('leg-cramp-kiosk.rules.yml')).map((rule) => [rule.alert, rule.expr]),
    )
    for (const [alert, expr] of Object.entries(rules)) {
      expect(expr, alert).not.toBe('')
      for (const name of metricNamesIn(expr)) expect(EXPORTED, `${name} in ${alert}`).toContain(name)
    }
    expect(rules.KioskNoHeartbeat).toContain('time() - leg_cramp_kiosk_renderer_last_heartbeat_timestamp_seconds > 600')
    expect(metricNamesIn(rules.KioskMetricsStale ?? '')).toEqual([
      'node_textfile_mtime_seconds',
      'leg_cramp_kiosk_build_info',
    ])
    expect(rules.KioskPrinterMissing).toBe('leg_cramp_kiosk_printer_present == 0')
    expect(rules.KioskOutOfOrder).toBe('increase(leg_cramp_kiosk_out_of_order_episodes_total[15m]) > 0')
    // The rules' tests cover every alert.
    const tests = await read('leg-cramp-kiosk.rules.test.yml')
    for (const alert of Object.keys(rules)) expect(tests).toContain(`alertname: ${alert}`)
  })
})
