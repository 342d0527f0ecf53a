import { LOCALE_TAGS } from '../../electron/contract'
import {
  accessibilityViolations,
  expect,
  goNext,
  hiddenContent,
  JOURNEY,
  openKiosk,
  overflowingText,
  saveScreenshot,
  SCREEN_SIZES,
  swipe,
  tapOnItsPage,
  test,
  undersizedTargets,
  walkTo,
} from './fixtures'

const CONTENT_SCREENS = JOURNEY.slice(2)
/** Every shipped language, and the 40%-longer pseudo-locale that test builds carry. */
const LANGUAGES = [...LOCALE_TAGS, 'en-XA'] as const

test.describe('every screen, in every language, at both sizes', () => {
  // Each test walks eleven screens with axe on every one.
  test.describe.configure({ timeout: 300_000 })

  for (const locale of LANGUAGES) {
    for (const size of SCREEN_SIZES) {
      test(`${locale} at ${size.name}: no axe violations, touch-sized, nothing clipped`, async ({ page, problems }) => {
        await page.setViewportSize(size)
        await openKiosk(page)
        const check = async (name: string) => {
          expect(await accessibilityViolations(page), `axe on ${name}`).toEqual([])
          expect(await undersizedTargets(page), `targets on ${name}`).toEqual([])
          expect(await overflowingText(page), `overflow on ${name}`).toEqual([])
          await saveScreenshot(page, `${locale}-${size.name}-${name}`)
        }
        await page.getByTestId('start').tap()
        await page.getByTestId(`lang-${locale}`).tap()
        await expect(page.locator('html')).toHaveAttribute('lang', locale)
        for (const screen of CONTENT_SCREENS) {
          await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
          if (screen === 'causes') {
            await tapOnItsPage(page.getByTestId('screen-causes'), page.getByTestId('cause-medicines'))
            await expect(page.getByTestId('cause-panel')).toBeVisible()
          }
          if (screen === 'selfcheck') {
            await tapOnItsPage(page.getByTestId('screen-selfcheck'), page.getByTestId('selfcheck-over60'))
          }
          if (screen === 'doctor') {
            // What matters most shows whole, all three tiers, in every language at both sizes.
            await expect(page.getByTestId('emergency-tier')).toBeInViewport({ ratio: 1 })
          }
          await check(screen)
          if (screen === 'causes') await page.getByTestId('cause-panel-close').tap()
          if (screen !== 'handout') await goNext(page)
        }
        await tapOnItsPage(page.getByTestId('screen-handout'), page.getByTestId('nav-sources'))
        await expect(page.getByTestId('screen-sources')).toBeVisible()
        await check('sources')
        await page.getByTestId('nav-home').tap()
        await expect(page.getByTestId('start-over-dialog')).toBeVisible()
        await check('start-over')
        await page.getByTestId('start-over-confirm').tap()
        await page.getByTestId('start').tap()
        await check('language')
        expect(problems).toEqual([])
      })
    }
  }

  test('the welcome and language screens are checked once each in the default language', async ({ page }) => {
    for (const size of SCREEN_SIZES) {
      await page.setViewportSize(size)
      await openKiosk(page)
      expect(await accessibilityViolations(page)).toEqual([])
      expect(await undersizedTargets(page)).toEqual([])
      expect(await overflowingText(page)).toEqual([])
      await saveScreenshot(page, `en-${size.name}-attract`)
    }
  })
})

test.describe('right-to-left languages', () => {
  for (const locale of ['ar', 'ur'] as const) {
    test(`${locale}: the layout mirrors, Next and the progress sit on the left, and a swipe to the right moves forward`, async ({
      page,
    }) => {
      await openKiosk(page)
      await page.getByTestId('start').tap()
      await page.getByTestId(`lang-${locale}`).tap()
      await expect(page.locator('html')).toHaveAttribute('dir', 'rtl')
      const about = page.getByTestId('screen-about')
      // The pages are counted once the layout settles; only then is it known whether More or Next shows.
      await expect(about.locator('.paged')).toHaveAttribute('data-settled', 'true')
      const paged = (await about.getAttribute('data-pages')) !== '1'
      const box = async (testId: string) => (await page.getByTestId(testId).boundingBox())!
      // The forward button is More on a paged screen's earlier pages, Next on its last: both stand in one place.
      const forward = (await page.getByTestId('page-more').or(page.getByTestId('nav-next')).boundingBox())!
      expect(forward.x).toBeLessThan((await box('nav-back')).x)
      const heading = (await page.getByRole('heading', { level: 1 }).boundingBox())!
      expect((await box('progress')).x).toBeLessThan(heading.x)
      // Forward is the next page of a paged screen, else the next screen; back is the way back.
      await swipe(page, 'right')
      if (paged) await expect(about).toHaveAttribute('data-page', '2')
      else await expect(page.getByTestId('screen-causes')).toBeVisible()
      await swipe(page, 'left')
      await expect(about).toHaveAttribute('data-page', '1')
    })
  }

  test('Latin source names inside Arabic text are isolated so they read in order', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-ar').tap()
    await expect(page.getByTestId('sources-line')).toContainText('\u2068NHS')
  })
})

test.describe('"When to see a doctor" with the clinic’s phone and emergency number set', () => {
  for (const locale of LANGUAGES) {
    test(`${locale}: every tier shows whole on a page, the emergency tier first, at both sizes`, async ({ page }) => {
      await page.route('**/kiosk-config.json', (route) =>
        route.fulfill({ json: { emergencyNumber: '999', clinicPhone: '(555) 010-0100' } }),
      )
      for (const size of SCREEN_SIZES) {
        await page.setViewportSize(size)
        await openKiosk(page)
        await page.getByTestId('start').tap()
        await page.getByTestId(`lang-${locale}`).tap()
        await walkTo(page, 'about', 'doctor')
        await expect(page.getByTestId('urgent-how')).toContainText('(555) 010-0100')
        // The emergency tier comes first, on the first page; every tier shows whole on some page.
        await expect(page.getByTestId('emergency-tier'), `emergency tier at ${size.name}`).toBeInViewport({ ratio: 1 })
        expect(await hiddenContent(page.getByTestId('screen-doctor')), `doctor at ${size.name}`).toEqual([])
      }
    })
  }
})
