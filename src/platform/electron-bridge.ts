import type { BridgeResult, ChannelName, KioskApi } from '../../electron/contract'

/**
 * The Electron adapter: calls window.kiosk and turns a rejected IPC call (main
 * not answering, a handler missing) into a typed error result like any other.
 */
export function createElectronBridge(kiosk: KioskApi): KioskApi {
  const names = Object.keys(kiosk) as ChannelName[]
  return Object.fromEntries(
    names.map((name) => [
      name,
      async (...args: unknown[]): Promise<BridgeResult<unknown>> => {
        try {
          return await (kiosk[name] as (...params: unknown[]) => Promise<BridgeResult<unknown>>)(...args)
        } catch (error) {
          return {
            ok: false,
            error: { code: 'internal', message: `The kiosk shell did not answer ${name}: ${String(error)}` },
          }
        }
      },
    ]),
  ) as KioskApi
}
