import { vi } from 'vitest'
import type { Logger } from '../../../electron/main/logger'

/** A logger whose calls tests can inspect. */
export function fakeLog(): Logger & { [K in keyof Logger]: ReturnType<typeof vi.fn> } {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
}
