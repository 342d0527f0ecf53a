/** The kiosk's health readings for its fleet's monitoring, as main sees them. */
export interface KioskHealth {
  /** A heartbeat from the kiosk screen arrived. */
  beat(): void
  /** The renderer recovery reloaded the screen or showed the out-of-order page. */
  recovered(outcome: 'reloaded' | 'out-of-order'): void
  /** The printer was looked for (see printerIsPresent). */
  printerChecked(present: boolean): void
  readings(): {
    lastHeartbeatSeconds: number | null
    rendererReloads: number
    outOfOrderEpisodes: number
    printerPresent: boolean | null
  }
}

/** Keeps the health readings; `now` is the wall clock, since monitoring compares it with its own. */
export function createKioskHealth(now: () => number = Date.now): KioskHealth {
  let lastHeartbeatSeconds: number | null = null
  let rendererReloads = 0
  let outOfOrderEpisodes = 0
  let printerPresent: boolean | null = null
  return {
    beat: () => void (lastHeartbeatSeconds = Math.floor(now() / 1000)),
    recovered: (outcome) => void (outcome === 'reloaded' ? (rendererReloads += 1) : (outOfOrderEpisodes += 1)),
    printerChecked: (present) => void (printerPresent = present),
    readings: () => ({ lastHeartbeatSeconds, rendererReloads, outOfOrderEpisodes, printerPresent }),
  }
}

/** Whether the configured printer is among the system's, or, with none configured, whether there is any. */
export function printerIsPresent(printers: readonly string[], configured: string | null): boolean {
  return configured === null ? printers.length > 0 : printers.includes(configured)
}

/** What the printer checks need. */
export interface PrinterChecks {
  /** Names of the system's printers. */
  listPrinters(): Promise<string[]>
  /** The configured printer now (null: the system's default). */
  configured(): string | null
  health: KioskHealth
  everyMs?: number
}

/** Looks for the printer now and then every minute, so monitoring sees a missing printer before a visitor does. */
export function checkPrinterRegularly({
  listPrinters,
  configured,
  health,
  everyMs = 60_000,
}: PrinterChecks): () => void {
  const check = () =>
    void listPrinters()
      .then((printers) => health.printerChecked(printerIsPresent(printers, configured())))
      .catch(() => health.printerChecked(false))
  check()
  const timer = setInterval(check, everyMs)
  timer.unref()
  return () => clearInterval(timer)
}
