import { LOCALE_TAGS } from '../../electron/contract'
import { CAUSE_CARDS, CONTENT_SCREENS, SELFCHECK_ITEMS } from '../../src/content/journey'
import {
  enhancedAccessibilityViolations,
  expect,
  goNext,
  hiddenContent,
  openKiosk,
  SCREEN_SIZES,
  swipe,
  tapOnItsPage,
  test,
  undersizedTargets,
} from './fixtures'
import { installFakeSpeech, WINDOWS_LIKE_VOICES } from './fake-speech'

/** A system with a voice for every language, so every screen carries all the reading controls: the fullest header. */
const EVERY_VOICE = [...WINDOWS_LIKE_VOICES, 'fil-PH']

/** Every shipped language, and the 40%-longer pseudo-locale that test builds carry. */
const LANGUAGES = [...LOCALE_TAGS, 'en-XA'] as const

test.describe('nothing hides below the fold', () => {
  // Each test walks every screen, page and cause panel twice (normal and larger text).
  test.describe.configure({ timeout: 600_000 })

  for (const locale of LANGUAGES) {
    for (const size of SCREEN_SIZES) {
      test(`${locale} at ${size.name}, normal and larger text: every text is wholly in view on some page`, async ({
        page,
        problems,
      }) => {
        await page.setViewportSize(size)
        await installFakeSpeech(page, EVERY_VOICE)
        await openKiosk(page)
        await page.getByTestId('start').tap()
        await page.getByTestId(`lang-${locale}`).tap()
        for (const largeText of [false, true]) {
          const mode = largeText ? 'larger text' : 'normal text'
          if (largeText) {
            await page.getByTestId('mode-large-text').first().tap()
            await expect(page.getByTestId('mode-large-text').first()).toHaveAttribute('aria-pressed', 'true')
          }
          for (const screen of CONTENT_SCREENS) {
            await page.getByTestId(`progress-${screen}`).tap()
            const root = page.getByTestId(`screen-${screen}`)
            await expect(root).toBeVisible()
            if (screen === 'selfcheck' && !largeText) {
              // The longest self-check and handout: every choice made.
              for (const item of SELFCHECK_ITEMS) await tapOnItsPage(root, root.getByTestId(`selfcheck-${item}`))
            }
            expect(await hiddenContent(root), `${screen}, ${mode}`).toEqual([])
            if (screen === 'causes') {
              for (const card of CAUSE_CARDS) {
                await tapOnItsPage(root, root.getByTestId(`cause-${card}`))
                const panel = page.getByTestId('cause-panel')
                await expect(panel).toBeVisible()
                expect(await hiddenContent(panel), `cause ${card}, ${mode}`).toEqual([])
                await page.getByTestId('cause-panel-close').tap()
              }
            }
          }
          await tapOnItsPage(page.getByTestId('screen-handout'), page.getByTestId('nav-sources'))
          const sources = page.getByTestId('screen-sources')
          expect(await hiddenContent(sources), `sources, ${mode}`).toEqual([])
          await page.getByTestId('sources-close').tap()
        }
        expect(problems).toEqual([])
      })
    }
  }
})

test.describe('larger text and high contrast', () => {
  test('larger text sets the teaching text at 34 px or more, and both modes are gone for the next visitor', async ({
    page,
  }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    const fact = page.getByTestId('screen-about').locator('.chunks li').first()
    const size = () => fact.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))
    expect(await size()).toBeLessThan(34)
    await page.getByTestId('mode-large-text').tap()
    await page.getByTestId('mode-high-contrast').tap()
    expect(await size()).toBeGreaterThanOrEqual(34)
    await expect(page.locator('html')).toHaveClass(/high-contrast/)
    await page.getByTestId('nav-home').tap()
    await page.getByTestId('start-over-confirm').tap()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await expect(page.getByTestId('mode-large-text')).toHaveAttribute('aria-pressed', 'false')
    await expect(page.getByTestId('mode-high-contrast')).toHaveAttribute('aria-pressed', 'false')
    await expect(page.locator('html')).not.toHaveClass(/high-contrast|text-large/)
  })

  for (const highContrast of [false, true]) {
    test(`axe, with AAA enhanced contrast, and 64 px targets on every screen${highContrast ? ' in high contrast' : ''}`, async ({
      page,
    }) => {
      test.setTimeout(300_000)
      await page.addInitScript(() => (window.print = () => {}))
      await installFakeSpeech(page, EVERY_VOICE)
      await openKiosk(page)
      if (highContrast) await page.getByTestId('mode-high-contrast').tap()
      const check = async (name: string) => {
        expect(await enhancedAccessibilityViolations(page), `axe on ${name}`).toEqual([])
        expect(await undersizedTargets(page), `targets on ${name}`).toEqual([])
      }
      await check('attract')
      await page.getByTestId('start').tap()
      await check('language')
      await page.getByTestId('lang-ar').tap()
      for (const screen of CONTENT_SCREENS) {
        await page.getByTestId(`progress-${screen}`).tap()
        await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
        await check(screen)
      }
      // The print outcome's dialog, with its code to scan (a browser print cannot be confirmed).
      await page.getByTestId('print-handout').tap()
      await page.getByTestId('print-confirm').tap()
      await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'unconfirmed')
      await check('print status')
      await page.getByTestId('print-status-close').tap()
      await page.getByTestId('visit-done').tap()
      await expect(page.getByTestId('screen-done')).toBeVisible()
      await check('done')
    })
  }

  test('in forced colours the progress keeps its state: a tick on done sections, the current one marked', async ({
    page,
  }) => {
    await page.emulateMedia({ forcedColors: 'active' })
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await page.getByTestId('progress-during').tap()
    await expect(page.getByTestId('progress-about').locator('svg')).toBeVisible()
    await expect(page.getByTestId('progress-during')).toHaveAttribute('aria-current', 'step')
    await expect(page.getByTestId('progress-during').locator('svg')).toHaveCount(0)
    const bar = (id: string) =>
      page.getByTestId(id).evaluate((element) => parseFloat(getComputedStyle(element).borderTopWidth))
    expect(await bar('progress-during')).toBeGreaterThan(await bar('progress-prevention'))
  })
})

test.describe('finding your way', () => {
  test('"When to see a doctor" is one tap away from every other content screen, and the progress jumps anywhere', async ({
    page,
  }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    for (const screen of CONTENT_SCREENS.filter((screen) => screen !== 'doctor')) {
      await page.getByTestId(`progress-${screen}`).tap()
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      await expect(page.getByTestId(`progress-${screen}`)).toHaveAttribute('aria-current', 'step')
      await page.getByTestId('nav-doctor').tap()
      await expect(page.getByTestId('screen-doctor')).toBeVisible()
      await expect(page.getByTestId('emergency-tier')).toBeInViewport({ ratio: 1 })
    }
    await expect(page.getByTestId('nav-doctor')).toHaveCount(0)
  })

  test('More stands where Next will be, and Back and swipes turn the pages of a paged screen before its screens', async ({
    page,
  }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await page.getByTestId('mode-large-text').tap()
    const about = page.getByTestId('screen-about')
    await expect(about.locator('.paged')).toHaveAttribute('data-settled', 'true')
    expect(Number(await about.getAttribute('data-pages')), 'larger text pages the first lesson').toBeGreaterThan(1)
    await expect(page.getByTestId('nav-next')).toHaveCount(0)
    await expect(page.getByTestId('page-position')).toHaveText(`Page 1 of ${await about.getAttribute('data-pages')}`)
    await swipe(page, 'left')
    await expect(about).toHaveAttribute('data-page', '2')
    await swipe(page, 'right')
    await expect(about).toHaveAttribute('data-page', '1')
    await page.getByTestId('page-more').tap()
    await expect(about).toHaveAttribute('data-page', '2')
    await page.getByTestId('nav-back').tap()
    await expect(about).toHaveAttribute('data-page', '1')
    await goNext(page)
    await expect(page.getByTestId('screen-causes')).toBeVisible()
  })

  test('a cause card opens over the screen: no other card moves, and the opened text is in view', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await page.getByTestId('progress-causes').tap()
    await expect(page.getByTestId('cause-fluids')).toBeVisible()
    const boxes = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="cause-"][aria-haspopup]')].map((card) => {
          const { x, y, width, height } = card.getBoundingClientRect()
          return { x, y, width, height }
        }),
      )
    const before = await boxes()
    expect(before).toHaveLength(CAUSE_CARDS.length)
    await page.getByTestId('cause-medicines').tap()
    await expect(page.getByTestId('cause-panel')).toBeVisible()
    await expect(page.getByTestId('medicines-action')).toBeInViewport({ ratio: 1 })
    await expect(page.getByTestId('cause-medicines')).toHaveAttribute('aria-expanded', 'true')
    expect(await boxes()).toEqual(before)
    await page.getByTestId('cause-panel-close').tap()
    await expect(page.getByTestId('cause-panel')).toHaveCount(0)
    expect(await boxes()).toEqual(before)
  })

  test('the welcome screen never repeats the start button’s words, and the language screen has only Back', async ({
    page,
  }) => {
    await page.clock.install()
    await openKiosk(page)
    const start = (await page.getByTestId('start').textContent())!.trim()
    for (let turn = 0; turn < 8; turn++) {
      await expect(page.getByTestId('attract-invitation')).not.toHaveText(start)
      await page.clock.runFor(3000)
    }
    await page.getByTestId('start').tap()
    await expect(page.getByTestId('screen-language')).toBeVisible()
    await expect(page.getByTestId('nav-next')).toHaveCount(0)
    await expect(page.getByTestId('nav-home')).toHaveCount(0)
    await page.getByTestId('nav-back').tap()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
  })

  test('"I\'m done" thanks the visitor, then the kiosk is back on the welcome screen for the next one', async ({
    page,
  }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-es').tap()
    await page.getByTestId('selfcheck-over60').count()
    await page.getByTestId('progress-handout').tap()
    await page.getByTestId('visit-done').tap()
    await expect(page.getByTestId('screen-done')).toBeVisible()
    await expect(page.getByTestId('screen-attract')).toBeVisible({ timeout: 60_000 })
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })
})

test.describe('keyboard and dialogs', () => {
  test('dialogs keep the focus inside and close on Escape', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await page.getByTestId('nav-home').click()
    const dialog = page.getByTestId('start-over-dialog')
    await expect(dialog).toBeVisible()
    await expect(page.getByTestId('start-over-cancel')).toBeFocused()
    for (let press = 0; press < 5; press++) {
      await page.keyboard.press('Tab')
      expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true)
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)
    await expect(page.getByTestId('screen-about')).toBeVisible()

    await page.getByTestId('progress-causes').tap()
    await page.getByTestId('cause-age').click()
    await expect(page.getByTestId('cause-panel-close')).toBeFocused()
    await page.keyboard.press('Tab')
    expect(await page.getByTestId('cause-panel').evaluate((element) => element.contains(document.activeElement))).toBe(
      true,
    )
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('cause-panel')).toHaveCount(0)
    await expect(page.getByTestId('cause-age')).toBeFocused()
  })

  test('the focus ring shows on every control, with a colour at least 3:1 against what is behind it', async ({
    page,
  }) => {
    await openKiosk(page)
    const ringContrast = () =>
      page.evaluate(() => {
        const luminance = (color: string) => {
          const [r, g, b] = color
            .match(/[\d.]+/g)!
            .slice(0, 3)
            .map(Number)
            .map((c) => c / 255)
          const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
          return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!)
        }
        const contrast = (a: string, b: string) => {
          const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
          return (hi! + 0.05) / (lo! + 0.05)
        }
        const element = document.activeElement as HTMLElement
        const style = getComputedStyle(element)
        let behind: Element | null = element.parentElement
        while (behind && getComputedStyle(behind).backgroundColor.match(/rgba\(.*, 0\)|transparent/))
          behind = behind.parentElement
        const background = behind ? getComputedStyle(behind).backgroundColor : 'rgb(255, 255, 255)'
        const ring = [style.outlineColor, style.boxShadow.match(/rgba?\([^)]*\)/)?.[0] ?? style.outlineColor]
        return {
          id: element.dataset.testid ?? element.tagName,
          width: parseFloat(style.outlineWidth),
          best: Math.max(...ring.map((color) => contrast(color, background))),
        }
      })
    const walk = async (stops: number) => {
      for (let press = 0; press < stops; press++) {
        await page.keyboard.press('Tab')
        const ring = await ringContrast()
        expect(ring.width, `outline on ${ring.id}`).toBeGreaterThanOrEqual(3)
        expect(ring.best, `ring contrast on ${ring.id}`).toBeGreaterThanOrEqual(3)
      }
    }
    await walk(6)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-en').tap()
    await page.getByTestId('progress-selfcheck').tap()
    await walk(14)
  })
})
