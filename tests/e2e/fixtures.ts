import { test as base, expect, type Page } from '@playwright/test'

/** The two screens the kiosk is built for. */
export const SCREEN_SIZES = [
  { name: 'landscape', width: 1920, height: 1080 },
  { name: 'portrait', width: 1080, height: 1920 },
] as const

/**
 * A test whose page records every console error and uncaught exception; the
 * `problems` fixture holds them so a test can assert there were none.
 */
export const test = base.extend<{ problems: string[] }>({
  problems: async ({ page }, use) => {
    const problems: string[] = []
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
    await use(problems)
  },
})

export { expect }

/** Opens the kiosk and waits for the welcome screen. */
export async function openKiosk(page: Page): Promise<void> {
  await page.goto('/')
  await expect(page.getByTestId('screen-attract')).toBeVisible()
}

/** Writes a screenshot as a test artifact (test-results/screenshots, not committed). */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `test-results/screenshots/${name}.png` })
}

/** Interactive elements smaller than 64x64 CSS px on the current screen. */
export async function undersizedTargets(page: Page): Promise<string[]> {
  return page.$$eval('button, a[href], [role="button"], input, select', (elements) =>
    elements
      .filter((element) => {
        const box = element.getBoundingClientRect()
        return box.width > 0 && (box.width < 64 || box.height < 64)
      })
      .map((element) => element.getAttribute('data-testid') ?? element.outerHTML.slice(0, 80)),
  )
}
