import { APP_ENTRY_URL } from '../contract'

/**
 * The origin of a URL as scheme://host[:port]. WHATWG URL reports the origin of
 * custom schemes such as app:// as "null", so it is computed here by hand.
 * Returns null for a string that is not a URL.
 */
export function originOf(url: string): string | null {
  try {
    const parsed = new URL(url)
    return `${parsed.protocol}//${parsed.host}`
  } catch {
    return null
  }
}

/** Where the renderer is loaded from: the dev server in development, app:// otherwise. */
export function rendererEntryUrl(devServerUrl: string | undefined): string {
  return devServerUrl ?? APP_ENTRY_URL
}

/** Whether a URL belongs to the kiosk's own origin. */
export function isSameOrigin(url: string, appOrigin: string): boolean {
  return originOf(url) === appOrigin
}
