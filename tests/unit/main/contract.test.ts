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

  it('takes a restart time as HH:MM or empty, and opening hours that close after they open', () => {
    const valid = (change: object) => KioskConfigSchema.safeParse({ ...DEFAULT_CONFIG, ...change }).success
    expect(valid({ dailyRestartTime: '' })).toBe(true)
    expect(valid({ dailyRestartTime: '23:59' })).toBe(true)
    for (const time of ['24:00', '3:30', '03:60', '03:30:00', ' 03:30'])
      expect(valid({ dailyRestartTime: time })).toBe(false)
    const week = (day: unknown) => ({ openingHours: { ...DEFAULT_CONFIG.openingHours, wed: day } })
    expect(valid(week(null))).toBe(true)
    expect(valid(week({ opens: '08:00', closes: '24:00' }))).toBe(true)
    expect(valid(week({ opens: '18:00', closes: '08:00' }))).toBe(false)
    expect(valid(week({ opens: '08:00', closes: '08:00' }))).toBe(false)
    expect(valid(week({ opens: '08:00', closes: '18:00', lunch: '12:00' }))).toBe(false)
    expect(valid({ openingHours: { ...DEFAULT_CONFIG.openingHours, holiday: null } })).toBe(false)
  })

  it('takes an update folder only over https, without credentials, and bounded', () => {
    const valid = (updateUrl: string) => KioskConfigSchema.safeParse({ ...DEFAULT_CONFIG, updateUrl }).success
    expect(valid('')).toBe(true)
    expect(valid('https://it.example.org/kiosk/')).toBe(true)
    for (const url of [
      'http://it.example.org/kiosk/',
      'file:///etc/kiosk/',
      'https://user:secret@it.example.org/',
      'https://it.example.org/a b/',
      `https://it.example.org/${'a'.repeat(500)}`,
      'not a url',
    ])
      expect(valid(url)).toBe(false)
  })
})
