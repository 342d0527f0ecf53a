/** How this run of the kiosk was asked to start. */
export interface LaunchOptions {
  /** A normal window instead of the fullscreen kiosk (development, maintenance). */
  windowed: boolean
  /** URL of the electron-vite dev server, set only by `electron-vite dev`. */
  devServerUrl: string | undefined
  /** DevTools and reload shortcuts stay available (development only). */
  development: boolean
}

/** Reads the launch options from the command line and the environment. */
export function parseLaunchOptions(argv: readonly string[], env: NodeJS.ProcessEnv): LaunchOptions {
  const devServerUrl = env.ELECTRON_RENDERER_URL || undefined
  return {
    windowed: argv.includes('--windowed') || env.KIOSK_WINDOWED === '1',
    devServerUrl,
    development: devServerUrl !== undefined,
  }
}
