/** The logging seam: main-process modules log through this, tests pass a fake. */
export interface Logger {
  info(...params: unknown[]): void
  warn(...params: unknown[]): void
  error(...params: unknown[]): void
}
