import type { App } from 'electron'

/**
 * Lets the renderer's speechSynthesis reach the system's voices. On Linux,
 * Chromium speaks only through speech-dispatcher and only with this switch
 * (the .deb and the setup script bring speech-dispatcher and espeak-ng);
 * Windows (SAPI) and macOS need none. Call before the app is ready.
 */
export function enableSystemSpeech(app: Pick<App, 'commandLine'>, platform: NodeJS.Platform = process.platform): void {
  if (platform === 'linux') app.commandLine.appendSwitch('enable-speech-dispatcher')
}
