import { FuseV1Options, FuseVersion } from '@electron/fuses'
import type { AfterPackContext } from 'electron-builder'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import builderConfig from '../../../electron-builder'
import flipKioskFuses, { packedExecutablePath } from '../../../scripts/packaging/after-pack'

const flipFuses = vi.hoisted(() => vi.fn(async (_path: string, _config: unknown) => 1))
vi.mock('@electron/fuses', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@electron/fuses')>()),
  flipFuses,
}))

/** What electron-builder hands the hook after packing the kiosk (names as the builder config makes them). */
function packContext(electronPlatformName: string, appOutDir: string): AfterPackContext {
  return {
    appOutDir,
    electronPlatformName,
    packager: { executableName: 'leg-cramp-kiosk', appInfo: { productFilename: 'leg-cramp-kiosk' } },
  } as unknown as AfterPackContext
}

/** The fuses every platform gets; only the embedded asar integrity check and the macOS re-signing differ. */
function expectedFuses({ asarIntegrity, mac }: { asarIntegrity: boolean; mac: boolean }) {
  return {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: mac,
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: asarIntegrity,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  }
}

describe('afterPack: the kiosk fuses', () => {
  beforeEach(() => flipFuses.mockClear())

  it('is the hook electron-builder runs after packing', () => {
    expect(builderConfig.afterPack).toBe(flipKioskFuses)
  })

  it.each([
    ['linux', '/dist/linux-unpacked', '/dist/linux-unpacked/leg-cramp-kiosk', { asarIntegrity: false, mac: false }],
    ['win32', '/dist/win-unpacked', '/dist/win-unpacked/leg-cramp-kiosk.exe', { asarIntegrity: true, mac: false }],
    ['darwin', '/dist/mac-arm64', '/dist/mac-arm64/leg-cramp-kiosk.app', { asarIntegrity: true, mac: true }],
    ['mas', '/dist/mas', '/dist/mas/leg-cramp-kiosk.app', { asarIntegrity: true, mac: true }],
  ])('on %s flips exactly the kiosk fuses in the packed executable', async (platform, appOutDir, executable, kind) => {
    await flipKioskFuses(packContext(platform, appOutDir))
    expect(flipFuses).toHaveBeenCalledTimes(1)
    expect(flipFuses).toHaveBeenCalledWith(executable, expectedFuses(kind))
  })

  it('fails the build, naming the executable, when the fuses cannot be flipped', async () => {
    flipFuses.mockRejectedValueOnce(new Error('Could not find sentinel in the provided Electron binary'))
    const flipping = flipKioskFuses(packContext('win32', '/dist/win-unpacked'))
    await expect(flipping).rejects.toThrow(
      "afterPack: could not flip the kiosk's Electron fuses in /dist/win-unpacked/leg-cramp-kiosk.exe",
    )
    await expect(flipping).rejects.toMatchObject({ cause: { message: expect.stringMatching(/sentinel/) } })
  })

  it('fails the build for a platform whose executable it does not know, before touching anything', async () => {
    expect(() => packedExecutablePath(packContext('freebsd', '/dist/freebsd'))).toThrow(/"freebsd"/)
    await expect(flipKioskFuses(packContext('freebsd', '/dist/freebsd'))).rejects.toThrow(/"freebsd"/)
    expect(flipFuses).not.toHaveBeenCalled()
  })
})
