import { describe, expect, it, vi } from 'vitest'
import { enableSystemSpeech } from '../../../electron/main/system-speech'

describe('the system voices', () => {
  it('on Linux, Chromium is switched to speech-dispatcher, without which it has no voice at all', () => {
    const app = { commandLine: { appendSwitch: vi.fn() } }
    enableSystemSpeech(app as never, 'linux')
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('enable-speech-dispatcher')
  })

  it('on Windows, the system voices (SAPI) need no switch', () => {
    const app = { commandLine: { appendSwitch: vi.fn() } }
    enableSystemSpeech(app as never, 'win32')
    expect(app.commandLine.appendSwitch).not.toHaveBeenCalled()
  })
})
