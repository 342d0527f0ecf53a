/**
 * The sandboxed preload: exposes `window.kiosk` with one named method per
 * contract channel. It never exposes ipcRenderer, process or the IPC event
 * (Electron security checklist #3 and #20: context isolation, limited bridge).
 */
import { contextBridge, ipcRenderer } from 'electron'
import { CHANNELS } from '../channels'
import type { KioskApi } from '../contract'

const kiosk = Object.fromEntries(
  Object.entries(CHANNELS).map(([name, channel]) => [
    name,
    (payload?: unknown) => ipcRenderer.invoke(channel, payload),
  ]),
) as KioskApi

contextBridge.exposeInMainWorld('kiosk', kiosk)
