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
}

/** Reads the launch options from the command line and the environment. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const devServerUrl = env.ELECTRON_RENDERER_URL || undefined
  return {
    windowed: argv.includes('--windowed') || env.KIOSK_WINDOWED === '1',
    devServerUrl,
    development: devServerUrl !== undefined,
    handoutPdf: handoutPdfOption(argv),
  }
}

function handoutPdfOption(argv: readonly string[]): LaunchOptions['handoutPdf'] {
  const value = (name: string) => argv.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1)
  const path = value('--handout-pdf')
  return path ? { path, locale: value('--handout-locale') ?? 'en' } : null
}
