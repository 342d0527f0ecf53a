import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, rename, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CONFIG_VERSION } from '../../../electron/main/config-store'
import { openKioskFiles } from '../../../electron/main/kiosk-files'
import { PinRecordSchema, type PinRecord } from '../../../electron/main/pin-hash'
import { kioskIdOf, readProvisioning, type Provisioning } from '../../../electron/main/provisioning-file'
import { watchProvisioning } from '../../../electron/main/provisioning-watch'
import { fakeLog } from './fake-log'

const PIN = '40217755'

/** Runs `npm run hash-pin` as clinic IT would, the PIN on standard input. */
async function hashPinCommand(pin: string): Promise<{ stdout: string; record: PinRecord }> {
  const child = promisify(execFile)('npm', ['run', '--silent', 'hash-pin'], { cwd: process.cwd(), timeout: 120_000 })
  child.child.stdin!.end(pin)
  const { stdout } = await child
  const { staffPin } = JSON.parse(stdout) as { staffPin: unknown }
  return { stdout, record: PinRecordSchema.parse(staffPin) }
}

const provisioningText = (body: Record<string, unknown>) => JSON.stringify({ version: CONFIG_VERSION, ...body })

describe('the provisioning file', () => {
  let dir: string
  let file: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kiosk-provisioning-'))
    file = join(dir, 'provisioning.json')
    await mkdir(join(dir, 'user-data'))
  })

  it('reads the fleet keys beside the settings, and leaves out a bad one by name', async () => {
    await writeFile(
      file,
      provisioningText({
        settings: { clinicName: 'Eastside' },
        locked: ['clinicName'],
        kioskId: 'eastside lobby',
        staffPinChange: 'allowed',
        monitoring: { prometheusTextfileDir: '/var/lib/node_exporter', otlpMetricsUrl: 'ftp://collector' },
      }),
    )
    const read = await readProvisioning(file)
    expect(read.state).toBe('read')
    if (read.state !== 'read') return
    expect(read.provisioning.settings).toEqual({ clinicName: 'Eastside' })
    expect(read.provisioning.locked).toEqual(['clinicName'])
    expect(read.provisioning.fleet).toEqual({ staffPinChange: 'allowed' })
    expect(read.problems.join('\n')).toMatch(/kioskId:.*ignored/)
    expect(read.problems.join('\n')).toMatch(/monitoring:.*ignored/)
  })

  it('refuses a planted PIN record whose cost would stall every sign-in', async () => {
    const { record } = await hashPinCommand(PIN)
    await writeFile(file, provisioningText({ settings: {}, staffPin: { ...record, N: 2 ** 20 } }))
    const read = await readProvisioning(file)
    expect(read.state === 'read' && read.provisioning.fleet.staffPin).toBeFalsy()
    expect(read.state === 'read' && read.problems.join('\n')).toMatch(/staffPin:/)
  })

  it('names the kiosk by its provisioned id, else by its host name made fit for an id', () => {
    expect(kioskIdOf({ kioskId: 'eastside-lobby-1' }, 'ignored')).toBe('eastside-lobby-1')
    expect(kioskIdOf({}, 'front desk.clinic.local')).toBe('front-desk.clinic.local')
    expect(kioskIdOf(undefined, '')).toBe('kiosk')
  })

  describe('a provisioned staff PIN from `npm run hash-pin`', () => {
    it('prints only the salted hash, never the PIN', async () => {
      const { stdout, record } = await hashPinCommand(PIN)
      expect(stdout).not.toContain(PIN)
      expect(record.algorithm).toBe('scrypt')
    })

    it('works for sign-in, turns first-run setup off and, unless allowed, keeps staff from changing it', async () => {
      const { record } = await hashPinCommand(PIN)
      await writeFile(file, provisioningText({ settings: {}, staffPin: record }))
      const { staff } = await openKioskFiles(join(dir, 'user-data'), { provisioningFile: file, log: fakeLog() })
      // A fresh kiosk: no staff-pin.json, yet no first-run setup for whoever reaches the corner first.
      expect(staff.status()).toMatchObject({ pin: 'set', pinChange: 'managed' })
      await expect(staff.setPin('11112222')).resolves.toMatchObject({ state: 'refused' })
      await expect(staff.login('11112222')).resolves.toMatchObject({ state: 'wrong' })
      await expect(staff.login(PIN)).resolves.toEqual({ state: 'open' })
      await expect(staff.setPin('11112222')).resolves.toEqual({
        state: 'refused',
        reason: "The staff PIN is set by the clinic's IT for this kiosk.",
      })
    })

    it('where the file allows it, staff change it, and the fleet taking a new PIN takes over again', async () => {
      const first = (await hashPinCommand(PIN)).record
      await writeFile(file, provisioningText({ settings: {}, staffPin: first, staffPinChange: 'allowed' }))
      const userData = join(dir, 'user-data')
      const files = await openKioskFiles(userData, { provisioningFile: file, log: fakeLog() })
      expect(files.staff.status()).toMatchObject({ pin: 'set', pinChange: 'allowed' })
      await expect(files.staff.login(PIN)).resolves.toEqual({ state: 'open' })
      await expect(files.staff.setPin('55556666')).resolves.toEqual({ state: 'saved' })
      files.staff.logout()
      await expect(files.staff.login('55556666')).resolves.toEqual({ state: 'open' })

      // The staff's PIN holds across a restart while the fleet still provisions the first one...
      const restarted = await openKioskFiles(userData, { provisioningFile: file, log: fakeLog() })
      await expect(restarted.staff.login('55556666')).resolves.toEqual({ state: 'open' })
      // ...and gives way when the fleet provisions a new one.
      const second = (await hashPinCommand('99990000')).record
      const read = await readProvisioning(file)
      if (read.state !== 'read') throw new Error('unreadable')
      restarted.reprovision({ ...read.provisioning, fleet: { staffPin: second, staffPinChange: 'allowed' } })
      restarted.staff.logout()
      await expect(restarted.staff.login('55556666')).resolves.toMatchObject({ state: 'wrong' })
      await expect(restarted.staff.login('99990000')).resolves.toEqual({ state: 'open' })
    })
  })

  describe('watched', () => {
    let resting: boolean
    let applied: Provisioning[]
    const log = fakeLog()
    const start = () =>
      watchProvisioning({
        file,
        isResting: () => resting,
        apply: (next) => applied.push(next),
        log,
        settleMs: 50,
      })
    /** Writes the file as device-management tools do: a new file renamed over the old one. */
    const push = async (text: string) => {
      await writeFile(`${file}.new`, text)
      await rename(`${file}.new`, file)
    }

    beforeEach(async () => {
      resting = false
      applied = []
      vi.clearAllMocks()
      await writeFile(file, provisioningText({ settings: { clinicName: 'First' } }))
    })

    it('applies a pushed change at the next rest on the welcome screen, not before', async () => {
      const watch = await start()
      try {
        await push(provisioningText({ settings: { clinicName: 'Second' } }))
        // The file event alone finds the change (generous wait: the machine may be busy).
        await vi.waitFor(() => expect(log.info).toHaveBeenCalledWith(expect.stringContaining('changed')), {
          timeout: 20_000,
        })
        expect(applied).toEqual([])
        resting = true
        watch.applyIfResting()
        expect(applied.map((each) => each.settings)).toEqual([{ clinicName: 'Second' }])
        watch.applyIfResting()
        expect(applied).toHaveLength(1)
      } finally {
        watch.stop()
      }
    })

    it('applies at once when the kiosk already rests', async () => {
      resting = true
      const watch = await start()
      try {
        await push(provisioningText({ settings: { clinicName: 'Second' }, kioskId: 'lobby-2' }))
        await watch.check()
        expect(applied.map((each) => each.fleet.kioskId)).toEqual(['lobby-2'])
      } finally {
        watch.stop()
      }
    })

    it('keeps the last good provisioning when a change is broken, removed or has a bad field', async () => {
      resting = true
      const watch = await start()
      try {
        await push('{"version": 2, "settings": {"clinicName": ')
        await watch.check()
        await push(provisioningText({ settings: { clinicName: 'Third', idleTimeoutSeconds: -5 } }))
        await watch.check()
        await push(provisioningText({ settings: {}, monitoring: { otlpMetricsUrl: 'not a url' } }))
        await watch.check()
        expect(applied).toEqual([])
        const logged = log.error.mock.calls.map((call) => String(call[0])).join('\n')
        expect(logged).toMatch(/not usable.*kept the last good one/)
        expect(logged).toMatch(/idleTimeoutSeconds/)
        expect(logged).toMatch(/has problems; kept the last good one/)
        // A good change after the broken ones applies.
        await push(provisioningText({ settings: { clinicName: 'Fourth' } }))
        await watch.check()
        expect(applied.map((each) => each.settings)).toEqual([{ clinicName: 'Fourth' }])
      } finally {
        watch.stop()
      }
    })

    it('takes a change into the settings the kiosk uses, over the staff own, with the new locks', async () => {
      const userData = join(dir, 'user-data')
      const files = await openKioskFiles(userData, { provisioningFile: file, log: fakeLog() })
      await expect(
        files.store.save({ ...files.store.config(), clinicPhone: '555-0199', emergencyNumber: '112' }),
      ).resolves.toEqual({ state: 'saved' })
      resting = true
      const watch = await watchProvisioning({ file, isResting: () => resting, apply: files.reprovision, log })
      try {
        await push(
          provisioningText({ settings: { clinicName: 'Second', emergencyNumber: '911' }, locked: ['emergencyNumber'] }),
        )
        await watch.check()
        expect(files.store.config()).toMatchObject({
          clinicName: 'Second',
          clinicPhone: '555-0199',
          emergencyNumber: '911',
        })
        expect(files.store.lockedFields()).toEqual(['emergencyNumber'])
        expect(files.store.revision()).toBe(1)
      } finally {
        watch.stop()
      }
    })
  })
})
