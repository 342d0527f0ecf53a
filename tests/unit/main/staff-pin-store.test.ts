import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { hashPin, type PinRecord } from '../../../electron/main/pin-hash'
import { openStaffPinStore } from '../../../electron/main/staff-pin-store'
import { fakeLog } from './fake-log'

describe('the staff PIN file', () => {
  let dir: string
  let pinFile: string
  let configFile: string
  let record: PinRecord
  const open = (log = fakeLog()) =>
    openStaffPinStore({ file: pinFile, legacyConfigFile: configFile, provisioned: null, log })

  beforeAll(async () => {
    record = await hashPin('24681357')
  })
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-pin-'))
    pinFile = join(dir, 'staff-pin.json')
    configFile = join(dir, 'config.json')
  })

  it('offers first-run setup only where no PIN file exists, and keeps a set PIN across restarts', async () => {
    const store = await open()
    expect(store.state()).toBe('none')
    await store.set(record)
    expect(store.state()).toBe('set')
    const restarted = await open()
    expect(restarted.state()).toBe('set')
    expect(restarted.record()).toEqual(record)
    expect((await stat(pinFile)).mode & 0o777).toBe(0o600)
    expect(await readFile(pinFile, 'utf8')).not.toContain('24681357')
  })

  const UNUSABLE: Array<[string, () => Promise<void>]> = [
    ['truncated', () => writeFile(pinFile, '{"version": 1, "pin": {"algorithm": "scr')],
    ['empty', () => writeFile(pinFile, '')],
    ['not JSON', () => writeFile(pinFile, 'PIN=123456')],
    ['a list', () => writeFile(pinFile, '[]')],
    ['from a newer release', () => writeFile(pinFile, JSON.stringify({ version: 2, pin: record }))],
    [
      'a hash of the wrong length',
      () => writeFile(pinFile, pinFileWith({ hash: Buffer.alloc(64).toString('base64') })),
    ],
    ['a cost of gigabytes', () => writeFile(pinFile, pinFileWith({ N: 2 ** 20, r: 32 }))],
    ['a PIN in plain text', () => writeFile(pinFile, JSON.stringify({ version: 1, pin: '123456' }))],
    ['an unknown key', () => writeFile(pinFile, JSON.stringify({ version: 1, pin: record, comment: 'x' }))],
    ['a directory', () => mkdir(pinFile)],
    ['a dangling link', () => symlink(join(dir, 'elsewhere.json'), pinFile)],
    ['too large', () => writeFile(pinFile, ' '.repeat(300 * 1024))],
  ]
  function pinFileWith(change: Partial<Record<keyof PinRecord, unknown>>): string {
    return JSON.stringify({ version: 1, pin: { ...record, ...change } })
  }

  it.each(UNUSABLE)(
    'when the PIN file is %s, staff entry is closed and the file is left as it is',
    async (_c, make) => {
      await make()
      const before = await readdir(dir)
      const log = fakeLog()
      const store = await open(log)
      expect(store.state()).toBe('reset-needed')
      expect(store.record()).toBeNull()
      expect(await readdir(dir)).toEqual(before)
      expect(log.error).toHaveBeenCalledWith(expect.stringContaining(pinFile))
      // Restarting changes nothing; the fact that a PIN was set is never lost.
      expect((await open()).state()).toBe('reset-needed')
    },
  )

  it('reads a PIN file written by Windows tools (UTF-8 with a byte order mark, or UTF-16)', async () => {
    const text = JSON.stringify({ version: 1, pin: record })
    await writeFile(pinFile, Buffer.from(`\ufeff${text}`, 'utf16le'))
    expect((await open()).state()).toBe('set')
    await writeFile(pinFile, `\ufeff${text}`)
    expect((await open()).state()).toBe('set')
  })

  it('deleting the PIN file on the machine is the way back to first-run setup', async () => {
    await writeFile(pinFile, '{"broken": ')
    expect((await open()).state()).toBe('reset-needed')
    await rm(pinFile)
    expect((await open()).state()).toBe('none')
  })

  describe('carried over from release 0.1, which kept it in config.json', () => {
    it('moves a valid PIN to its own file and takes it out of config.json, keeping the settings', async () => {
      const settings = { defaultLocale: 'es', bogus: 1 }
      await writeFile(configFile, JSON.stringify({ version: 2, settings, staffPin: record }))
      const store = await open()
      expect(store.state()).toBe('set')
      expect(store.record()).toEqual(record)
      expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual({ version: 2, settings })
      expect(JSON.parse(await readFile(pinFile, 'utf8'))).toEqual({ version: 1, pin: record })
      // Recovery still works afterwards: the old PIN does not come back.
      await rm(pinFile)
      expect((await open()).state()).toBe('none')
    })

    it('a broken PIN in config.json closes staff entry, and stays closed after a restart', async () => {
      await writeFile(configFile, JSON.stringify({ version: 2, settings: {}, staffPin: { hash: 'x' } }))
      expect((await open()).state()).toBe('reset-needed')
      expect(JSON.parse(await readFile(configFile, 'utf8'))).toEqual({ version: 2, settings: {} })
      expect((await open()).state()).toBe('reset-needed')
    })

    it('a config.json without a PIN means none was set', async () => {
      await writeFile(configFile, JSON.stringify({ version: 2, settings: { defaultLocale: 'es' } }))
      expect((await open()).state()).toBe('none')
      expect(await readdir(dir)).toEqual(['config.json'])
    })
  })
})
