/**
 * electron-builder configuration (read by `npm run dist`, `dist:linux`, `dist:win`).
 * The names below are a contract: deploy/ scripts and fleet tools find the
 * installed kiosk by them (see README, "Packaging and releases").
 * Author, description and the MIT licence come from package.json.
 */
import type { Configuration } from 'electron-builder'
import flipKioskFuses from './scripts/packaging/after-pack'

/**
 * What of the project goes into app.asar: the built app and package.json.
 * electron-builder adds the production `dependencies` (and what they need)
 * from node_modules by itself; dev dependencies never ship.
 */
export const APP_FILES = ['out/**', '!out/**/*.map', 'package.json']

/**
 * A placeholder that can never resolve (.invalid, RFC 2606): each clinic's update
 * folder is provisioned at run time. It only fixes the provider (generic) and makes
 * electron-builder write latest.yml / latest-linux.yml next to the installers.
 */
export const UPDATE_URL_PLACEHOLDER = 'https://updates.invalid/leg-cramp-kiosk/'

const config: Configuration = {
  appId: 'org.legcrampkiosk.kiosk',
  productName: 'Leg Cramp Kiosk',
  executableName: 'leg-cramp-kiosk',
  copyright: 'Copyright © 2026 Leg-cramp kiosk project',
  directories: { output: 'dist' },
  files: APP_FILES,
  asar: true,
  // No runtime package has native code: nothing to rebuild against Electron's headers.
  npmRebuild: false,
  artifactName: '${name}-${version}-${arch}.${ext}',
  afterPack: flipKioskFuses,
  publish: { provider: 'generic', url: UPDATE_URL_PLACEHOLDER },
  linux: {
    target: ['AppImage', 'deb'],
    icon: 'resources/icons',
    category: 'Education',
    synopsis: 'Patient-education kiosk about night leg cramps',
  },
  // On Linux: the CJK font for Han characters the shipped subsets lack, and the voices the kiosk reads aloud with
  // (Chromium reaches them through speech-dispatcher).
  deb: { recommends: ['fonts-noto-cjk', 'speech-dispatcher', 'speech-dispatcher-espeak-ng', 'espeak-ng'] },
  win: {
    target: ['nsis', 'msi'],
    icon: 'resources/icons/icon.ico',
  },
  // Per machine only, no questions: Intune, group policy or an admin installs it once for the kiosk account.
  // Nothing starts after installing: the kiosk shell (Assigned Access / Shell Launcher) starts the app.
  nsis: { oneClick: true, perMachine: true, runAfterFinish: false },
  msi: { oneClick: true, perMachine: true, runAfterFinish: false },
}

export default config
