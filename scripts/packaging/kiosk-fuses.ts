/**
 * The Electron fuses every packaged kiosk ships with, in one place (Electron's
 * security checklist, "Check which fuses you can change"). after-pack.ts flips
 * them into the packed executable before it is signed.
 */
import { type FuseV1Config, FuseV1Options, FuseVersion } from '@electron/fuses'

/**
 * Platforms whose packed app carries the asar integrity hash the
 * EnableEmbeddedAsarIntegrityValidation fuse checks (electron-builder writes it
 * into Info.plist on macOS and into the .exe's resources on Windows). Electron
 * has no such check on Linux.
 */
const EMBEDDED_ASAR_INTEGRITY_PLATFORMS = new Set(['darwin', 'mas', 'win32'])
const MAC_PLATFORMS = new Set(['darwin', 'mas'])

/** The fuse settings for one of electron-builder's platform names (`linux`, `win32`, `darwin`, `mas`). */
export function kioskFuses(electronPlatformName: string): FuseV1Config {
  return {
    version: FuseVersion.V1,
    // Flipping fuses breaks the ad-hoc signature of a macOS build (arm64 refuses to start without one).
    resetAdHocDarwinSignature: MAC_PLATFORMS.has(electronPlatformName),
    // No `ELECTRON_RUN_AS_NODE=1 leg-cramp-kiosk script.js`: the kiosk binary is no Node.js for anyone.
    [FuseV1Options.RunAsNode]: false,
    // NODE_OPTIONS, --inspect and friends cannot inject code or a debugger into the main process.
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    // Only the packed app.asar runs, never a loose resources/app folder someone put next to it.
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: EMBEDDED_ASAR_INTEGRITY_PLATFORMS.has(electronPlatformName),
    [FuseV1Options.EnableCookieEncryption]: true,
    // The kiosk serves itself over app://, so file:// needs none of its legacy privileges.
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  }
}
