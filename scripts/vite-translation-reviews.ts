import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Plugin } from 'vite'
import { reviewStatuses } from './translation-reviews'

const MODULE_ID = 'virtual:translation-reviews'
const RESOLVED_ID = `\0${MODULE_ID}`

/**
 * Provides `virtual:translation-reviews` to the renderer: every language's
 * review status, computed at build time from locales/reviews/ and the locale
 * files (the renderer only gets precompiled messages, so it cannot hash them).
 * A missing or invalid record fails the build.
 */
export function translationReviews(root: string): Plugin {
  const localesDir = join(root, 'locales')
  return {
    name: 'kiosk-translation-reviews',
    resolveId: (source) => (source === MODULE_ID ? RESOLVED_ID : undefined),
    load(id) {
      if (id !== RESOLVED_ID) return undefined
      for (const dir of [localesDir, join(localesDir, 'reviews')])
        for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) this.addWatchFile(join(dir, file))
      return `export default ${JSON.stringify(reviewStatuses(localesDir))}`
    },
  }
}
