/**
 * The IPC contract between the kiosk's main process and its renderer.
 *
 * Main and preload import this module; the renderer imports its types only.
 * Every channel names its payload and result schema, so main can validate what
 * arrives (Electron security checklist #17: validate the sender and the payload
 * of every IPC message).
 */
import { z } from 'zod'
import type { ChannelName } from './channels'

export { CHANNELS, type ChannelName } from './channels'

/** Language tags the kiosk ships messages for (BCP 47). */
export const LOCALE_TAGS = ['en', 'es', 'zh-Hans', 'vi', 'tl', 'ar', 'pl', 'ur'] as const
/** A language tag the kiosk ships messages for. */
export type LocaleTag = (typeof LOCALE_TAGS)[number]

/** Schema of one supported language tag. */
export const LocaleTagSchema = z.enum(LOCALE_TAGS)

/** Schema of the kiosk's configuration as the renderer sees it. */
export const KioskConfigSchema = z
  .object({
    defaultLocale: LocaleTagSchema,
    enabledLocales: z.array(LocaleTagSchema).min(1),
    idleTimeoutSeconds: z.number().int().min(30).max(600),
    idleWarningSeconds: z.number().int().min(20).max(120),
  })
  .refine((config) => config.enabledLocales.includes(config.defaultLocale), {
    message: 'The default language must be one of the enabled languages',
    path: ['defaultLocale'],
  })
/** The kiosk's configuration as the renderer sees it. */
export type KioskConfig = z.infer<typeof KioskConfigSchema>

/** Schema of what the shell tells the renderer about itself. */
export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  runtime: z.enum(['electron', 'web']),
})
/** What the shell tells the renderer about itself. */
export type AppInfo = z.infer<typeof AppInfoSchema>

/** Schema of a problem the renderer reports for the kiosk log (never visitor data). */
export const ProblemReportSchema = z.object({
  kind: z.literal('missing-translation'),
  locale: z.string().min(1).max(20),
  key: z.string().min(1).max(200),
})

const NoPayload = z.undefined()

/** Payload and result schema of every channel. */
export const CONTRACT = {
  getConfig: { payload: NoPayload, result: KioskConfigSchema },
  getAppInfo: { payload: NoPayload, result: AppInfoSchema },
  reportProblem: { payload: ProblemReportSchema, result: z.null() },
  heartbeat: { payload: NoPayload, result: z.null() },
  clearVisitorData: { payload: NoPayload, result: z.null() },
} as const satisfies Record<ChannelName, { payload: z.ZodType; result: z.ZodType }>

/** Why a bridge call failed. */
export type BridgeErrorCode = 'forbidden-sender' | 'invalid-payload' | 'internal'

/** What every bridge call resolves to: a value or a typed error, never a throw across IPC. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: { code: BridgeErrorCode; message: string } }

type PayloadOf<K extends ChannelName> = z.input<(typeof CONTRACT)[K]['payload']>
type ResultOf<K extends ChannelName> = z.output<(typeof CONTRACT)[K]['result']>

/** The API the preload exposes as `window.kiosk`: one named method per channel. */
export type KioskApi = {
  [K in ChannelName]: PayloadOf<K> extends undefined
    ? () => Promise<BridgeResult<ResultOf<K>>>
    : (payload: PayloadOf<K>) => Promise<BridgeResult<ResultOf<K>>>
}

/** The origin the packaged renderer is served from (custom protocol, not file://). */
export const APP_SCHEME = 'app'
/** Host part of the renderer's app:// URLs. */
export const APP_HOST = 'kiosk'
/** Where the packaged renderer starts. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`
