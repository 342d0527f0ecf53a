import { vi, type Mock } from 'vitest'
import type { Logger } from '../../../electron/main/logger'

type LogMethod = Mock<(...params: unknown[]) => void>

/** A logger whose calls tests can inspect. */
export function fakeLog(): Logger & { info: LogMethod; warn: LogMethod; error: LogMethod } {
  return { info: vi.fn(), warn: vi.fn(), error: vi.fn() }
}
