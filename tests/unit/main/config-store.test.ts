import fs from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { KioskConfig } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { CONFIG_VERSION, openConfigStore } from '../../../electron/main/config-store'
import { openProvisioning } from '../../../electron/main/provisioning-file'
import { fakeLog } from './fake-log'

const settingsFile = (settings: object) => JSON.stringify({ version: CONFIG_VERSION, settings })

describe('the configuration store', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-config-'))
    file = join(dir, 'config.json')
  })
  afterEach(() => vi.restoreAllMocks())

  it('starts on the defaults when there is no file yet, and writes nothing', async () => {
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    expect(store.config()).toEqual(DEFAULT_CONFIG)
    expect(await readdir(dir)).toEqual([])
  })

  it('a default language that is not offered falls back alone; the offered languages survive', async () => {
    await writeFile(file, settingsFile({ defaultLocale: 'es', enabledLocales: ['en', 'vi'], clinicName: 'Eastside' }))
    const log = fakeLog()
    const store = await openConfigStore({ file, provisioning: null, log })
    expect(store.config()).toEqual({ ...DEFAULT_CONFIG, enabledLocales: ['en', 'vi'], clinicName: 'Eastside' })
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('defaultLocale'))
    const copies = (await readdir(dir)).filter((name) => name.startsWith('config.json.bad-'))
    expect(copies).toHaveLength(1)
  })

  it('with neither default offered, the first offered language becomes the default', async () => {
    await writeFile(file, settingsFile({ defaultLocale: 'es', enabledLocales: ['vi', 'pl'] }))
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    expect(store.config()).toMatchObject({ defaultLocale: 'vi', enabledLocales: ['vi', 'pl'] })
  })

  it('migrates a version 1 file', async () => {
    await writeFile(file, JSON.stringify({ version: 1, defaultLocale: 'vi', idleTimeoutSeconds: 120 }))
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    expect(store.config()).toEqual({ ...DEFAULT_CONFIG, defaultLocale: 'vi', idleTimeoutSeconds: 120 })
    await store.save({ ...store.config(), clinicName: 'Eastside' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 2,
      settings: { defaultLocale: 'vi', idleTimeoutSeconds: 120, clinicName: 'Eastside' },
    })
  })

  it('saves only what differs from the base, and reads it back after a restart', async () => {
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    const changed = { ...DEFAULT_CONFIG, defaultLocale: 'es' as const, idleTimeoutSeconds: 30 }
    await expect(store.save(changed)).resolves.toEqual({ state: 'saved' })
    expect(store.config()).toEqual(changed)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 2,
      settings: { defaultLocale: 'es', idleTimeoutSeconds: 30 },
    })
    const reopened = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    expect(reopened.config()).toEqual(changed)
  })

  it('refuses an invalid configuration and keeps the current one', async () => {
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    const outcome = await store.save({ ...DEFAULT_CONFIG, enabledLocales: ['es'] })
    expect(outcome).toMatchObject({ state: 'refused' })
    expect(store.config()).toEqual(DEFAULT_CONFIG)
  })

  it.each([
    ['a language offered twice', { enabledLocales: ['en', 'es', 'en'] }, 'once'],
    ['a clinic name over 80 characters', { clinicName: 'C'.repeat(81) }, 'clinicName'],
    ['a phone over 40 characters', { clinicPhone: '5'.repeat(41) }, 'clinicPhone'],
    ['a printer name over 200 characters', { printerName: 'P'.repeat(201) }, 'printerName'],
    ['a new line in the clinic name', { clinicName: 'Eastside\n2026-01-01 [info] Staff mode opened' }, 'Control'],
    ['a right-to-left override in the phone', { clinicPhone: '555\u202e0100' }, 'Control'],
    ['a bidi isolate in the clinic name', { clinicName: 'East\u2066side' }, 'Control'],
    ['a NUL in the printer name', { printerName: 'Front\u0000Desk' }, 'Control'],
  ] as const)('refuses a save with %s and keeps what was saved', async (_case, change, reason) => {
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    await store.save({ ...DEFAULT_CONFIG, clinicName: 'Eastside' })
    const before = await readFile(file, 'utf8')
    const outcome = await store.save({ ...DEFAULT_CONFIG, ...change } as KioskConfig)
    expect(outcome).toMatchObject({ state: 'refused', reason: expect.stringContaining(reason) })
    expect(store.config().clinicName).toBe('Eastside')
    expect(await readFile(file, 'utf8')).toBe(before)
  })

  it('every save the store accepts loads again cleanly, even at every limit', async () => {
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    const largest: KioskConfig = {
      ...DEFAULT_CONFIG,
      enabledLocales: [...DEFAULT_CONFIG.enabledLocales].reverse(),
      defaultLocale: 'ur',
      printerName: 'P'.repeat(200),
      clinicName: '\u{1F3E5}'.repeat(40),
      clinicPhone: '+'.repeat(40),
    }
    await expect(store.save(largest)).resolves.toEqual({ state: 'saved' })
    const log = fakeLog()
    const reopened = await openConfigStore({ file, provisioning: null, log })
    expect(reopened.config()).toEqual(largest)
    expect(log.error).not.toHaveBeenCalled()
  })

  it('leaves the previous good file when a save is cut off between the write and the rename', async () => {
    const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    await store.save({ ...DEFAULT_CONFIG, clinicName: 'First Clinic' })
    const before = await readFile(file, 'utf8')
    vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, done: (error: Error) => void) =>
      done(new Error('power cut'))) as unknown as typeof fs.rename)
    const outcome = await store.save({ ...DEFAULT_CONFIG, clinicName: 'Second Clinic' })
    expect(outcome).toMatchObject({ state: 'refused' })
    vi.restoreAllMocks()
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(store.config().clinicName).toBe('First Clinic')
    const reopened = await openConfigStore({ file, provisioning: null, log: fakeLog() })
    expect(reopened.config().clinicName).toBe('First Clinic')
    expect((await readdir(dir)).filter((name) => name !== 'config.json')).toEqual([])
  })

  it('keeps a restart time and every valid setting when the opening hours are broken', async () => {
    const broken = { ...DEFAULT_CONFIG.openingHours, tue: { opens: '18:00', closes: '08:00' } }
    await writeFile(file, settingsFile({ openingHours: broken, dailyRestartTime: '02:30', clinicName: 'Eastside' }))
    const log = fakeLog()
    const store = await openConfigStore({ file, provisioning: null, log })
    expect(store.config()).toEqual({ ...DEFAULT_CONFIG, dailyRestartTime: '02:30', clinicName: 'Eastside' })
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('settings.openingHours: A day closes after it opens'),
    )
  })

  it('takes the update folder only from provisioning: never from its own file, never from a staff save', async () => {
    await writeFile(file, settingsFile({ updateUrl: 'https://attacker.example/', clinicName: 'Eastside' }))
    const log = fakeLog()
    const store = await openConfigStore({ file, provisioning: null, log })
    expect(store.config()).toMatchObject({ updateUrl: '', clinicName: 'Eastside' })
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('settings.updateUrl is locked or set only by'))
    const refused = await store.save({ ...store.config(), updateUrl: 'https://attacker.example/' })
    expect(refused).toMatchObject({ state: 'refused', reason: expect.stringContaining('updateUrl') })
    expect(store.config().updateUrl).toBe('')
  })

  describe('with a provisioning file', () => {
    let provisioning: string
    beforeEach(async () => {
      provisioning = join(dir, 'fleet.json')
      await writeFile(
        provisioning,
        JSON.stringify({
          version: 2,
          settings: { clinicName: 'Fleet Clinic', paperSize: 'A4', idleTimeoutSeconds: 60, defaultLocale: 'es' },
          locked: ['clinicName', 'paperSize'],
        }),
      )
    })

    it('takes its values as the base, lays local changes on top, and keeps locked fields from the fleet', async () => {
      await writeFile(
        file,
        settingsFile({ idleTimeoutSeconds: 45, clinicName: 'Local Clinic', defaultLocale: 'vi', paperSize: 'Letter' }),
      )
      const store = await openConfigStore({
        file,
        provisioning: await openProvisioning(provisioning, fakeLog()),
        log: fakeLog(),
      })
      expect(store.config()).toEqual({
        ...DEFAULT_CONFIG,
        clinicName: 'Fleet Clinic',
        paperSize: 'A4',
        idleTimeoutSeconds: 45,
        defaultLocale: 'vi',
      })
      expect(store.lockedFields()).toEqual(['clinicName', 'paperSize'])
    })

    it('refuses a change to a locked field and saves the rest as changes from the fleet’s base', async () => {
      const store = await openConfigStore({
        file,
        provisioning: await openProvisioning(provisioning, fakeLog()),
        log: fakeLog(),
      })
      const refused = await store.save({ ...store.config(), paperSize: 'Letter' })
      expect(refused).toMatchObject({ state: 'refused', reason: expect.stringContaining('paperSize') })
      await expect(store.save({ ...store.config(), idleTimeoutSeconds: 90 })).resolves.toEqual({ state: 'saved' })
      expect(JSON.parse(await readFile(file, 'utf8')).settings).toEqual({ idleTimeoutSeconds: 90 })
    })

    it('is never moved aside when broken (the fleet’s tools own it), and the kiosk starts on its own settings', async () => {
      await writeFile(provisioning, '{"version": 2, "settings": {"clinicName": ')
      await writeFile(file, settingsFile({ clinicName: 'Local Clinic' }))
      const log = fakeLog()
      const store = await openConfigStore({ file, provisioning: await openProvisioning(provisioning, log), log })
      expect(store.config()).toEqual({ ...DEFAULT_CONFIG, clinicName: 'Local Clinic' })
      expect(await readdir(dir)).toEqual(expect.arrayContaining(['fleet.json', 'config.json']))
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining(provisioning))
    })

    it('reports a typo in its locked list and keeps every other lock', async () => {
      await writeFile(
        provisioning,
        JSON.stringify({
          version: 2,
          settings: { clinicName: 'Fleet Clinic', paperSize: 'A4' },
          locked: ['clinicName', 'clinicNmae', 'paperSize', 42],
        }),
      )
      const log = fakeLog()
      const store = await openConfigStore({ file, provisioning: await openProvisioning(provisioning, log), log })
      expect(store.lockedFields()).toEqual(['clinicName', 'paperSize'])
      expect(store.config()).toMatchObject({ clinicName: 'Fleet Clinic', paperSize: 'A4' })
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('"clinicNmae" is not a setting'))
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining('"42" is not a setting'))
    })

    it('keeps a locked default language and drops a local list of languages that leaves it out', async () => {
      await writeFile(
        provisioning,
        JSON.stringify({ version: 2, settings: { defaultLocale: 'es' }, locked: ['defaultLocale'] }),
      )
      await writeFile(file, settingsFile({ enabledLocales: ['en', 'vi'], clinicName: 'Local Clinic' }))
      const store = await openConfigStore({
        file,
        provisioning: await openProvisioning(provisioning, fakeLog()),
        log: fakeLog(),
      })
      expect(store.config()).toMatchObject({
        defaultLocale: 'es',
        enabledLocales: DEFAULT_CONFIG.enabledLocales,
        clinicName: 'Local Clinic',
      })
    })

    it('sets the update folder, the restart time and the opening hours, and locks the hours for staff', async () => {
      const week = { ...DEFAULT_CONFIG.openingHours, sat: null, sun: null, mon: { opens: '08:00', closes: '18:00' } }
      await writeFile(
        provisioning,
        JSON.stringify({
          version: 2,
          settings: { updateUrl: 'https://it.example.org/kiosk/', dailyRestartTime: '04:15', openingHours: week },
          locked: ['openingHours'],
        }),
      )
      const store = await openConfigStore({
        file,
        provisioning: await openProvisioning(provisioning, fakeLog()),
        log: fakeLog(),
      })
      expect(store.config()).toMatchObject({
        updateUrl: 'https://it.example.org/kiosk/',
        dailyRestartTime: '04:15',
        openingHours: week,
      })
      const refused = await store.save({ ...store.config(), openingHours: DEFAULT_CONFIG.openingHours })
      expect(refused).toMatchObject({ state: 'refused', reason: expect.stringContaining('openingHours') })
      await expect(store.save({ ...store.config(), dailyRestartTime: '' })).resolves.toEqual({ state: 'saved' })
      expect(JSON.parse(await readFile(file, 'utf8')).settings).toEqual({ dailyRestartTime: '' })
    })

    it('ignores locks written into the kiosk’s own file', async () => {
      await writeFile(file, JSON.stringify({ version: 2, settings: {}, locked: ['idleTimeoutSeconds'] }))
      const store = await openConfigStore({ file, provisioning: null, log: fakeLog() })
      expect(store.lockedFields()).toEqual([])
    })
  })
})
