import type { Logger } from './logger'
import { machineProvisioningFile } from './provisioning-file'

/** How this run of the kiosk was asked to start. */
export interface LaunchOptions {
  /** A normal window instead of the fullscreen kiosk (development, maintenance). */
  windowed: boolean
  /** URL of the electron-vite dev server, set only by `electron-vite dev`; never in a packaged build. */
  devServerUrl: string | undefined
  /** DevTools and reload shortcuts stay available (an unpackaged development run only). */
  development: boolean
  /**
   * `--handout-pdf=<file> [--handout-locale=<tag>]`: save the handout (with no
   * self-check choices) as PDF and quit, so staff can check it without a printer.
   */
  handoutPdf: { path: string; locale: string } | null
  /**
   * The fleet's provisioning file: `--config <path>`, `--config=<path>` or
   * KIOSK_CONFIG, else the machine-wide one (provisioning-file.ts).
   */
  provisioningFile: string | null
  /**
   * `--supervised` or KIOSK_SUPERVISED=1: a supervisor (systemd's Restart=always,
   * Windows Shell Launcher's RestartShell) starts the kiosk again whenever it
   * exits, so a scheduled restart only exits instead of relaunching a second copy.
   */
  supervised: boolean
}

/** What the launch options need to know about the running app. */
export interface LaunchContext {
  /** Electron's `app.isPackaged`: true in an installed build, false under `electron-vite dev` or `electron .`. */
  packaged: boolean
  log: Logger
  /** The operating system (`process.platform`), for the machine-wide provisioning file. */
  platform: NodeJS.Platform
}

/**
 * Reads the launch options from the command line and the environment. A
 * packaged build ignores the development switches (ELECTRON_RENDERER_URL would
 * make it load, and trust for IPC, any URL) and logs that it did.
 */
export function parseLaunchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  { packaged, log, platform }: LaunchContext,
): LaunchOptions {
  const requestedDevServerUrl = env.ELECTRON_RENDERER_URL || undefined
  if (packaged && requestedDevServerUrl !== undefined) {
    log.warn('ELECTRON_RENDERER_URL is set but ignored: a packaged kiosk loads only its own pages, without DevTools')
  }
  const devServerUrl = packaged ? undefined : requestedDevServerUrl
  return {
    windowed: argv.includes('--windowed') || env.KIOSK_WINDOWED === '1',
    devServerUrl,
    development: devServerUrl !== undefined,
    handoutPdf: handoutPdfOption(argv),
    provisioningFile: optionValue(argv, '--config') ?? (env.KIOSK_CONFIG || machineProvisioningFile(platform, env)),
    supervised: argv.includes('--supervised') || env.KIOSK_SUPERVISED === '1',
  }
}

/** The value of `--name=value` or `--name value`, if given. */
function optionValue(argv: readonly string[], name: string): string | null {
  const index = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`))
  if (index < 0) return null
  const arg = argv[index]!
  return (arg === name ? argv[index + 1] : arg.slice(name.length + 1)) || null
}

function handoutPdfOption(argv: readonly string[]): LaunchOptions['handoutPdf'] {
  const path = optionValue(argv, '--handout-pdf')
  return path ? { path, locale: optionValue(argv, '--handout-locale') ?? 'en' } : null
}
