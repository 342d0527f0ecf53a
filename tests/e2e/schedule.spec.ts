import type { Page } from '@playwright/test'
import type { OpeningHours } from '../../electron/contract'
import {
  accessibilityViolations,
  expect,
  overflowingText,
  saveScreenshot,
  SCREEN_SIZES,
  test,
  undersizedTargets,
} from './fixtures'

/** Weekdays 08:00 to 18:00, closed at the weekend. */
const CLINIC_WEEK: OpeningHours = {
  sun: null,
  mon: { opens: '08:00', closes: '18:00' },
  tue: { opens: '08:00', closes: '18:00' },
  wed: { opens: '08:00', closes: '18:00' },
  thu: { opens: '08:00', closes: '18:00' },
  fri: { opens: '08:00', closes: '18:00' },
  sat: null,
}

// The page's local time is New York's; 2026-06-09 is a Tuesday (EDT, UTC-4).
test.use({ timezoneId: 'America/New_York' })

/** An element's text as read aloud: without Unicode isolates, any space (Intl's narrow no-break one) as a space. */
async function readText(page: Page, testId: string): Promise<string> {
  const text = await page.getByTestId(testId).innerText()
  return text
    .replace(/[\u2066-\u2069]/g, '')
    .replace(/\s+/gu, ' ')
    .trim()
}

/** Opens the web kiosk at a local time with the clinic's week and its name. */
async function openAt(page: Page, localTime: string, settings: object = {}): Promise<void> {
  await page.route('**/kiosk-config.json', (route) =>
    route.fulfill({ json: { clinicName: 'Eastside Family Clinic', openingHours: CLINIC_WEEK, ...settings } }),
  )
  await page.clock.install({ time: new Date(`${localTime}-04:00`) })
  await page.goto('/')
}

test.describe('opening hours', () => {
  test('after hours the kiosk shows it is closed, when it opens again and the week', async ({ page, problems }) => {
    await openAt(page, '2026-06-09T19:00:00')
    const closed = page.getByTestId('screen-closed')
    await expect(closed).toBeVisible()
    await expect(closed).toContainText('Eastside Family Clinic')
    await expect(closed).toContainText('We are closed now.')
    await expect.poll(() => readText(page, 'closed-opens')).toBe('The kiosk opens again on Wednesday at 8:00 AM.')
    await expect.poll(() => readText(page, 'closed-day-mon')).toBe('Monday 8:00 AM to 6:00 PM')
    await expect.poll(() => readText(page, 'closed-day-sat')).toBe('Saturday Closed')
    await expect(page.getByTestId('closed-day-tue')).toHaveAttribute('aria-current', 'date')
    await expect(page.getByTestId('screen-attract')).toHaveCount(0)
    expect(problems).toEqual([])
  })

  test('a touch on the closed screen starts no visit; after a quiet minute it fades, and a touch brings it back', async ({
    page,
  }) => {
    await openAt(page, '2026-06-13T10:00:00')
    const closed = page.getByTestId('screen-closed')
    await expect.poll(() => readText(page, 'closed-opens')).toBe('The kiosk opens again on Monday at 8:00 AM.')
    await closed.tap()
    await expect(closed).toBeVisible()
    await expect(page.getByTestId('screen-language')).toHaveCount(0)
    await expect(page.getByTestId('screen-about')).toHaveCount(0)
    await expect(closed).toHaveAttribute('data-state', 'awake')
    await page.clock.runFor(61_000)
    await expect(closed).toHaveAttribute('data-state', 'faded')
    await closed.tap()
    await expect(closed).toHaveAttribute('data-state', 'awake')
    await expect(page.getByTestId('screen-attract')).toHaveCount(0)
  })

  test('the welcome screen comes back by itself at opening time', async ({ page }) => {
    await openAt(page, '2026-06-10T07:58:00')
    await expect.poll(() => readText(page, 'closed-opens')).toBe('The kiosk opens again today at 8:00 AM.')
    await page.clock.runFor(60_000)
    await expect(page.getByTestId('screen-closed')).toBeVisible()
    await page.clock.runFor(75_000)
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await expect(page.getByTestId('screen-closed')).toHaveCount(0)
  })

  test('a visit under way at closing time is not interrupted; the closed screen follows once it ends', async ({
    page,
  }) => {
    await openAt(page, '2026-06-09T17:59:00')
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await page.getByTestId('attract-lang-en').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    // Past 18:00 with the visitor still reading (a touch every 30 s keeps the idle reset away).
    for (let step = 0; step < 4; step++) {
      await page.clock.runFor(30_000)
      await page.getByTestId('screen-about').tap()
    }
    await expect(page.getByTestId('screen-about')).toBeVisible()
    await expect(page.getByTestId('screen-closed')).toHaveCount(0)
    // The visitor walks away: the idle reset ends the visit, and the closed screen shows.
    await page.clock.runFor(90_000 + 25_000)
    await expect(page.getByTestId('screen-closed')).toBeVisible()
  })

  test('the closed screen reads right to left in Arabic, with the week in Arabic', async ({ page }) => {
    await openAt(page, '2026-06-09T19:00:00', { defaultLocale: 'ar', clinicLocale: 'ar' })
    const closed = page.getByTestId('screen-closed')
    await expect(closed).toHaveAttribute('dir', 'rtl')
    await expect(closed).toHaveAttribute('lang', 'ar')
    await expect(closed).toContainText('نحن مغلقون الآن.')
    await expect(page.getByTestId('closed-opens')).toContainText('الأربعاء')
    await expect(page.getByTestId('closed-day-sat')).toContainText('مغلق')
  })

  for (const size of SCREEN_SIZES) {
    for (const locale of ['en', 'ar'] as const) {
      test(`the closed screen in ${locale} (${size.name}) passes axe, fits, and is kept as a screenshot`, async ({
        page,
      }) => {
        await page.setViewportSize({ width: size.width, height: size.height })
        await openAt(page, '2026-06-09T19:00:00', { defaultLocale: locale })
        await expect(page.getByTestId('screen-closed')).toBeVisible()
        await page.evaluate(() => document.fonts.ready)
        expect(await undersizedTargets(page)).toEqual([])
        expect(await overflowingText(page)).toEqual([])
        expect(await accessibilityViolations(page)).toEqual([])
        const overflow = await page.evaluate(
          () =>
            document.documentElement.scrollHeight > window.innerHeight + 1 ||
            document.documentElement.scrollWidth > window.innerWidth + 1,
        )
        expect(overflow).toBe(false)
        await saveScreenshot(page, `closed-${locale}-${size.name}`)
      })
    }
  }
})
