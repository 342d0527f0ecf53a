#!/usr/bin/env node
/**
 * `npm start`: builds the kiosk and runs it in Electron. Electron 45 ships its
 * binary separately; requiring the `electron` package downloads it on first use.
 * Extra arguments go to the app, e.g. `npm start -- --windowed`.
 */
import { spawn, spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

let electronBinary
try {
  electronBinary = createRequire(import.meta.url)('electron')
} catch (error) {
  console.error(
    `The Electron binary is not installed and could not be downloaded:\n  ${error.message}\n` +
      'Without internet access, run the kiosk in web mode instead: npm run web',
  )
  process.exit(1)
}

const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' })
if (build.status !== 0) process.exit(build.status ?? 1)

const kiosk = spawn(electronBinary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' })
kiosk.on('exit', (code) => process.exit(code ?? 1))
