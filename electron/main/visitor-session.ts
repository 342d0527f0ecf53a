import type { Session } from 'electron'

/**
 * The kiosk window's session. In memory only (no "persist:" prefix), so
 * nothing of a visit (storage, HTTP and code caches, cookies) ever reaches the
 * disk; the wipe below also clears it between visitors of one run.
 */
export const VISITOR_PARTITION = 'kiosk-visitor'
/** The hidden handout window's session: in memory only as well, and apart from the visitor's page. */
export const HANDOUT_PARTITION = 'kiosk-handout'

/** Everything a visitor's page could have stored. */
const VISITOR_STORAGES = [
  'cookies',
  'filesystem',
  'indexdb',
  'localstorage',
  'shadercache',
  'serviceworkers',
  'cachestorage',
] as const

/** Wipes every trace of the last visitor from a session: its storage, the HTTP cache and the code caches. */
export async function wipeVisitorTraces(visitor: Pick<Session, 'clearStorageData' | 'clearCache' | 'clearCodeCaches'>) {
  await visitor.clearStorageData({ storages: [...VISITOR_STORAGES] })
  await visitor.clearCache()
  await visitor.clearCodeCaches({})
}
