/**
 * electron-builder's afterPack hook: flips the kiosk's fuses (kiosk-fuses.ts)
 * in the packed executable, after the app is packed and before it is signed
 * and wrapped into an installer. Any failure fails the build: an installer
 * with its fuses unflipped must never be made.
 */
import { join } from 'node:path'
import { flipFuses } from '@electron/fuses'
import type { AfterPackContext, LinuxPackager } from 'electron-builder'
import { kioskFuses } from './kiosk-fuses'

/** The packed executable (a .app bundle on macOS) that carries the fuse wire, as electron-builder names it. */
export function packedExecutablePath({ appOutDir, electronPlatformName, packager }: AfterPackContext): string {
  switch (electronPlatformName) {
    case 'linux':
      return join(appOutDir, (packager as LinuxPackager).executableName)
    case 'win32':
      return join(appOutDir, `${packager.appInfo.productFilename}.exe`)
    case 'darwin':
    case 'mas':
      return join(appOutDir, `${packager.appInfo.productFilename}.app`)
    default:
      throw new Error(`afterPack: the kiosk does not know where "${electronPlatformName}" keeps its executable`)
  }
}

/** Flips the kiosk's fuses in the app electron-builder just packed; throws (failing the build) if it cannot. */
export default async function flipKioskFuses(context: AfterPackContext): Promise<void> {
  const executable = packedExecutablePath(context)
  try {
    await flipFuses(executable, kioskFuses(context.electronPlatformName))
  } catch (error) {
    throw new Error(`afterPack: could not flip the kiosk's Electron fuses in ${executable}`, { cause: error })
  }
  console.info(`  • flipped the kiosk's Electron fuses in ${executable}`)
}
