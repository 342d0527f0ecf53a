import { DEFAULT_CONFIG } from '../../electron/default-config'
import { expect, openKiosk, saveScreenshot, SCREEN_SIZES, test, walkTo } from './fixtures'

const TIMEOUT_MS = DEFAULT_CONFIG.idleTimeoutSeconds * 1000
const WARNING_MS = DEFAULT_CONFIG.idleWarningSeconds * 1000

type StoreSnapshot = { id: string; current: string; initial: string }

/** Visitor stores whose state differs from their initial state, read through the hook only test builds have. */
async function changedVisitorStores(page: import('@playwright/test').Page): Promise<string[]> {
  const stores = await page.evaluate(() =>
    (window as unknown as { __kioskStores: () => StoreSnapshot[] }).__kioskStores(),
  )
  expect(stores.map((store) => store.id)).toEqual(expect.arrayContaining(['journey', 'visitor']))
  return stores.filter((store) => store.id !== 'settings' && store.current !== store.initial).map((store) => store.id)
}

/** A visitor in Spanish on the self-check screen with two choices made. */
async function visitorMidJourney(page: import('@playwright/test').Page): Promise<void> {
  await page.clock.install()
  await openKiosk(page)
  await page.getByTestId('attract-lang-es').tap()
  await walkTo(page, 'about', 'selfcheck')
  await page.getByTestId('selfcheck-over60').tap()
  await page.getByTestId('selfcheck-wakes').tap()
}

/** What a fresh kiosk looks like: welcome screen, default language, every visitor store as new. */
async function expectFreshKiosk(page: import('@playwright/test').Page) {
  await expect(page.getByTestId('screen-attract')).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', DEFAULT_CONFIG.defaultLocale)
  expect(await changedVisitorStores(page)).toEqual([])
  await page.getByTestId('attract-lang-en').tap()
  await walkTo(page, 'about', 'handout')
  await expect(page.getByTestId('handout-none')).toBeVisible()
  await expect(page.locator('[data-testid^="handout-item-"]')).toHaveCount(0)
}

test.describe('a visitor who walks away', () => {
  test('gets no warning before the timeout, then a warning with a countdown at the timeout', async ({ page }) => {
    await visitorMidJourney(page)
    await page.clock.runFor(TIMEOUT_MS - 5_000)
    await expect(page.getByTestId('idle-warning')).toHaveCount(0)
    await page.clock.runFor(6_000)
    await expect(page.getByTestId('idle-warning')).toBeVisible()
    const secondsShown = async () => Number((await page.getByTestId('idle-countdown').textContent())!.match(/\d+/)![0])
    const first = await secondsShown()
    expect(first).toBeGreaterThanOrEqual(15)
    expect(first).toBeLessThanOrEqual(DEFAULT_CONFIG.idleWarningSeconds)
    await page.clock.runFor(5_000)
    expect(first - (await secondsShown())).toBeGreaterThanOrEqual(4)
  })

  test('keeps their screen and choices when they touch "I\'m still here"', async ({ page }) => {
    await visitorMidJourney(page)
    await page.clock.runFor(TIMEOUT_MS + 5_000)
    await page.getByTestId('idle-stay').tap()
    await expect(page.getByTestId('idle-warning')).toHaveCount(0)
    await expect(page.getByTestId('screen-selfcheck')).toBeVisible()
    await expect(page.getByTestId('selfcheck-over60')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await page.clock.runFor(WARNING_MS + 5_000)
    await expect(page.getByTestId('screen-selfcheck')).toBeVisible()
  })

  test('is wiped at the end of the countdown: welcome screen, default language, every store as new', async ({
    page,
  }) => {
    await page.clock.install()
    await openKiosk(page)
    await page.getByTestId('attract-lang-es').tap()
    await walkTo(page, 'about', 'selfcheck')
    await page.getByTestId('selfcheck-over60').tap()
    expect(await changedVisitorStores(page)).toEqual(expect.arrayContaining(['journey', 'visitor']))
    await page.evaluate(() => {
      localStorage.setItem('trace', 'visitor')
      sessionStorage.setItem('trace', 'visitor')
    })
    await page.clock.runFor(TIMEOUT_MS + 1_000)
    await expect(page.getByTestId('idle-warning')).toBeVisible()
    await page.clock.runFor(WARNING_MS)
    await expect(page.getByTestId('idle-warning')).toHaveCount(0)
    expect(await page.evaluate(() => [localStorage.length, sessionStorage.length])).toEqual([0, 0])
    await expectFreshKiosk(page)
  })

  test('no timer runs on the welcome screen', async ({ page }) => {
    await page.clock.install()
    await openKiosk(page)
    await page.clock.runFor(TIMEOUT_MS * 5)
    await expect(page.getByTestId('idle-warning')).toHaveCount(0)
    await expect(page.getByTestId('screen-attract')).toBeVisible()
  })

  for (const size of SCREEN_SIZES) {
    test(`the warning is readable at ${size.name}`, async ({ page }) => {
      await page.setViewportSize(size)
      await visitorMidJourney(page)
      await page.clock.runFor(TIMEOUT_MS + 1_000)
      await expect(page.getByTestId('idle-warning')).toBeVisible()
      await saveScreenshot(page, `idle-warning-${size.name}`)
    })
  }
})

test.describe('a visitor who starts over on purpose', () => {
  test('is asked first, can go back, and otherwise gets the same complete wipe', async ({ page }) => {
    await page.clock.install()
    await openKiosk(page)
    await page.getByTestId('attract-lang-es').tap()
    await walkTo(page, 'about', 'selfcheck')
    await page.getByTestId('selfcheck-fluids').tap()
    await page.getByTestId('nav-home').tap()
    await expect(page.getByTestId('start-over-dialog')).toBeVisible()
    await page.getByTestId('start-over-cancel').tap()
    await expect(page.getByTestId('start-over-dialog')).toHaveCount(0)
    await expect(page.getByTestId('selfcheck-fluids')).toHaveAttribute('aria-pressed', 'true')
    await page.getByTestId('nav-home').tap()
    await page.getByTestId('start-over-confirm').tap()
    await expectFreshKiosk(page)
  })
})
