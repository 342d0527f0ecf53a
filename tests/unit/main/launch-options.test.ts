import { describe, expect, it } from 'vitest'
import { parseLaunchOptions } from '../../../electron/main/launch-options'
import { fakeLog } from './fake-log'

const DEV_SERVER = { ELECTRON_RENDERER_URL: 'http://localhost:5173' }

/** Launch options of an unpackaged run (`electron-vite dev`, `electron .`). */
function unpackaged(argv: readonly string[], env: NodeJS.ProcessEnv = {}, platform: NodeJS.Platform = 'linux') {
  return parseLaunchOptions(argv, env, { packaged: false, log: fakeLog(), platform })
}

describe('launch options', () => {
  it('reads --windowed and KIOSK_WINDOWED', () => {
    expect(unpackaged(['electron', '.', '--windowed']).windowed).toBe(true)
    expect(unpackaged(['electron', '.'], { KIOSK_WINDOWED: '1' }).windowed).toBe(true)
    expect(unpackaged(['electron', '.']).windowed).toBe(false)
  })

  it('reads --handout-pdf and its language, English unless told', () => {
    expect(unpackaged(['electron', '.']).handoutPdf).toBeNull()
    expect(unpackaged(['electron', '.', '--handout-pdf=/tmp/h.pdf']).handoutPdf).toEqual({
      path: '/tmp/h.pdf',
      locale: 'en',
    })
    expect(unpackaged(['electron', '.', '--handout-locale=ur', '--handout-pdf=/tmp/h.pdf']).handoutPdf).toEqual({
      path: '/tmp/h.pdf',
      locale: 'ur',
    })
  })

  it('reads the provisioning file from --config or KIOSK_CONFIG, else the machine-wide one', () => {
    expect(unpackaged(['electron', '.']).provisioningFile).toBe('/etc/leg-cramp-kiosk/provisioning.json')
    expect(unpackaged(['electron', '.'], { ProgramData: 'D:\\Data' }, 'win32').provisioningFile).toBe(
      'D:\\Data\\Leg Cramp Kiosk\\provisioning.json',
    )
    expect(unpackaged(['electron', '.'], {}, 'win32').provisioningFile).toBe(
      'C:\\ProgramData\\Leg Cramp Kiosk\\provisioning.json',
    )
    expect(unpackaged(['electron', '.'], {}, 'darwin').provisioningFile).toBeNull()
    expect(unpackaged(['electron', '.', '--config', '/etc/kiosk.json']).provisioningFile).toBe('/etc/kiosk.json')
    expect(unpackaged(['electron', '.', '--config=/etc/kiosk.json']).provisioningFile).toBe('/etc/kiosk.json')
    expect(unpackaged(['electron', '.'], { KIOSK_CONFIG: '/srv/fleet.json' }).provisioningFile).toBe('/srv/fleet.json')
  })

  it('knows from --supervised or KIOSK_SUPERVISED=1 that a supervisor restarts the kiosk when it exits', () => {
    expect(unpackaged(['electron', '.']).supervised).toBe(false)
    expect(unpackaged(['electron', '.', '--supervised']).supervised).toBe(true)
    expect(unpackaged(['electron', '.'], { KIOSK_SUPERVISED: '1' }).supervised).toBe(true)
    expect(unpackaged(['electron', '.'], { KIOSK_SUPERVISED: '0' }).supervised).toBe(false)
  })

  it('treats only the electron-vite dev server of an unpackaged run as development', () => {
    expect(unpackaged([])).toMatchObject({ development: false, devServerUrl: undefined })
    expect(unpackaged([], DEV_SERVER)).toMatchObject({ development: true, devServerUrl: 'http://localhost:5173' })
  })

  it('makes a packaged kiosk ignore the dev server URL and the development shortcuts, and log that it did', () => {
    const log = fakeLog()
    const options = parseLaunchOptions(['/opt/kiosk/leg-cramp-kiosk'], DEV_SERVER, {
      packaged: true,
      log,
      platform: 'linux',
    })
    expect(options).toMatchObject({ development: false, devServerUrl: undefined })
    expect(log.warn).toHaveBeenCalledTimes(1)
    expect(log.warn.mock.calls[0]![0]).toMatch(/ELECTRON_RENDERER_URL is set but ignored/)
  })

  it('keeps the operator switches of a packaged kiosk and logs nothing when no development switch is set', () => {
    const log = fakeLog()
    const argv = ['/opt/kiosk/leg-cramp-kiosk', '--windowed', '--config=/etc/kiosk.json', '--handout-pdf=/tmp/h.pdf']
    expect(parseLaunchOptions(argv, { KIOSK_SUPERVISED: '1' }, { packaged: true, log, platform: 'linux' })).toEqual({
      windowed: true,
      devServerUrl: undefined,
      development: false,
      handoutPdf: { path: '/tmp/h.pdf', locale: 'en' },
      provisioningFile: '/etc/kiosk.json',
      supervised: true,
    })
    expect(log.warn).not.toHaveBeenCalled()
  })
})
