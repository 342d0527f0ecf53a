import { mkdir, mkdtemp, readdir, readFile, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  decodeText,
  MAX_JSON_FILE_BYTES,
  readJson,
  removeLeftoverTempFiles,
  writeJsonFile,
} from '../../../electron/main/json-file'
import { fakeLog } from './fake-log'

describe('JSON files', () => {
  let dir: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-json-'))
  })

  it.each([
    ['UTF-8', Buffer.from('{"a":"é"}', 'utf8')],
    ['UTF-8 with a byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a":"é"}')])],
    ['UTF-16 little-endian (PowerShell 5)', Buffer.from('\ufeff{"a":"é"}', 'utf16le')],
    ['UTF-16 big-endian', Buffer.from('\ufeff{"a":"é"}', 'utf16le').swap16()],
  ])('reads %s', async (_case, bytes) => {
    expect(decodeText(bytes)).toBe('{"a":"é"}')
    await writeFile(join(dir, 'f.json'), bytes)
    await expect(readJson(join(dir, 'f.json'))).resolves.toEqual({ state: 'read', json: { a: 'é' } })
  })

  it.each([
    ['broken UTF-8', Buffer.from([0x7b, 0xff, 0x7d]), 'not UTF-8'],
    ['UTF-16 cut in half a character', Buffer.from([0xff, 0xfe, 0x7b, 0x00, 0x7d]), 'not UTF-8'],
    ['truncated JSON', Buffer.from('{"a": '), 'not valid JSON'],
  ])('calls %s unusable, with the reason', async (_case, bytes, problem) => {
    await writeFile(join(dir, 'f.json'), bytes)
    await expect(readJson(join(dir, 'f.json'))).resolves.toEqual({
      state: 'unusable',
      problem: expect.stringContaining(problem),
    })
  })

  it('tells a missing file from a directory, a dangling link and a file too large', async () => {
    await expect(readJson(join(dir, 'none.json'))).resolves.toEqual({ state: 'missing' })
    await mkdir(join(dir, 'folder.json'))
    await expect(readJson(join(dir, 'folder.json'))).resolves.toMatchObject({ state: 'unusable' })
    await symlink(join(dir, 'gone.json'), join(dir, 'dangling.json'))
    await expect(readJson(join(dir, 'dangling.json'))).resolves.toMatchObject({ state: 'unusable' })
    await writeFile(join(dir, 'big.json'), `"${'x'.repeat(MAX_JSON_FILE_BYTES)}"`)
    await expect(readJson(join(dir, 'big.json'))).resolves.toEqual({
      state: 'unusable',
      problem: expect.stringContaining('bytes'),
    })
  })

  it('refuses to save a file larger than it would read back, and leaves the old one', async () => {
    const path = join(dir, 'f.json')
    await writeJsonFile(path, { a: 1 })
    await expect(writeJsonFile(path, { text: 'x'.repeat(MAX_JSON_FILE_BYTES) })).rejects.toThrow(/more than/)
    await expect(readJson(path)).resolves.toEqual({ state: 'read', json: { a: 1 } })
  })

  it('saves a secret readable by its owner only', async () => {
    const path = join(dir, 'secret.json')
    await writeJsonFile(path, { a: 1 }, { mode: 0o600 })
    expect((await stat(path)).mode & 0o777).toBe(0o600)
  })

  it('removes what interrupted saves left behind, and nothing else', async () => {
    const names = [
      'config.json.123456',
      'staff-pin.json.4294967295',
      'config.json',
      'config.json.bad-2026-11-30T10-00-00-000Z',
      'notes.txt.5',
      'usage.json.backup',
    ]
    for (const name of names) await writeFile(join(dir, name), '{}')
    const log = fakeLog()
    await removeLeftoverTempFiles([join(dir, 'config.json'), join(dir, 'staff-pin.json')], log)
    expect((await readdir(dir)).sort()).toEqual(
      ['config.json', 'config.json.bad-2026-11-30T10-00-00-000Z', 'notes.txt.5', 'usage.json.backup'].sort(),
    )
    expect(log.warn).toHaveBeenCalledTimes(2)
    expect(await readFile(join(dir, 'config.json'), 'utf8')).toBe('{}')
  })
})
