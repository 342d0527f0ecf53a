#!/usr/bin/env node
/**
 * Prints one line, `N passed, N failed, N skipped`, summed over the vitest and
 * Playwright JSON reports in test-results/. Given the exit status of `npm test`,
 * a failed gate that ran no test (lint, type check, build, security scan)
 * counts as one failure, so a red run never reads as green.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const results = join(import.meta.dirname, '..', 'test-results')
const testStatus = Number(process.argv[2] ?? 0)
const read = (name) => {
  const file = join(results, name)
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null
}

let passed = 0
let failed = 0
let skipped = 0

const vitest = read('vitest.json')
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
  skipped += vitest.numPendingTests + vitest.numTodoTests
}

const playwright = read('playwright.json')
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky
  failed += playwright.stats.unexpected
  skipped += playwright.stats.skipped
}

if (testStatus !== 0 && failed === 0) {
  console.log('A check outside the test suites failed (lint, type check, build or security scan); see above.')
  failed = 1
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
