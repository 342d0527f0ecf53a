#!/usr/bin/env -S npx tsx
/**
 * `npm run bench`: the kiosk's performance figures, each beside its goal and,
 * where it has one, the empty-page floor measured in the same run. Builds the
 * production renderer into out-bench/, serves it with `vite preview`, and runs
 * every benchmark in one Chromium session: start-up, tap -> next screen, the
 * visitor path's script, print -> PDF bytes, and the 500-visitor soak.
 * Prints a table and writes test-results/bench.json (with the machine it ran on).
 *
 * `--quick` (what .ci/run uses) runs each benchmark a few times only, to prove
 * they still run; its figures are not meant to be read. A full run exits 1 when
 * a goal is missed; any run exits 1 when a benchmark cannot run. It runs under
 * tsx, as the benchmarks read the contract's TypeScript.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { join } from 'node:path'
import { benchBundle } from './bench/bundle.mjs'
import { benchHandout } from './bench/handout.mjs'
import { writeReferencePages } from './bench/reference-pages.mjs'
import { benchSoak } from './bench/soak.mjs'
import { benchStartup } from './bench/startup.mjs'
import { benchTap } from './bench/tap.mjs'
import { startBenchBrowser } from './bench-browser.mjs'

const PORT = 4178
const BUILD_DIR = 'out-bench'
const quick = process.argv.includes('--quick')

const chromiumVersion = () => execFileSync('chromium', ['--version'], { encoding: 'utf8' }).trim()
const machine = {
  cpu: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
  node: process.version,
  chromium: chromiumVersion(),
}

console.log(`Building the production renderer into ${BUILD_DIR}/ ...`)
execFileSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', env: { ...process.env, KIOSK_OUT_DIR: BUILD_DIR } })
const rendererDir = join(BUILD_DIR, 'renderer')
const references = writeReferencePages(rendererDir)

const bench = await startBenchBrowser(PORT, rendererDir)
const rows = []
try {
  const origin = await bench.ready()
  const context = {
    browser: bench.browser,
    origin,
    emptyUrl: `${origin}${references.empty}`,
    vueUrl: `${origin}${references.vue}`,
    quick,
  }
  for (const run of [benchStartup, benchTap, benchBundle, benchHandout, benchSoak]) {
    console.log(`${run.name} ...`)
    rows.push(...(await run(context)))
  }
} finally {
  await bench.close()
}

console.table(
  rows.map(({ bench, measure, value, unit, goal, ok }) => ({
    bench,
    measure,
    value: `${value} ${unit}`,
    goal,
    met: ok ? 'yes' : 'NO',
  })),
)
mkdirSync('test-results', { recursive: true })
const report = { date: new Date().toISOString(), quick, machine: { ...machine, loadAverageAtEnd: loadavg() }, rows }
writeFileSync('test-results/bench.json', `${JSON.stringify(report, null, 2)}\n`)
console.log(
  `Machine: ${machine.cpu}, ${machine.memoryGiB} GiB, load ${machine.loadAverageAtStart.join(' ')}; ${machine.chromium}`,
)
console.log('Figures written to test-results/bench.json')
const missed = rows.filter((row) => !row.ok)
if (quick) console.log(`Quick mode: ${rows.length} figures from every benchmark (goals are not judged on a quick run).`)
else if (missed.length > 0) {
  console.error(`${missed.length} goal(s) missed: ${missed.map((row) => row.measure).join('; ')}`)
  process.exitCode = 1
}
