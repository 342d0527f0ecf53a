import { HandoutSpecSchema, type HandoutSpec } from './contract'

/**
 * Validates what the handout page was asked to render; null when it is not a
 * handout spec. Apart from handout-spec.ts, so the kiosk's own screens, which
 * only build specs, do not bundle the validator.
 */
export function parseHandoutSpec(candidate: unknown): HandoutSpec | null {
  const parsed = HandoutSpecSchema.safeParse(candidate)
  return parsed.success ? parsed.data : null
}
