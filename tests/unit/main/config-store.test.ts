import fs from 'node:fs'
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { CONFIG_VERSION, openConfigStore } from '../../../electron/main/config-store'
import { hashPin } from '../../../electron/main/staff-access'
import { fakeLog } from './fake-log'

const settingsFile = (settings: object) => JSON.stringify({ version: CONFIG_VERSION, settings })
const MEGABYTE = 'x'.repeat(1024 * 1024)

/** Broken config.json files; each must give the defaults, a log line naming the problem, and a .bad copy. */
const BAD_FILES: Array<[string, string, string]> = [
  ['truncated JSON', '{"version": 2, "settings": {"defaultLocale": "es"', 'JSON'],
  ['an empty file', '', 'JSON'],
  ['plain text', 'default language: Spanish', 'JSON'],
  ['a JSON list', '[1, 2, 3]', 'expected object'],
  ['JSON null', 'null', 'expected object'],
  ['a bare string', '"config"', 'expected object'],
  ['no version', JSON.stringify({ settings: {} }), 'version'],
  ['a version from the future', JSON.stringify({ version: 3, settings: {} }), 'version'],
  ['version zero', JSON.stringify({ version: 0, settings: {} }), 'version'],
  ['the version as text', JSON.stringify({ version: '2', settings: {} }), 'version'],
  ['no settings', JSON.stringify({ version: 2 }), 'settings'],
  ['settings as a list', JSON.stringify({ version: 2, settings: [] }), 'settings'],
  ['an unknown language', settingsFile({ defaultLocale: 'fr' }), 'defaultLocale'],
  ['a language tag in the wrong case', settingsFile({ defaultLocale: 'ES' }), 'defaultLocale'],
  ['the default language as a number', settingsFile({ defaultLocale: 1 }), 'defaultLocale'],
  ['an empty language list', settingsFile({ enabledLocales: [] }), 'enabledLocales'],
  ['an unknown language in the list', settingsFile({ enabledLocales: ['en', 'xx'] }), 'enabledLocales'],
  ['the language list as text', settingsFile({ enabledLocales: 'en,es' }), 'enabledLocales'],
  ['an idle timeout under 30 s', settingsFile({ idleTimeoutSeconds: 5 }), 'idleTimeoutSeconds'],
  ['an idle timeout over 600 s', settingsFile({ idleTimeoutSeconds: 6000 }), 'idleTimeoutSeconds'],
  ['an idle timeout as text', settingsFile({ idleTimeoutSeconds: '90' }), 'idleTimeoutSeconds'],
  ['a fractional idle timeout', settingsFile({ idleTimeoutSeconds: 90.5 }), 'idleTimeoutSeconds'],
  ['a warning under 20 s', settingsFile({ idleWarningSeconds: 10 }), 'idleWarningSeconds'],
  ['negative prints per visitor', settingsFile({ printsPerVisitor: -1 }), 'printsPerVisitor'],
  ['too many prints per visitor', settingsFile({ printsPerVisitor: 1000 }), 'printsPerVisitor'],
  ['an unknown paper size', settingsFile({ paperSize: 'A3' }), 'paperSize'],
  ['bilingual as text', settingsFile({ bilingualHandout: 'yes' }), 'bilingualHandout'],
  ['a 1 MB clinic name', settingsFile({ clinicName: MEGABYTE }), 'bytes'],
  ['a 1 MB printer name', settingsFile({ printerName: MEGABYTE }), 'bytes'],
  ['a clinic name too long', settingsFile({ clinicName: 'C'.repeat(81) }), 'clinicName'],
  ['an empty printer name', settingsFile({ printerName: '' }), 'printerName'],
  ['an unknown setting', settingsFile({ kioskMode: false }), 'kioskMode'],
  ['a __proto__ key', '{"version": 2, "settings": {"__proto__": {"printsPerVisitor": 9}}}', '__proto__'],
  ['a __proto__ key at the top', '{"version": 2, "settings": {}, "__proto__": {"admin": true}}', '__proto__'],
  ['a constructor key', settingsFile({ constructor: { prototype: { admin: true } } }), 'constructor'],
  ['a broken PIN record', JSON.stringify({ version: 2, settings: {}, staffPin: { hash: 'x' } }), 'staffPin'],
  ['a version 1 file with a bad field', JSON.stringify({ version: 1, idleTimeoutSeconds: 1 }), 'idleTimeoutSeconds'],
]

describe('the configuration store', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-config-'))
    file = join(dir, 'config.json')
  })
  afterEach(() => vi.restoreAllMocks())

  it('starts on the defaults when there is no file yet', async () => {
    const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    expect(store.config()).toEqual(DEFAULT_CONFIG)
    expect(store.pin()).toBeNull()
  })

  it(`has at least 30 broken files to try (${BAD_FILES.length})`, () => {
    expect(BAD_FILES.length).toBeGreaterThanOrEqual(30)
  })

  it.each(BAD_FILES)(
    'with %s: starts on the defaults, logs the problem and keeps a .bad copy',
    async (_case, text, named) => {
      await writeFile(file, text)
      const log = fakeLog()
      const store = await openConfigStore({ file, provisioningFile: null, log })
      expect(store.config()).toEqual(DEFAULT_CONFIG)
      expect(({} as Record<string, unknown>).admin).toBeUndefined()
      const logged = log.error.mock.calls.map((call) => String(call[0])).join('\n')
      expect(logged).toContain(file)
      expect(logged).toContain(named)
      const files = await readdir(dir)
      const bad = files.find((name) => name.startsWith('config.json.bad-'))
      expect(bad).toBeDefined()
      expect(await readFile(join(dir, bad!), 'utf8')).toBe(text)
      expect(files).not.toContain('config.json')
    },
  )

  it('a default language that is not offered keeps the defaults for the clashing settings', async () => {
    await writeFile(file, settingsFile({ defaultLocale: 'es', enabledLocales: ['en'] }))
    const log = fakeLog()
    const store = await openConfigStore({ file, provisioningFile: null, log })
    expect(store.config()).toEqual(DEFAULT_CONFIG)
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('defaultLocale'))
  })

  it('migrates a version 1 file', async () => {
    await writeFile(file, JSON.stringify({ version: 1, defaultLocale: 'vi', idleTimeoutSeconds: 120 }))
    const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    expect(store.config()).toEqual({ ...DEFAULT_CONFIG, defaultLocale: 'vi', idleTimeoutSeconds: 120 })
    await store.save({ ...store.config(), clinicName: 'Eastside' })
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      version: 2,
      settings: { defaultLocale: 'vi', idleTimeoutSeconds: 120, clinicName: 'Eastside' },
    })
  })

  it('saves only what differs from the base, and reads it back after a restart', async () => {
    const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    const changed = { ...DEFAULT_CONFIG, defaultLocale: 'es' as const, idleTimeoutSeconds: 30 }
    await expect(store.save(changed)).resolves.toEqual({ state: 'saved' })
    expect(store.config()).toEqual(changed)
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({
      version: 2,
      settings: { defaultLocale: 'es', idleTimeoutSeconds: 30 },
    })
    const reopened = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    expect(reopened.config()).toEqual(changed)
  })

  it('refuses an invalid configuration and keeps the current one', async () => {
    const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    const outcome = await store.save({ ...DEFAULT_CONFIG, enabledLocales: ['es'] })
    expect(outcome).toMatchObject({ state: 'refused' })
    expect(store.config()).toEqual(DEFAULT_CONFIG)
  })

  it('leaves the previous good file when a save is cut off between the write and the rename', async () => {
    const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    await store.save({ ...DEFAULT_CONFIG, clinicName: 'First Clinic' })
    const before = await readFile(file, 'utf8')
    vi.spyOn(fs, 'rename').mockImplementation(((_from: string, _to: string, done: (error: Error) => void) =>
      done(new Error('power cut'))) as unknown as typeof fs.rename)
    const outcome = await store.save({ ...DEFAULT_CONFIG, clinicName: 'Second Clinic' })
    expect(outcome).toMatchObject({ state: 'refused' })
    vi.restoreAllMocks()
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(store.config().clinicName).toBe('First Clinic')
    const reopened = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    expect(reopened.config().clinicName).toBe('First Clinic')
    expect((await readdir(dir)).filter((name) => name !== 'config.json')).toEqual([])
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
      const store = await openConfigStore({ file, provisioningFile: provisioning, log: fakeLog() })
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
      const store = await openConfigStore({ file, provisioningFile: provisioning, log: fakeLog() })
      const refused = await store.save({ ...store.config(), paperSize: 'Letter' })
      expect(refused).toMatchObject({ state: 'refused', reason: expect.stringContaining('paperSize') })
      await expect(store.save({ ...store.config(), idleTimeoutSeconds: 90 })).resolves.toEqual({ state: 'saved' })
      expect(JSON.parse(await readFile(file, 'utf8')).settings).toEqual({ idleTimeoutSeconds: 90 })
    })

    it('is never moved aside when broken (the fleet’s tools own it), and the kiosk starts on its own settings', async () => {
      await writeFile(provisioning, '{"version": 2, "settings": {"clinicName": ')
      await writeFile(file, settingsFile({ clinicName: 'Local Clinic' }))
      const log = fakeLog()
      const store = await openConfigStore({ file, provisioningFile: provisioning, log })
      expect(store.config()).toEqual({ ...DEFAULT_CONFIG, clinicName: 'Local Clinic' })
      expect(await readdir(dir)).toEqual(expect.arrayContaining(['fleet.json', 'config.json']))
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining(provisioning))
    })

    it('ignores locks written into the kiosk’s own file', async () => {
      await writeFile(file, JSON.stringify({ version: 2, settings: {}, locked: ['idleTimeoutSeconds'] }))
      const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
      expect(store.lockedFields()).toEqual([])
    })
  })

  it('keeps the staff PIN hash next to the settings, and removing it is the recovery path', async () => {
    const store = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    const record = await hashPin('246810')
    await store.setPin(record)
    await store.save({ ...DEFAULT_CONFIG, clinicName: 'Eastside' })
    const saved = JSON.parse(await readFile(file, 'utf8'))
    expect(saved.staffPin).toEqual(record)
    expect(JSON.stringify(saved)).not.toContain('246810')
    delete saved.staffPin
    await writeFile(file, JSON.stringify(saved))
    const recovered = await openConfigStore({ file, provisioningFile: null, log: fakeLog() })
    expect(recovered.pin()).toBeNull()
    expect(recovered.config().clinicName).toBe('Eastside')
  })
})
