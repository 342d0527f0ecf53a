import { describe, expect, it } from 'vitest'
import { KioskConfigSchema } from '../../../electron/contract'
import { DEFAULT_CONFIG } from '../../../electron/default-config'

describe('the contract', () => {
  it('accepts the default configuration', () => {
    expect(KioskConfigSchema.safeParse(DEFAULT_CONFIG).success).toBe(true)
  })

  it('rejects a default language that is not enabled, and idle times out of range', () => {
    expect(KioskConfigSchema.safeParse({ ...DEFAULT_CONFIG, enabledLocales: ['es'] }).success).toBe(false)
    expect(KioskConfigSchema.safeParse({ ...DEFAULT_CONFIG, idleTimeoutSeconds: 10 }).success).toBe(false)
    expect(KioskConfigSchema.safeParse({ ...DEFAULT_CONFIG, idleWarningSeconds: 5 }).success).toBe(false)
    expect(KioskConfigSchema.safeParse({ ...DEFAULT_CONFIG, enabledLocales: [] }).success).toBe(false)
  })
})
