import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AppInfo, KioskConfig } from '../../electron/contract'
import { DEFAULT_CONFIG } from '../../electron/default-config'
import { loadLocale } from '../i18n'
import { offeredLocales, visitorDefaultLocale } from '../i18n/reviews'
import type { KioskBridge } from '../platform/bridge'

/**
 * The kiosk's configuration and identity as the shell reports them. If the shell
 * cannot answer, the kiosk keeps running on the defaults and says why in the log.
 */
export const useSettingsStore = defineStore('settings', () => {
  const config = ref<KioskConfig>(structuredClone(DEFAULT_CONFIG) as KioskConfig)
  const appInfo = ref<AppInfo | null>(null)
  const loadProblem = ref<string | null>(null)
  /** The settings' revision main last reported; null until the first heartbeat's answer. */
  const revision = ref<number | null>(null)
  /** The languages visitors are offered now, in the staff's order (the reviewed-only rule applied). */
  const offered = computed(() => offeredLocales(config.value))
  /** The visitor's language after each reset: the staff's default, or a fallback when it is not offered. */
  const visitorDefault = computed(() => visitorDefaultLocale(config.value.defaultLocale, offered.value))

  /**
   * Takes settings into use once the messages of the languages the kiosk shows
   * without a visitor's choice are loaded: the visitors' default and the
   * clinic's own (the closed screen, staff mode). A language whose messages
   * cannot load shows in English, and the console (the kiosk log) says so.
   */
  async function apply(next: KioskConfig): Promise<void> {
    const languages = new Set([visitorDefaultLocale(next.defaultLocale, offeredLocales(next)), next.clinicLocale])
    const loads = await Promise.allSettled([...languages].map((tag) => loadLocale(tag)))
    for (const result of loads) if (result.status === 'rejected') console.error(String(result.reason))
    config.value = next
  }

  /** Loads configuration and app info from the shell. */
  async function load(bridge: KioskBridge): Promise<void> {
    const [configResult, infoResult] = await Promise.all([bridge.getConfig(), bridge.getAppInfo()])
    if (configResult.ok) await apply(configResult.value)
    else loadProblem.value = configResult.error.message
    if (infoResult.ok) appInfo.value = infoResult.value
    if (loadProblem.value) console.warn(`Kiosk configuration unavailable, using defaults: ${loadProblem.value}`)
  }

  /**
   * Follows main's settings revision (each heartbeat's answer): when a pushed
   * provisioning change was applied, the settings are loaded again. Main
   * applies such a change only while the kiosk rests, so no visitor sees it.
   */
  async function follow(configRevision: number, bridge: KioskBridge): Promise<void> {
    const changed = revision.value !== null && revision.value !== configRevision
    revision.value = configRevision
    if (changed) await load(bridge)
  }

  /**
   * Settings belong to the clinic, not to a visitor: a visitor reset keeps them.
   * This resets to the state before load(), for tests and a full reload.
   */
  function $reset(): void {
    config.value = structuredClone(DEFAULT_CONFIG) as KioskConfig
    appInfo.value = null
    loadProblem.value = null
    revision.value = null
  }

  return {
    config,
    appInfo,
    loadProblem,
    offeredLocales: offered,
    visitorDefaultLocale: visitorDefault,
    apply,
    load,
    follow,
    $reset,
  }
})
