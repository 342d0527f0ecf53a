import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ConfigField, KioskConfig } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'
import { openKioskFiles } from '../../../electron/main/kiosk-files'
import { fakeLog } from './fake-log'

const PIN = '24681357'
/** What staff had saved: every file below holds these three, plus its fault. */
const GOOD = { defaultLocale: 'es', clinicName: 'Eastside Family Clinic', idleTimeoutSeconds: 60 } as const
const file = (settings: object, extra: object = {}) => JSON.stringify({ version: 2, settings, ...extra })
const withBad = (bad: object) => file({ ...GOOD, ...bad })

/**
 * Broken config.json files. For each: the settings that survive (GOOD unless
 * the whole file is unreadable), and a word the log must name.
 */
type Fault = { name: string; write: (path: string, dir: string) => Promise<unknown>; survives: object; logged: string }
const text = (content: string | Buffer) => (path: string) => writeFile(path, content)
const CONFIG_FAULTS: Fault[] = [
  // One bad field: only it is lost.
  ...(
    [
      ['an unknown language', { enabledLocales: ['en', 'es', 'xx'] }, 'enabledLocales'],
      ['a language offered twice', { enabledLocales: ['en', 'es', 'es'] }, 'enabledLocales'],
      ['the language list as text', { enabledLocales: 'en,es' }, 'enabledLocales'],
      ['an idle timeout under 30 s', { idleWarningSeconds: 5 }, 'idleWarningSeconds'],
      ['a fractional number', { printsPerVisitor: 1.5 }, 'printsPerVisitor'],
      ['a number as text', { printsPerVisitor: '2' }, 'printsPerVisitor'],
      ['an unknown paper size', { paperSize: 'A3' }, 'paperSize'],
      ['a boolean as text', { bilingualHandout: 'yes' }, 'bilingualHandout'],
      ['an empty printer name', { printerName: '' }, 'printerName'],
      ['a printer name with a new line', { printerName: 'Front\nDesk' }, 'printerName'],
      ['a clinic phone with a bidi override', { clinicPhone: '555\u202e0100' }, 'clinicPhone'],
      ['a phone too long', { clinicPhone: '5'.repeat(41) }, 'clinicPhone'],
      ['a clinic language that does not exist', { clinicLocale: 'klingon' }, 'clinicLocale'],
      ['an unknown setting', { kioskMode: false }, 'kioskMode'],
      ['a null setting', { paperSize: null }, 'paperSize'],
      ['a constructor key', { constructor: { prototype: { admin: true } } }, 'constructor'],
    ] as const
  ).map(([name, bad, logged]) => ({ name, write: text(withBad(bad)), survives: GOOD, logged })),
  {
    name: 'a __proto__ key',
    write: text(
      '{"version": 2, "settings": {"__proto__": {"printsPerVisitor": 9}, "defaultLocale": "es", ' +
        '"clinicName": "Eastside Family Clinic", "idleTimeoutSeconds": 60}}',
    ),
    survives: GOOD,
    logged: '__proto__',
  },
  { name: 'a "comment" key', write: text(file(GOOD, { comment: 'set up by Sam' })), survives: GOOD, logged: 'comment' },
  {
    name: 'a version from a newer release',
    write: text(JSON.stringify({ version: 3, settings: GOOD, more: {} })),
    survives: GOOD,
    logged: 'newer release',
  },
  { name: 'no version', write: text(JSON.stringify({ settings: GOOD })), survives: GOOD, logged: 'version' },
  {
    name: 'the version as text',
    write: text(JSON.stringify({ version: '2', settings: GOOD })),
    survives: GOOD,
    logged: 'version',
  },
  {
    name: 'locks in the kiosk’s own file',
    write: text(file(GOOD, { locked: ['clinicName'] })),
    survives: GOOD,
    logged: 'locked',
  },
  {
    name: 'a version 1 file with one bad field',
    write: text(JSON.stringify({ version: 1, defaultLocale: 'es', idleTimeoutSeconds: 1 })),
    survives: { defaultLocale: 'es' },
    logged: 'idleTimeoutSeconds',
  },
  {
    name: 'a default language that is not offered',
    write: text(file({ ...GOOD, enabledLocales: ['en', 'vi'] })),
    survives: { clinicName: GOOD.clinicName, idleTimeoutSeconds: 60, enabledLocales: ['en', 'vi'] },
    logged: 'defaultLocale',
  },
  // Nothing readable: the defaults, and still the PIN.
  ...(
    [
      ['truncated JSON', file(GOOD).slice(0, 40), 'JSON'],
      ['an empty file', '', 'JSON'],
      ['plain text', 'default language: Spanish', 'JSON'],
      ['a JSON list', '[1, 2, 3]', 'object'],
      ['JSON null', 'null', 'object'],
      ['settings as a list', JSON.stringify({ version: 2, settings: [] }), 'settings'],
      ['over the size limit', `${file(GOOD).slice(0, -2)}, "clinicPhone": "${'5'.repeat(300 * 1024)}"}}`, 'bytes'],
    ] as const
  ).map(([name, content, logged]) => ({ name, write: text(content), survives: {}, logged })),
  { name: 'broken UTF-8', write: text(Buffer.from([0x7b, 0xc3, 0x28, 0x7d])), survives: {}, logged: 'UTF' },
  {
    name: 'UTF-16 without its byte order mark',
    write: text(Buffer.from(file(GOOD), 'utf16le')),
    survives: {},
    logged: 'JSON',
  },
  { name: 'a directory', write: (path) => mkdir(path), survives: {}, logged: 'regular file' },
  {
    name: 'a dangling link',
    write: (path, dir) => symlink(join(dir, 'gone.json'), path),
    survives: {},
    logged: 'read',
  },
]

/** Files Windows tools write, and links: read as they are, nothing lost, nothing reported. */
const CONFIG_ACCEPTED: Array<[string, (path: string, dir: string) => Promise<unknown>]> = [
  ['UTF-8 with a byte order mark', text(`\ufeff${file(GOOD)}`)],
  ['UTF-16 little-endian with a byte order mark (PowerShell 5)', text(Buffer.from(`\ufeff${file(GOOD)}`, 'utf16le'))],
  ['UTF-16 big-endian with a byte order mark', text(Buffer.from(`\ufeff${file(GOOD)}`, 'utf16le').swap16())],
  ['Windows line ends', text(JSON.stringify({ version: 2, settings: GOOD }, null, 2).replace(/\n/g, '\r\n'))],
  [
    'a link to a file elsewhere',
    async (path, dir) => {
      await writeFile(join(dir, 'real.json'), file(GOOD))
      await symlink(join(dir, 'real.json'), path)
    },
  ],
]

// Each case signs in with the real scrypt PIN up to twice: generous time for a busy 2-core machine.
describe(
  'the kiosk’s files under faults: the PIN always survives, and only what is wrong is lost',
  { timeout: 120_000 },
  () => {
    let userData: string
    const configPath = () => join(userData, 'config.json')

    /** The PIN file staff set on first run, made once: scrypt is slow on purpose. */
    let pinFileText: string
    beforeAll(async () => {
      const first = await mkdtemp(join(tmpdir(), 'kiosk-files-'))
      const { staff } = await openKioskFiles(first, { provisioningFile: null, log: fakeLog() })
      await expect(staff.setPin(PIN)).resolves.toEqual({ state: 'saved' })
      pinFileText = await readFile(join(first, 'staff-pin.json'), 'utf8')
    })
    beforeEach(async () => {
      userData = await mkdtemp(join(tmpdir(), 'kiosk-files-'))
      await writeFile(join(userData, 'staff-pin.json'), pinFileText)
    })

    /** Restarts the kiosk and checks that staff can still sign in with the PIN, and not set a new one. */
    async function restartAndSignIn(provisioningFile: string | null = null) {
      const log = fakeLog()
      const files = await openKioskFiles(userData, { provisioningFile, log })
      expect(files.staff.status().pin).toBe('set')
      await expect(files.staff.setPin('11112222')).resolves.toMatchObject({ state: 'refused' })
      await expect(files.staff.login(PIN)).resolves.toEqual({ state: 'open' })
      // The sign-in's count is saved in the background: let it land before the next "start".
      await files.counters.flushed()
      return { ...files, log }
    }

    it(`has at least 30 broken configuration files to try (${CONFIG_FAULTS.length})`, () => {
      expect(CONFIG_FAULTS.length).toBeGreaterThanOrEqual(30)
    })

    it.each(CONFIG_FAULTS.map((fault) => [fault.name, fault] as const))('config.json with %s', async (_name, fault) => {
      await fault.write(configPath(), userData)
      const original = await readFile(configPath()).catch(() => null)
      const { store, log } = await restartAndSignIn()
      expect(store.config()).toEqual({ ...DEFAULT_CONFIG, ...fault.survives })
      const logged = log.error.mock.calls.map((call) => String(call[0])).join('\n')
      expect(logged).toContain(fault.logged)
      // The file as it was is kept aside, byte for byte, so a later save never overwrites it.
      const aside = (await readdir(userData)).filter((name) => name.startsWith('config.json.bad-'))
      if (original !== null) {
        expect(aside).toHaveLength(1)
        expect(await readFile(join(userData, aside[0]!))).toEqual(original)
        // What survived was saved again, and loads cleanly at the next start.
        const again = await restartAndSignIn()
        expect(again.store.config()).toEqual(store.config())
        expect(again.log.error).not.toHaveBeenCalled()
      }
    })

    it.each(CONFIG_ACCEPTED)('config.json written as %s is read whole, with nothing reported', async (_name, write) => {
      await write(configPath(), userData)
      const { store, log } = await restartAndSignIn()
      expect(store.config()).toEqual({ ...DEFAULT_CONFIG, ...GOOD })
      expect(log.error).not.toHaveBeenCalled()
      expect((await readdir(userData)).filter((name) => name.includes('.bad-'))).toEqual([])
    })

    it('a save after a fault never overwrites the copy kept aside', async () => {
      await writeFile(configPath(), withBad({ paperSize: 'A3' }))
      const { store } = await restartAndSignIn()
      await store.save({ ...store.config(), clinicName: 'New name' })
      const aside = (await readdir(userData)).filter((name) => name.startsWith('config.json.bad-'))
      expect(await readFile(join(userData, aside[0]!), 'utf8')).toBe(withBad({ paperSize: 'A3' }))
    })

    describe('with a provisioning file', () => {
      const fleetPath = () => join(userData, 'fleet.json')
      const fleet = (settings: object, extra: object = {}) => file(settings, { locked: ['paperSize'], ...extra })
      const PROVISIONING_FAULTS: Array<[string, string | Buffer, Partial<KioskConfig>, ConfigField[], string]> = [
        [
          'a typo in its locked list',
          file({ paperSize: 'A4' }, { locked: ['paperSize', 'papersize'] }),
          { paperSize: 'A4' },
          ['paperSize'],
          'papersize',
        ],
        ['locked as text', file({ paperSize: 'A4' }, { locked: 'paperSize' }), { paperSize: 'A4' }, [], 'locked'],
        [
          'one bad setting',
          fleet({ paperSize: 'A4', idleTimeoutSeconds: 'soon' }),
          { paperSize: 'A4' },
          ['paperSize'],
          'idleTimeoutSeconds',
        ],
        [
          'an unknown setting',
          fleet({ paperSize: 'A4', wallpaper: 'blue' }),
          { paperSize: 'A4' },
          ['paperSize'],
          'wallpaper',
        ],
        [
          'a "comment" key',
          fleet({ paperSize: 'A4' }, { comment: 'Ansible' }),
          { paperSize: 'A4' },
          ['paperSize'],
          'comment',
        ],
        [
          'a version from a newer release',
          JSON.stringify({ version: 9, settings: { paperSize: 'A4' }, locked: ['paperSize'] }),
          { paperSize: 'A4' },
          ['paperSize'],
          'newer',
        ],
        ['truncated JSON', fleet({ paperSize: 'A4' }).slice(0, 30), {}, [], 'JSON'],
        [
          'a staff PIN in it',
          fleet({ paperSize: 'A4' }, { staffPin: { hash: 'x' } }),
          { paperSize: 'A4' },
          ['paperSize'],
          'staffPin',
        ],
      ]

      it.each(PROVISIONING_FAULTS)(
        'with %s: its valid settings and locks survive, it is left untouched, and the PIN works',
        async (_name, content, survives, locked, logged) => {
          await writeFile(fleetPath(), content)
          const { store, log } = await restartAndSignIn(fleetPath())
          expect(store.config()).toEqual({ ...DEFAULT_CONFIG, ...survives })
          expect(store.lockedFields()).toEqual(locked)
          expect(log.error.mock.calls.map((call) => String(call[0])).join('\n')).toContain(logged)
          expect(await readFile(fleetPath())).toEqual(Buffer.from(content))
          expect((await readdir(userData)).filter((name) => name.startsWith('fleet.json.'))).toEqual([])
        },
      )

      it.each([
        ['UTF-8 with a byte order mark', `\ufeff${fleet({ paperSize: 'A4' })}`],
        ['UTF-16 (PowerShell 5)', Buffer.from(`\ufeff${fleet({ paperSize: 'A4' })}`, 'utf16le')],
      ])('written as %s, is read whole', async (_name, content) => {
        await writeFile(fleetPath(), content)
        const { store, log } = await restartAndSignIn(fleetPath())
        expect(store.config()).toEqual({ ...DEFAULT_CONFIG, paperSize: 'A4' })
        expect(store.lockedFields()).toEqual(['paperSize'])
        expect(log.error).not.toHaveBeenCalled()
      })

      it('that is a directory: the defaults as base, and the PIN works', async () => {
        await mkdir(fleetPath())
        const { store } = await restartAndSignIn(fleetPath())
        expect(store.config()).toEqual(DEFAULT_CONFIG)
      })
    })

    it('a broken PIN file closes staff entry, whatever the settings, and offers no setup', async () => {
      await writeFile(join(userData, 'staff-pin.json'), '{"version": 1, "pin": ')
      await writeFile(configPath(), file(GOOD))
      const { staff, store } = await openKioskFiles(userData, { provisioningFile: null, log: fakeLog() })
      expect(staff.status().pin).toBe('reset-needed')
      await expect(staff.login(PIN)).resolves.toEqual({ state: 'reset-needed' })
      await expect(staff.setPin('11112222')).resolves.toMatchObject({ state: 'refused' })
      expect(staff.isOpen()).toBe(false)
      expect(store.config()).toEqual({ ...DEFAULT_CONFIG, ...GOOD })
    })

    it('removes temporary files left by interrupted saves at start', async () => {
      await writeFile(join(userData, 'staff-pin.json.3141592653'), '{"version": 1, "pin": {}}')
      await writeFile(join(userData, 'config.json.27182818'), '{}')
      await restartAndSignIn()
      expect((await readdir(userData)).filter((name) => /\.json\.\d+$/.test(name))).toEqual([])
    })
  },
)
