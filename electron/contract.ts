/**
 * The IPC contract between the kiosk's main process and its renderer.
 *
 * Main and preload import this module; the renderer imports its types only.
 * Every channel names its payload and result schema, so main can validate what
 * arrives (Electron security checklist #17: validate the sender and the payload
 * of every IPC message).
 */
import './zod-jitless'
import { z } from 'zod'
import { JOURNEY, SELFCHECK_ITEMS } from '../src/content/journey'
import type { ChannelName } from './channels'
import {
  LOCALE_TAGS,
  PAPER_SIZES,
  PIN_STATES,
  PRINT_FAILURES,
  SPEECH_VOLUME_STEPS,
  WEEKDAYS,
  type LocaleTag,
  type Weekday,
} from './contract-constants'

export { CHANNELS, type ChannelName } from './channels'
export * from './contract-constants'

/** Schema of one supported language tag. */
export const LocaleTagSchema = z.enum(LOCALE_TAGS)

/**
 * Control characters (C0, DEL, C1, line and paragraph separators) and bidi
 * controls (marks, embeddings, overrides, isolates): text that holds one could
 * forge a log line or reorder what the handout shows (Trojan Source).
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_OR_BIDI = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/u

/** Schema of a line of text staff type or a system reports: at most `max` characters, no control or bidi characters. */
function plainText(max: number) {
  return z
    .string()
    .max(max)
    .refine((text) => !CONTROL_OR_BIDI.test(text), 'Control and text-direction characters are not allowed')
}

/** Schema of a local time of day, "HH:MM" on a 24-hour clock (00:00 to 23:59). */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'A time is HH:MM, from 00:00 to 23:59')

/**
 * Schema of one day's opening hours: null when the clinic is closed all day, or
 * when it opens and closes in local time. "24:00" closes at the end of the day,
 * so 00:00 to 24:00 is open all day; a day's hours never run past midnight.
 */
export const DayHoursSchema = z
  .strictObject({ opens: ClockTimeSchema, closes: z.union([ClockTimeSchema, z.literal('24:00')]) })
  .refine((day) => day.closes > day.opens, 'A day closes after it opens')
  .nullable()
/** One day's opening hours, or null when closed all day. */
export type DayHours = z.infer<typeof DayHoursSchema>

/** Schema of the clinic's week: each of the seven days, once. */
export const OpeningHoursSchema = z.strictObject(
  Object.fromEntries(WEEKDAYS.map((day) => [day, DayHoursSchema])) as Record<Weekday, typeof DayHoursSchema>,
)
/** The clinic's opening hours for each day of the week. */
export type OpeningHours = z.infer<typeof OpeningHoursSchema>

/**
 * Schema of the update folder's address: empty (updates off), or an https URL
 * without user name or password, in printable ASCII, at most 500 characters.
 */
export const UpdateUrlSchema = z.union([
  z.literal(''),
  z
    .url({ protocol: /^https$/, error: 'The update address must be an https:// URL' })
    .max(500)
    .regex(/^[\x21-\x7e]+$/, 'The update address may hold only printable ASCII, no spaces')
    .refine((url) => {
      const parsed = URL.canParse(url) ? new URL(url) : null
      return !parsed || (parsed.username === '' && parsed.password === '')
    }, 'The update address may not hold a user name or password'),
])

/** Schema of the kiosk's configuration as the renderer sees it. */
export const KioskConfigSchema = z
  .object({
    defaultLocale: LocaleTagSchema,
    enabledLocales: z
      .array(LocaleTagSchema)
      .min(1)
      .max(LOCALE_TAGS.length)
      .refine((tags) => new Set(tags).size === tags.length, 'Each language may be offered once'),
    idleTimeoutSeconds: z.number().int().min(30).max(600),
    idleWarningSeconds: z.number().int().min(20).max(120),
    /** The printer's system name; null prints to the system's default printer. */
    printerName: plainText(200).min(1).nullable(),
    paperSize: z.enum(PAPER_SIZES),
    /** Handouts one visitor may print; 0 turns printing off. */
    printsPerVisitor: z.number().int().min(0).max(10),
    /** Adds a copy in the clinic's language, so the visitor's doctor can read it too. */
    bilingualHandout: z.boolean(),
    clinicLocale: LocaleTagSchema,
    /** Printed on the handout; empty leaves the line out. */
    clinicName: z.string().trim().pipe(plainText(80)),
    clinicPhone: z.string().trim().pipe(plainText(40)),
    /** The emergency number to call (911, 999, 112…); empty says "your local emergency number". */
    emergencyNumber: z
      .string()
      .trim()
      .regex(/^(\d{2,6})?$/, 'An emergency number is 2 to 6 digits, or empty'),
    /** Offer visitors only the languages whose translation a medical translator has reviewed. */
    reviewedLanguagesOnly: z.boolean(),
    /** Local time "HH:MM" of the daily restart (while the kiosk rests on the welcome screen); empty for none. */
    dailyRestartTime: z.union([z.literal(''), ClockTimeSchema]),
    /** The clinic's week; outside these hours the kiosk shows its closed screen and lets the display sleep. */
    openingHours: OpeningHoursSchema,
    /** The static https folder updates come from; empty turns updates off. Set only by provisioning. */
    updateUrl: UpdateUrlSchema,
    /** Offer visitors the Listen control, which reads each screen aloud (EN 301 549 5.1.3). */
    speechEnabled: z.boolean(),
    /** The reading volume every visitor starts at, as a step of the visitor's volume control. */
    speechVolume: z.number().int().min(1).max(SPEECH_VOLUME_STEPS),
    /** The speaking rate, 1 being the voice's normal speed. */
    speechRate: z.number().min(0.5).max(2),
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
export const ProblemReportSchema = z.strictObject({
  kind: z.literal('missing-translation'),
  /** A BCP 47 tag, the pseudo-locale included. */
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/),
  /** A dotted message key such as `doctor.urgent.title`. */
  key: z.string().regex(/^[A-Za-z0-9_-]{1,60}(\.[A-Za-z0-9_-]{1,60}){0,7}$/),
})

/** Schema of a visitor's print request: their language and self-check choices, nothing else. */
export const HandoutRequestSchema = z.strictObject({
  locale: LocaleTagSchema,
  chosen: z
    .array(z.enum(SELFCHECK_ITEMS))
    .max(SELFCHECK_ITEMS.length)
    .refine((items) => new Set(items).size === items.length, 'Each choice may appear once'),
})
/** A visitor's print request. */
export type HandoutRequest = z.infer<typeof HandoutRequestSchema>

/** Schema of everything the printed handout shows: the request plus the clinic's settings. */
export const HandoutSpecSchema = HandoutRequestSchema.extend({
  paperSize: z.enum(PAPER_SIZES),
  /** The clinic's language for a bilingual handout; null prints one language. */
  secondLocale: LocaleTagSchema.nullable(),
  clinicName: z.string().max(80),
  clinicPhone: z.string().max(40),
  emergencyNumber: KioskConfigSchema.shape.emergencyNumber,
})
/** Everything the printed handout shows. */
export type HandoutSpec = z.infer<typeof HandoutSpecSchema>

/** Why a print did not come out. */

/** Schema of how a print request ended, as the visitor's `print-status` shows it. */
export const PrintOutcomeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('done'), printsLeft: z.number().int().min(0) }),
  /** Handed to a print dialog that cannot say whether it printed (a browser's window.print). */
  z.object({ state: z.literal('unconfirmed'), printsLeft: z.number().int().min(0) }),
  z.object({ state: z.literal('error'), reason: z.enum(PRINT_FAILURES), detail: z.string().max(500) }),
  /** Out of prints for this visitor (retryInSeconds null) or in the short cool-down between prints. */
  z.object({ state: z.literal('limit'), retryInSeconds: z.number().int().min(1).nullable() }),
])
/** How a print request ended. */
export type PrintOutcome = z.infer<typeof PrintOutcomeSchema>

/** Settings a provisioning file can lock, so staff cannot change them: every configuration field. */
export const CONFIG_FIELDS = KioskConfigSchema.keyof().options
/** One configuration field. */
export type ConfigField = (typeof CONFIG_FIELDS)[number]

/**
 * Fields only the fleet's provisioning file sets: staff see them read-only, as
 * if locked, and a value for them in the kiosk's own config.json is ignored.
 * (Where updates come from decides what code the kiosk runs.)
 */
export const PROVISIONING_ONLY_FIELDS: readonly ConfigField[] = ['updateUrl']

const COUNTS = [
  'sessionsStarted',
  'handoutsPrinted',
  'printFailures',
  'idleResets',
  'staffLogins',
  'failedPinAttempts',
] as const
/**
 * The anonymous usage counters, counted per day: visits started, visits by the
 * language they ended in, the furthest screen each visit reached (drop-off),
 * prints, print failures (in all and by reason), idle resets, staff logins and
 * failed PIN attempts.
 */
export type UsageCounter =
  | (typeof COUNTS)[number]
  | `sessions.${LocaleTag}`
  | `furthest.${(typeof JOURNEY)[number]}`
  | `printFailures.${(typeof PRINT_FAILURES)[number]}`
/** Every usage counter, in the order staff see them. */
export const USAGE_COUNTERS: readonly UsageCounter[] = [
  ...COUNTS,
  ...LOCALE_TAGS.map((tag) => `sessions.${tag}` as const),
  ...JOURNEY.map((screen) => `furthest.${screen}` as const),
  ...PRINT_FAILURES.map((reason) => `printFailures.${reason}` as const),
]
/** Schema of the usage figures: per local day (YYYY-MM-DD), whole counts only. */
export const UsageDaysSchema = z.record(
  z.iso.date(),
  z.partialRecord(z.enum(USAGE_COUNTERS as [UsageCounter, ...UsageCounter[]]), z.number().int().min(0)),
)
/** The usage figures of each kept day. */
export type UsageDays = z.infer<typeof UsageDaysSchema>

/** Schema of what the renderer reports about a visit: its start, and how far it got and in which language. */
export const VisitEventSchema = z.discriminatedUnion('event', [
  z.strictObject({ event: z.literal('started') }),
  z.strictObject({ event: z.literal('ended'), locale: LocaleTagSchema, furthest: z.enum(JOURNEY), idle: z.boolean() }),
])

/** Schema of a staff PIN: 6 to 12 digits. */
export const PinSchema = z.strictObject({ pin: z.string().regex(/^\d{6,12}$/, 'A PIN is 6 to 12 digits') })

/** Schema of whether staff can sign in now. */
export const StaffStatusSchema = z.object({
  pin: z.enum(PIN_STATES),
  /** Whether staff may change the PIN on this kiosk, or the fleet's provisioning manages it. */
  pinChange: z.enum(['allowed', 'managed']),
  /** Seconds until staff may try again after too many wrong PINs; null when not locked. */
  lockedForSeconds: z.number().int().min(1).nullable(),
})

/** Schema of a staff sign-in attempt's outcome. */
export const StaffLoginSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('open') }),
  z.object({ state: z.literal('wrong'), attemptsLeft: z.number().int().min(1) }),
  z.object({ state: z.literal('locked'), retryInSeconds: z.number().int().min(1) }),
  z.object({ state: z.literal('no-pin') }),
  z.object({ state: z.literal('reset-needed') }),
])

/** Schema of what the settings screen needs: the settings, which are locked, and the system's printers. */
export const StaffSettingsSchema = z.object({
  config: KioskConfigSchema,
  lockedFields: z.array(z.enum(CONFIG_FIELDS)),
  printers: z.array(z.string()),
})

/** Schema of a staff change's outcome. */
export const StaffChangeSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('saved') }),
  z.object({ state: z.literal('refused'), reason: z.string().max(500) }),
])

/** Schema of a usage export's outcome. */
export const UsageExportSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('saved'), path: z.string() }),
  z.object({ state: z.literal('cancelled') }),
])

const NoPayload = z.undefined()

/**
 * Schema of main's answer to a heartbeat: the settings' revision, which
 * changes when a pushed provisioning file was applied (only while the kiosk
 * rests), so the renderer loads the settings again.
 */
export const HeartbeatReplySchema = z.strictObject({ configRevision: z.number().int().min(0) })

/** Schema of a heartbeat: the renderer is alive, and whether it rests on the welcome screen (no visit under way). */
export const HeartbeatSchema = z.strictObject({ resting: z.boolean() })

/** Payload and result schema of every channel. */
export const CONTRACT = {
  getConfig: { payload: NoPayload, result: KioskConfigSchema },
  getAppInfo: { payload: NoPayload, result: AppInfoSchema },
  reportProblem: { payload: ProblemReportSchema, result: z.null() },
  heartbeat: { payload: HeartbeatSchema, result: HeartbeatReplySchema },
  clearVisitorData: { payload: NoPayload, result: z.null() },
  printHandout: { payload: HandoutRequestSchema, result: PrintOutcomeSchema },
  recordVisit: { payload: VisitEventSchema, result: z.null() },
  getStaffStatus: { payload: NoPayload, result: StaffStatusSchema },
  setStaffPin: { payload: PinSchema, result: StaffChangeSchema },
  staffLogin: { payload: PinSchema, result: StaffLoginSchema },
  staffLogout: { payload: NoPayload, result: z.null() },
  staffKeepAlive: { payload: NoPayload, result: z.null() },
  getStaffSettings: { payload: NoPayload, result: StaffSettingsSchema },
  saveSettings: { payload: KioskConfigSchema, result: StaffChangeSchema },
  getUsage: { payload: NoPayload, result: UsageDaysSchema },
  exportUsage: { payload: NoPayload, result: UsageExportSchema },
  quitKiosk: { payload: NoPayload, result: z.null() },
} as const satisfies Record<ChannelName, { payload: z.ZodType; result: z.ZodType }>

/** Channels that answer only while staff mode is open (after a correct PIN). */
export const STAFF_ONLY_CHANNELS: readonly ChannelName[] = [
  'staffLogout',
  'staffKeepAlive',
  'getStaffSettings',
  'saveSettings',
  'getUsage',
  'exportUsage',
  'quitKiosk',
]

/**
 * Why a bridge call failed: a caller that is not the app, a malformed payload,
 * a staff-only call outside staff mode, a feature this runtime does not have
 * (staff settings in web mode), or a failure inside the shell.
 */
export type BridgeErrorCode = 'forbidden-sender' | 'invalid-payload' | 'staff-only' | 'unsupported' | 'internal'

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
