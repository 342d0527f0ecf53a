import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { z } from 'zod'
import { CHANNELS, CONTRACT, STAFF_ONLY_CHANNELS, type BridgeResult, type ChannelName } from '../contract'
import type { Logger } from './logger'
import { isSameOrigin } from './origin'

/** The main-process implementation of every contract channel. */
export type IpcHandlers = {
  [K in ChannelName]: (
    payload: z.output<(typeof CONTRACT)[K]['payload']>,
  ) => z.input<(typeof CONTRACT)[K]['result']> | Promise<z.input<(typeof CONTRACT)[K]['result']>>
}

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'>

/**
 * Whether an IPC call comes from the app's own top frame on the app's origin.
 * Subframes, other origins and destroyed frames are refused
 * (Electron security checklist #17: validate the sender of all IPC messages).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  return !!frame && frame.parent === null && isSameOrigin(frame.url, appOrigin)
}

/** What the IPC gate checks besides the payload. */
export interface IpcGateOptions {
  appOrigin: string
  log: Logger
  /** Whether staff mode is open; staff-only channels refuse to answer otherwise. */
  staffOpen: () => boolean
}

/**
 * Registers every contract channel on ipcMain through one gate that checks the
 * sender, validates the payload, lets staff-only channels through only in staff
 * mode, validates the result against the contract, and turns any failure into
 * a typed error result instead of a throw across IPC.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  options: IpcGateOptions,
): void {
  for (const name of Object.keys(CHANNELS) as ChannelName[]) {
    ipcMain.handle(CHANNELS[name], (event, payload: unknown) => handleCall(name, event, payload, handlers, options))
  }
}

async function handleCall(
  name: ChannelName,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  payload: unknown,
  handlers: IpcHandlers,
  { appOrigin, log, staffOpen }: IpcGateOptions,
): Promise<BridgeResult<unknown>> {
  if (!isTrustedSender(event.senderFrame, appOrigin)) {
    log.warn(`IPC ${name}: refused a call from ${event.senderFrame?.url ?? 'a destroyed frame'}`)
    return { ok: false, error: { code: 'forbidden-sender', message: 'This caller may not use the kiosk bridge.' } }
  }
  const contract = CONTRACT[name]
  const parsed = contract.payload.safeParse(payload)
  if (!parsed.success) {
    log.warn(`IPC ${name}: invalid payload`, parsed.error.issues)
    return { ok: false, error: { code: 'invalid-payload', message: `Invalid payload for ${name}.` } }
  }
  if (STAFF_ONLY_CHANNELS.includes(name) && !staffOpen()) {
    log.warn(`IPC ${name}: refused outside staff mode`)
    return { ok: false, error: { code: 'staff-only', message: 'Staff mode is not open. Sign in again.' } }
  }
  try {
    const handler = handlers[name] as (payload: unknown) => unknown
    const value = contract.result.parse(await handler(parsed.data))
    return { ok: true, value }
  } catch (error) {
    log.error(`IPC ${name}: handler failed`, error)
    return { ok: false, error: { code: 'internal', message: `The kiosk could not complete ${name}.` } }
  }
}
