import { HandoutSpecSchema, type HandoutRequest, type HandoutSpec, type KioskConfig } from './contract'

/** The page the handout is rendered on, next to the kiosk's index.html. */
const HANDOUT_PAGE = 'handout.html'

/**
 * What the printed handout shows for a visitor's request under the clinic's
 * settings. A bilingual handout adds the clinic's language unless the visitor
 * already reads in it.
 */
export function handoutSpecFor(request: HandoutRequest, config: KioskConfig): HandoutSpec {
  const bilingual = config.bilingualHandout && config.clinicLocale !== request.locale
  return {
    locale: request.locale,
    chosen: [...request.chosen],
    paperSize: config.paperSize,
    secondLocale: bilingual ? config.clinicLocale : null,
    clinicName: config.clinicName,
    clinicPhone: config.clinicPhone,
    emergencyNumber: config.emergencyNumber,
  }
}

/**
 * The handout page's URL for a spec. The spec travels in the fragment, which
 * never leaves the app and is never sent to a server or cached.
 */
export function handoutPageUrl(entryUrl: string, spec: HandoutSpec): string {
  const url = new URL(HANDOUT_PAGE, entryUrl)
  url.hash = encodeURIComponent(JSON.stringify(spec))
  return url.href
}

/** Reads and validates the spec from the handout page's fragment; null when it is missing or malformed. */
export function handoutSpecFromHash(hash: string): HandoutSpec | null {
  try {
    const parsed = HandoutSpecSchema.safeParse(JSON.parse(decodeURIComponent(hash.replace(/^#/, ''))))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
