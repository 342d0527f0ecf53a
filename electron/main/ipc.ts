import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { z } from 'zod'
import {
  CHANNELS,
  CONTRACT,
  STAFF_ONLY_CHANNELS,
  type BridgeErrorCode,
  type BridgeResult,
  type ChannelName,
} from '../contract'
import type { Logger } from './logger'
import { isSameOrigin, originOf } from './origin'
import { measurePayload } from './payload-budget'
import { neutraliseForLog } from './safe-logger'

/** The main-process implementation of every contract channel. */
export type IpcHandlers = {
  [K in ChannelName]: (
    payload: z.output<(typeof CONTRACT)[K]['payload']>,
  ) => z.input<(typeof CONTRACT)[K]['result']> | Promise<z.input<(typeof CONTRACT)[K]['result']>>
}

type SenderFrame = Pick<NonNullable<IpcMainInvokeEvent['senderFrame']>, 'url' | 'parent'>

/** How many zod issues a refusal names in the log. */
const LOGGED_ISSUES = 3

/**
 * Whether an IPC call comes from the app's own top frame on the app's origin.
 * Subframes, other origins and destroyed frames are refused
 * (Electron security checklist #17: validate the sender of all IPC messages).
 * A frame that throws when read (Electron's disposed WebFrameMain) is refused too.
 */
export function isTrustedSender(frame: SenderFrame | null | undefined, appOrigin: string): boolean {
  try {
    return !!frame && frame.parent === null && isSameOrigin(frame.url, appOrigin)
  } catch {
    return false
  }
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
 * sender, refuses payloads over the size budget (payload-budget.ts) before
 * looking further, validates the payload, lets staff-only channels through only
 * in staff mode, validates the result against the contract, and turns any
 * failure into a typed error result instead of a throw across IPC. Refusals log
 * one short line: the channel, the reason and at most a few issue paths and
 * codes, never the payload's values.
 */
export function registerIpcHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: IpcHandlers,
  options: IpcGateOptions,
): void {
  for (const name of Object.keys(CHANNELS) as ChannelName[]) {
    ipcMain.handle(CHANNELS[name], (event, payload: unknown) =>
      handleCall(name, event, payload, handlers, options).catch(() => failure('internal', failureMessage(name))),
    )
  }
}

async function handleCall(
  name: ChannelName,
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  payload: unknown,
  handlers: IpcHandlers,
  { appOrigin, log, staffOpen }: IpcGateOptions,
): Promise<BridgeResult<unknown>> {
  const frame = readSenderFrame(event)
  if (!isTrustedSender(frame, appOrigin)) {
    quietly(() => log.warn(`IPC ${name}: refused a call from ${describeSender(frame)}`))
    return failure('forbidden-sender', 'This caller may not use the kiosk bridge.')
  }
  const size = measurePayload(payload)
  if (!size.ok) {
    quietly(() => log.warn(`IPC ${name}: invalid payload: ${size.reason}`))
    return failure('invalid-payload', `The payload for ${name} is too large (${size.reason}).`)
  }
  const contract = CONTRACT[name]
  const parsed = safely(() => contract.payload.safeParse(payload))
  if (!parsed?.success) {
    quietly(() =>
      log.warn(`IPC ${name}: invalid payload: ${parsed ? describeIssues(parsed.error.issues) : 'unreadable'}`),
    )
    return failure('invalid-payload', `Invalid payload for ${name}.`)
  }
  if (STAFF_ONLY_CHANNELS.includes(name) && !staffOpen()) {
    quietly(() => log.warn(`IPC ${name}: refused outside staff mode`))
    return failure('staff-only', 'Staff mode is not open. Sign in again.')
  }
  let value: unknown
  try {
    const handler = handlers[name] as (payload: unknown) => unknown
    value = await handler(parsed.data)
  } catch (error) {
    quietly(() => log.error(`IPC ${name}: handler failed`, error))
    return failure('internal', failureMessage(name))
  }
  const result = safely(() => contract.result.safeParse(value))
  if (!result?.success) {
    quietly(() =>
      log.error(
        `IPC ${name}: result breaks the contract: ${result ? describeIssues(result.error.issues) : 'unreadable'}`,
      ),
    )
    return failure('internal', failureMessage(name))
  }
  return { ok: true, value: result.data }
}

function failure(code: BridgeErrorCode, message: string): BridgeResult<never> {
  return { ok: false, error: { code, message } }
}

function failureMessage(name: ChannelName): string {
  return `The kiosk could not complete ${name}.`
}

/** event.senderFrame, or undefined when reading it throws. */
function readSenderFrame(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): SenderFrame | null | undefined {
  return safely(() => event.senderFrame)
}

/** The refused sender for the log: its origin only, neutralised and short. */
function describeSender(frame: SenderFrame | null | undefined): string {
  if (!frame) return 'a destroyed frame'
  const url = safely(() => frame.url)
  if (typeof url !== 'string') return 'a disposed frame'
  const origin = neutraliseForLog(originOf(url) ?? 'an unparseable URL', 100)
  return safely(() => frame.parent) === null ? origin : `a subframe on ${origin}`
}

/**
 * The first few issues as "path code", e.g. "chosen.1 invalid_value; (+2 more)".
 * Paths name schema fields and indexes; a segment that does not look like a
 * field name (a record key from the payload) is shown as "?". No values.
 */
function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, LOGGED_ISSUES).map((issue) => `${describePath(issue.path)} ${safeCode(issue.code)}`)
  const more = issues.length > LOGGED_ISSUES ? `; (+${issues.length - LOGGED_ISSUES} more)` : ''
  return `${shown.join('; ')}${more}`
}

function describePath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  const segments = path.slice(0, 6).map((segment) => {
    if (typeof segment === 'number') return String(segment)
    return typeof segment === 'string' && /^[A-Za-z_$][\w$-]{0,39}$/.test(segment) ? segment : '?'
  })
  return segments.join('.') + (path.length > 6 ? '…' : '')
}

function safeCode(code: string): string {
  return /^[a-z_]{1,40}$/.test(code) ? code : '?'
}

function safely<T>(read: () => T): T | undefined {
  try {
    return read()
  } catch {
    return undefined
  }
}

function quietly(write: () => void): void {
  try {
    write()
  } catch {
    // A failing log must not turn a typed error into a throw across IPC.
  }
}
