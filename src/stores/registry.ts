import type { Pinia, PiniaPluginContext, StoreGeneric } from 'pinia'

/** Stores that hold the clinic's settings, not visitor data: a visitor reset keeps them. */
const CLINIC_STORES: ReadonlySet<string> = new Set(['settings'])

const storesByPinia = new WeakMap<Pinia, Set<StoreGeneric>>()
const initialStates = new WeakMap<StoreGeneric, string>()

/** Pinia plugin that keeps track of every store the app creates, and of its state when created. */
export function trackStores({ pinia, store }: PiniaPluginContext): void {
  const stores = storesByPinia.get(pinia) ?? new Set()
  stores.add(store)
  storesByPinia.set(pinia, stores)
  initialStates.set(store, JSON.stringify(store.$state))
}

/** A store's state as it was when the store was created (JSON). */
export function initialStateOf(store: StoreGeneric): string | undefined {
  return initialStates.get(store)
}

/** Every store created so far, by id. */
export function trackedStores(pinia: Pinia): StoreGeneric[] {
  return [...(storesByPinia.get(pinia) ?? [])]
}

/**
 * Puts every store that can hold visitor data back to its initial state through
 * its own $reset (each store must define one; a unit test checks they do).
 */
export function resetVisitorStores(pinia: Pinia): void {
  for (const store of trackedStores(pinia)) if (!CLINIC_STORES.has(store.$id)) store.$reset()
}
