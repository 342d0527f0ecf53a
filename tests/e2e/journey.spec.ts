import {
  expect,
  goNext,
  JOURNEY,
  openKiosk,
  readToLastPage,
  SCREEN_SIZES,
  swipe,
  tapOnItsPage,
  test,
  walkTo,
} from './fixtures'

const CONTENT_SCREENS = JOURNEY.slice(2)

test.describe('a visitor steps through the journey', () => {
  for (const size of SCREEN_SIZES) {
    test(`with Next and Back, from welcome to handout and back (${size.name})`, async ({ page }) => {
      await page.setViewportSize(size)
      await openKiosk(page)
      await page.getByTestId('start').tap()
      for (const screen of JOURNEY.slice(1)) {
        await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
        if (screen !== 'handout') await goNext(page)
      }
      await expect(page.getByTestId('nav-next')).toHaveCount(0)
      for (const screen of [...JOURNEY].reverse().slice(1)) {
        await page.getByTestId('nav-back').tap()
        await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      }
    })

    test(`with swipes, from welcome to handout and back (${size.name})`, async ({ page }) => {
      await page.setViewportSize(size)
      await openKiosk(page)
      await page.getByTestId('start').tap()
      /** The screen shown and its page, once its pages are counted. */
      const where = () =>
        page.evaluate(() => {
          const screen = document.querySelector<HTMLElement>('section.screen')
          const settled = [...document.querySelectorAll<HTMLElement>('.paged')].every(
            (region) => region.dataset.settled === 'true',
          )
          return { screen: screen?.dataset.testid, page: screen?.dataset.page, settled }
        })
      for (const screen of JOURNEY.slice(2)) {
        // A paged screen turns its pages first: a few more swipes, each one a page.
        for (let swipes = 0; swipes < 6 && (await where()).screen !== `screen-${screen}`; swipes++) {
          const before = await where()
          await swipe(page, 'left')
          await expect
            .poll(async () => {
              const now = await where()
              return now.settled && (now.screen !== before.screen || now.page !== before.page)
            })
            .toBe(true)
        }
        await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      }
      await page.getByTestId('progress-avoid').tap()
      await expect(page.getByTestId('screen-avoid')).toHaveAttribute('data-page', '1')
      await swipe(page, 'right')
      await expect(page.getByTestId('screen-prevention'), 'back a screen from a first page').toBeVisible()
    })
  }

  test('a tap shows the next screen in the next frame: it moves into place, it never fades, and not with reduced motion', async ({
    page,
  }) => {
    await page.emulateMedia({ reducedMotion: 'no-preference' })
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    /** Taps Next in the page itself, then looks at the very next frame: which screens are there, and how the new one moves. */
    const nextFrameAfterNext = () =>
      page.evaluate(async () => {
        document.querySelector<HTMLElement>('[data-testid="nav-next"]')!.click()
        await new Promise(requestAnimationFrame)
        const screens = [...document.querySelectorAll<HTMLElement>('main.kiosk > section')].map(
          (section) => section.dataset.testid,
        )
        const keyframes = document
          .querySelector('main.kiosk > section')!
          .getAnimations()
          .flatMap((animation) => (animation.effect as KeyframeEffect).getKeyframes())
        const moved = [...new Set(keyframes.flatMap((frame) => Object.keys(frame)))].filter(
          (property) => !['offset', 'easing', 'composite', 'computedOffset'].includes(property),
        )
        return { screens, moved, opacity: getComputedStyle(document.querySelector('main.kiosk > section')!).opacity }
      })
    await page.getByTestId('page-more').or(page.getByTestId('nav-next')).first().waitFor()
    await readToLastPage(page)
    expect(await nextFrameAfterNext()).toEqual({ screens: ['screen-causes'], moved: ['transform'], opacity: '1' })
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await readToLastPage(page)
    expect(await nextFrameAfterNext()).toEqual({ screens: ['screen-selfcheck'], moved: [], opacity: '1' })
  })

  test('Start over asks, then returns to the welcome screen, from every screen after the language', async ({
    page,
  }) => {
    test.setTimeout(180_000)
    await openKiosk(page)
    for (let depth = JOURNEY.indexOf('about'); depth < JOURNEY.length; depth++) {
      await page.getByTestId('start').tap()
      await walkTo(page, 'language', JOURNEY[depth]!)
      await page.getByTestId('nav-home').tap()
      await page.getByTestId('start-over-confirm').tap()
      await expect(page.getByTestId('screen-attract')).toBeVisible()
    }
  })

  test('every content screen names its sources and opens the full list, then returns', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await goNext(page)
    for (const screen of CONTENT_SCREENS) {
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      await expect(page.getByTestId('sources-line')).toContainText(/\w/)
      await tapOnItsPage(page.getByTestId(`screen-${screen}`), page.getByTestId('nav-sources'))
      await expect(page.getByTestId('screen-sources')).toBeVisible()
      await expect(page.getByTestId('sources-reviewed')).toContainText('2026')
      await expect(page.getByTestId('sources-clinical-review')).toHaveText('Not yet checked by a health professional.')
      await page.getByTestId('sources-close').tap()
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      if (screen !== 'handout') await goNext(page)
    }
  })

  test('a cause card opens its detail in a panel, and the medicines card warns not to stop medicines', async ({
    page,
  }) => {
    await openKiosk(page)
    await page.getByTestId('attract-lang-en').tap()
    await goNext(page)
    const card = page.getByTestId('cause-medicines')
    await expect(card).toHaveAttribute('aria-expanded', 'false')
    await card.tap()
    await expect(card).toHaveAttribute('aria-expanded', 'true')
    await expect(page.getByTestId('screen-causes')).toBeVisible()
    await expect(page.getByTestId('medicines-action')).toContainText('Do not stop a medicine on your own')
    await page.getByTestId('cause-panel-close').tap()
    await expect(card).toHaveAttribute('aria-expanded', 'false')
    await page.getByTestId('cause-age').tap()
    await expect(page.getByTestId('cause-medicines-detail')).toHaveCount(0)
    await expect(page.getByTestId('cause-age-detail')).toBeVisible()
  })

  test('the handout summary shows the chosen self-check items, and only those', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('attract-lang-en').tap()
    await walkTo(page, 'about', 'selfcheck')
    await page.getByTestId('selfcheck-medicine').tap()
    await page.getByTestId('selfcheck-wakes').tap()
    await page.getByTestId('selfcheck-fluids').tap()
    await page.getByTestId('selfcheck-fluids').tap()
    await expect(page.getByTestId('selfcheck-medicine')).toHaveAttribute('aria-pressed', 'true')
    await expect(page.getByTestId('selfcheck-fluids')).toHaveAttribute('aria-pressed', 'false')
    await walkTo(page, 'selfcheck', 'handout')
    const summary = page.getByTestId('handout-summary')
    await expect(summary.locator('[data-testid^="handout-item-"]')).toHaveCount(2)
    await expect(summary).toContainText('I use an inhaler or take water pills')
    await expect(summary).toContainText('Cramps often wake me up')
    await expect(summary).not.toContainText('I do not drink much during the day')
  })

  test('the doctor screen opens with the emergency tier, naming the clinic’s emergency number, then how to get help today', async ({
    page,
  }) => {
    await page.route('**/kiosk-config.json', (route) =>
      route.fulfill({ json: { emergencyNumber: '999', clinicPhone: '555-0100' } }),
    )
    await openKiosk(page)
    await page.getByTestId('attract-lang-en').tap()
    await walkTo(page, 'about', 'doctor')
    const tier = page.getByTestId('emergency-tier')
    await expect(tier).toBeVisible()
    await expect(page.getByTestId('emergency-call')).toHaveText('Call \u2068999\u2069 now')
    await expect(tier).toContainText('Coughing up blood')
    await expect(page.getByTestId('urgent-how')).toContainText('555-0100')
    const tiers = await page
      .locator('[data-testid="emergency-tier"], [data-testid="doctor-urgent"]')
      .evaluateAll((elements) => elements.map((element) => element.getAttribute('data-testid')))
    expect(tiers).toEqual(['emergency-tier', 'doctor-urgent'])
  })

  test('without an emergency number or clinic phone, the doctor screen says to call the local emergency number and tell the front desk', async ({
    page,
  }) => {
    await openKiosk(page)
    await page.getByTestId('attract-lang-en').tap()
    await walkTo(page, 'about', 'doctor')
    await expect(page.getByTestId('emergency-call')).toHaveText('Call your local emergency number now')
    await expect(page.getByTestId('urgent-how')).toHaveText('Tell the front desk now, or call your doctor.')
  })

  test('with no self-check choices the handout says it has tips for everyone', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('attract-lang-en').tap()
    await walkTo(page, 'about', 'handout')
    await expect(page.getByTestId('handout-none')).toBeVisible()
  })
})
