import {
  accessibilityViolations,
  enhancedAccessibilityViolations,
  expect,
  openKiosk,
  saveScreenshot,
  SCREEN_SIZES,
  test,
  undersizedTargets,
} from './fixtures'
import type { HandoutSpec } from '../../electron/contract'
import { HANDOUT_READY_SCRIPT, renderHandoutScript } from '../../electron/handout-spec'

test.describe('the kiosk shell in a browser', () => {
  test('loads without a single console error', async ({ page, problems }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await expect(page.getByTestId('screen-language')).toBeVisible()
    expect(problems).toEqual([])
  })

  test('a visitor touches start and reaches the language screen', async ({ page }) => {
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await expect(page.getByTestId('screen-language')).toBeVisible()
    await expect(page.getByTestId('screen-attract')).toHaveCount(0)
  })

  test('choosing a language changes the words on screen and <html lang> at once', async ({ page }) => {
    await openKiosk(page)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-es').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('¿Qué es un calambre de noche en la pierna?')
    await page.getByTestId('nav-back').tap()
    await expect(page.getByTestId('lang-es')).toHaveAttribute('aria-pressed', 'true')
    await page.getByTestId('lang-en').tap()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is a night leg cramp?')
  })

  test('the app itself never trips the Content-Security-Policy, on the kiosk page or the handout page', async ({
    page,
  }) => {
    await page.addInitScript(() => {
      const seen: string[] = []
      Object.assign(window, { cspViolations: seen })
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      )
    })
    const violations = () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)
    await openKiosk(page)
    await page.getByTestId('start').tap()
    await page.getByTestId('lang-es').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    expect(await violations()).toEqual([])
    await page.goto('/handout.html')
    expect(await page.evaluate(HANDOUT_READY_SCRIPT)).toBe(true)
    const spec: HandoutSpec = {
      locale: 'es',
      chosen: ['over60'],
      paperSize: 'A4',
      secondLocale: 'zh-Hans',
      clinicName: '',
      clinicPhone: '',
      emergencyNumber: '',
    }
    expect(await page.evaluate(renderHandoutScript(spec))).toBe(true)
    expect(await violations()).toEqual([])
  })

  test('the Content-Security-Policy blocks an injected inline script', async ({ page }) => {
    await openKiosk(page)
    const outcome = await page.evaluate(
      () =>
        new Promise<{ injectedRan: boolean; violated: string }>((resolve) => {
          document.addEventListener('securitypolicyviolation', (event) =>
            resolve({
              injectedRan: (window as unknown as { __injected?: boolean }).__injected === true,
              violated: event.effectiveDirective,
            }),
          )
          const script = document.createElement('script')
          script.textContent = 'window.__injected = true'
          document.body.append(script)
          setTimeout(
            () =>
              resolve({
                injectedRan: (window as unknown as { __injected?: boolean }).__injected === true,
                violated: 'none',
              }),
            2000,
          )
        }),
    )
    expect(outcome).toEqual({ injectedRan: false, violated: 'script-src-elem' })
  })

  for (const size of SCREEN_SIZES) {
    test(`every control is touch-sized at ${size.name} ${size.width}x${size.height}`, async ({ page }) => {
      await page.setViewportSize(size)
      await openKiosk(page)
      expect(await undersizedTargets(page)).toEqual([])
      await saveScreenshot(page, `foundation-attract-${size.name}`)
      await page.getByTestId('start').tap()
      await expect(page.getByTestId('screen-language')).toBeVisible()
      expect(await undersizedTargets(page)).toEqual([])
      await saveScreenshot(page, `foundation-language-${size.name}`)
    })
  }
})

test('the accessibility checks notice what they look for: a nameless button, low contrast, and AAA contrast apart', async ({
  page,
}) => {
  await openKiosk(page)
  expect(await accessibilityViolations(page)).toEqual([])
  await page.evaluate(() => {
    const faint = Object.assign(document.createElement('p'), { id: 'planted-faint', textContent: 'Faint words' })
    // #767676 on white is 4.5:1: AA passes, AAA (7:1) does not.
    faint.style.cssText =
      'position: fixed; inset: 0 auto auto 0; z-index: 10; color: #767676; background: #fff; font-size: 16px'
    const nameless = Object.assign(document.createElement('button'), { id: 'planted-nameless' })
    document.querySelector('main')!.append(faint, nameless)
  })
  expect(await accessibilityViolations(page)).toEqual(['button-name: #planted-nameless'])
  expect(await enhancedAccessibilityViolations(page)).toEqual([
    'button-name: #planted-nameless',
    'color-contrast-enhanced: #planted-faint',
  ])
})
