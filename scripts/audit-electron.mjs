#!/usr/bin/env node
/**
 * Security scan with @doyensec/electronegativity. Fails on any HIGH or MEDIUM
 * finding that is not justified in place with an `eng-disable` comment.
 *
 * Two scans: the main-process and preload source (electron/), and the built
 * renderer's CSP (out/renderer), because the CSP is written into index.html at
 * build time. The CSP global check is left out of the source scan for that
 * reason and made by the second scan. electronegativity exits 0 even with findings, so the
 * verdict is read from its CSV output (kept in test-results/).
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const reportDir = join(root, 'test-results')
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version
const scans = [
  { name: 'source', input: 'electron', exclude: 'CSPGlobalCheck' },
  { name: 'renderer-csp', input: 'out/renderer', only: 'CSPGlobalCheck,CSPHTMLCheck,CSPJSCheck' },
]

if (!existsSync(join(root, 'out/renderer/index.html'))) {
  console.error('audit:electron: out/renderer is missing; run `npm run build` first.')
  process.exit(2)
}
mkdirSync(reportDir, { recursive: true })

let failures = 0
for (const scan of scans) {
  const output = join(reportDir, `electronegativity-${scan.name}.csv`)
  const args = ['electronegativity', '-i', scan.input, '-o', output, '-r', '-v', 'false', '-e', electronVersion]
  if (scan.exclude) args.push('-x', scan.exclude)
  if (scan.only) args.push('-l', scan.only)
  const run = spawnSync('npx', args, { cwd: root, encoding: 'utf8' })
  if (run.status !== 0 || !existsSync(output)) {
    console.error(`audit:electron: the ${scan.name} scan did not run:\n${run.stderr}`)
    process.exit(2)
  }
  const findings = readFileSync(output, 'utf8').trim().split('\n').slice(1).filter(Boolean)
  const blocking = findings.filter((row) => /^[A-Z_]+,"(HIGH|MEDIUM)"/.test(row))
  console.log(`audit:electron ${scan.name}: ${findings.length} finding(s), ${blocking.length} HIGH/MEDIUM`)
  for (const row of blocking) console.error(`  ${row}`)
  failures += blocking.length
}

if (failures > 0) {
  console.error(
    `audit:electron: ${failures} unjustified HIGH/MEDIUM finding(s). Fix them, or justify each in place with an eng-disable comment.`,
  )
  process.exit(1)
}
console.log('audit:electron: no unjustified HIGH/MEDIUM findings')
