import { mkdtemp, readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { openKioskFiles } from '../../../electron/main/kiosk-files'
import { createKioskHandlers } from '../../../electron/main/kiosk-handlers'
import { localDay } from '../../../electron/main/usage-counters'
import { usageCsv } from '../../../electron/usage-csv'
import { fakeLog } from './fake-log'

async function setUp() {
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-handlers-'))
  const log = fakeLog()
  const { store, staff, counters } = await openKioskFiles(dir, { provisioningFile: null, log })
  const deps = {
    store,
    staff,
    counters,
    printer: { print: vi.fn(), resetVisitor: vi.fn() },
    appInfo: { name: 'kiosk', version: '1.0.0', runtime: 'electron' as const },
    listPrinters: async () => ['Front_Desk'],
    clearVisitorStorage: vi.fn(async () => {}),
    heartbeat: vi.fn(),
    saveUsageCsv: vi.fn(async () => ({ state: 'saved' as const, path: '/media/usb/usage.csv' })),
    quit: vi.fn(),
    log,
  }
  return { dir, deps, counters, handlers: createKioskHandlers(deps) }
}

describe('the kiosk’s handlers', () => {
  let context: Awaited<ReturnType<typeof setUp>>
  beforeEach(async () => (context = await setUp()))

  it('counts visits: started, the language they ended in, how far they got, and idle resets', async () => {
    const { handlers, counters } = context
    await handlers.recordVisit({ event: 'started' })
    await handlers.recordVisit({ event: 'ended', locale: 'es', furthest: 'doctor', idle: true })
    await handlers.recordVisit({ event: 'started' })
    await handlers.recordVisit({ event: 'ended', locale: 'es', furthest: 'handout', idle: false })
    expect(counters.days()).toEqual({
      [localDay(Date.now())]: {
        sessionsStarted: 2,
        'sessions.es': 2,
        'furthest.doctor': 1,
        'furthest.handout': 1,
        idleResets: 1,
      },
    })
  })

  it('sets the first PIN, saves settings that apply at once and survive a restart, then logs out', async () => {
    const { handlers, dir } = context
    expect(await handlers.getStaffStatus(undefined)).toEqual({
      pin: 'none',
      pinChange: 'allowed',
      lockedForSeconds: null,
    })
    await expect(handlers.setStaffPin({ pin: '24681357' })).resolves.toEqual({ state: 'saved' })
    await expect(handlers.getStaffSettings(undefined)).resolves.toEqual({
      config: DEFAULT_CONFIG,
      lockedFields: [],
      printers: ['Front_Desk'],
    })
    const changed = { ...DEFAULT_CONFIG, defaultLocale: 'es' as const, idleTimeoutSeconds: 30 }
    await expect(handlers.saveSettings(changed)).resolves.toEqual({ state: 'saved' })
    expect(await handlers.getConfig(undefined)).toEqual(changed)
    await handlers.staffLogout(undefined)
    expect(context.deps.staff.isOpen()).toBe(false)
    const saved = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8'))
    expect(saved.settings).toEqual({ defaultLocale: 'es', idleTimeoutSeconds: 30 })
  })

  it('passes on each heartbeat whether the kiosk rests on the welcome screen', () => {
    context.handlers.heartbeat({ resting: true })
    context.handlers.heartbeat({ resting: false })
    expect(context.deps.heartbeat.mock.calls).toEqual([[true], [false]])
  })

  it('a visitor reset gives back the prints and wipes the page’s storage', async () => {
    const { handlers, deps } = context
    await handlers.clearVisitorData(undefined)
    expect(deps.printer.resetVisitor).toHaveBeenCalled()
    expect(deps.clearVisitorStorage).toHaveBeenCalled()
  })

  it('logs each missing translation once, and only so many, so a faulty renderer cannot fill the log', async () => {
    const { handlers, deps } = context
    for (let round = 0; round < 3; round++) {
      for (let index = 0; index < 150; index++) {
        await handlers.reportProblem({ kind: 'missing-translation', locale: 'pl', key: `doctor.sign${index}` })
      }
    }
    expect(deps.log.warn).toHaveBeenCalledTimes(100)
    expect(deps.log.warn).toHaveBeenCalledWith('Renderer reports a missing-translation: "doctor.sign0" in pl')
  })

  it('exports the usage figures as CSV and quits for maintenance', async () => {
    const { handlers, deps, counters } = context
    counters.increment('handoutsPrinted')
    await expect(handlers.exportUsage(undefined)).resolves.toEqual({ state: 'saved', path: '/media/usb/usage.csv' })
    expect(deps.saveUsageCsv).toHaveBeenCalledWith(usageCsv(counters.days()))
    await handlers.quitKiosk(undefined)
    expect(deps.quit).toHaveBeenCalled()
  })
})

describe('usage CSV', () => {
  it('has a row per day, oldest first, and a column per counter with zeros', () => {
    const csv = usageCsv({
      '2026-11-27': { handoutsPrinted: 2 },
      '2026-11-26': { sessionsStarted: 5, 'sessions.ar': 1 },
    })
    const [header, first, second, end] = csv.split('\n')
    const columns = header!.split(',')
    expect(columns.slice(0, 3)).toEqual(['day', 'sessionsStarted', 'handoutsPrinted'])
    const cell = (row: string, column: string) => row.split(',')[columns.indexOf(column)]
    expect(cell(first!, 'day')).toBe('2026-11-26')
    expect(cell(first!, 'sessionsStarted')).toBe('5')
    expect(cell(first!, 'sessions.ar')).toBe('1')
    expect(cell(first!, 'handoutsPrinted')).toBe('0')
    expect(cell(second!, 'handoutsPrinted')).toBe('2')
    expect(end).toBe('')
  })
})
