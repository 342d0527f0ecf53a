/** How this run of the kiosk was asked to start. */
export interface LaunchOptions {
  /** A normal window instead of the fullscreen kiosk (development, maintenance). */
  windowed: boolean
  /** URL of the electron-vite dev server, set only by `electron-vite dev`. */
  devServerUrl: string | undefined
  /** DevTools and reload shortcuts stay available (development only). */
  development: boolean
  /**
   * `--handout-pdf=<file> [--handout-locale=<tag>]`: save the handout (with no
   * self-check choices) as PDF and quit, so staff can check it without a printer.
   */
  handoutPdf: { path: string; locale: string } | null
  /** `--config <path>`, `--config=<path>` or KIOSK_CONFIG: the fleet's provisioning file. */
  provisioningFile: string | null
}

/** Reads the launch options from the command line and the environment. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const devServerUrl = env.ELECTRON_RENDERER_URL || undefined
  return {
    windowed: argv.includes('--windowed') || env.KIOSK_WINDOWED === '1',
    devServerUrl,
    development: devServerUrl !== undefined,
    handoutPdf: handoutPdfOption(argv),
    provisioningFile: optionValue(argv, '--config') ?? (env.KIOSK_CONFIG || null),
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
