import type { Page } from '@playwright/test'
import { DEFAULT_CONFIG } from '../../electron/default-config'
import { PRINT_COOLDOWN_SECONDS } from '../../electron/print-allowance'
import { expect, openKiosk, test, walkTo } from './fixtures'
import { wireToMainProcess } from './main-process'
import { readPdf, squeezed } from './pdf'

/** Opens the kiosk and walks to the handout screen in English with two self-check choices. */
async function reachHandout(page: Page): Promise<void> {
  await openKiosk(page)
  await visitHandout(page)
}

/** From the welcome screen, walks to the handout screen in English with two self-check choices. */
async function visitHandout(page: Page): Promise<void> {
  await page.getByTestId('attract-lang-en').tap()
  await walkTo(page, 'about', 'selfcheck')
  await page.getByTestId('selfcheck-pregnant').tap()
  await page.getByTestId('selfcheck-wakes').tap()
  await walkTo(page, 'selfcheck', 'handout')
}

/** Closes the last outcome's status dialog, if open, then prints (button, then the confirmation). */
async function printOnce(page: Page): Promise<void> {
  const close = page.getByTestId('print-status-close')
  if (await close.isVisible()) {
    await close.tap()
    await expect(page.getByTestId('print-status-dialog')).toHaveCount(0)
  }
  await page.getByTestId('print-handout').tap()
  await expect(page.getByTestId('print-dialog')).toBeVisible()
  await page.getByTestId('print-confirm').tap()
}

test.describe('printing in web mode (window.print)', () => {
  test.beforeEach(async ({ page }) => {
    // The browser's print dialog stands in for the printer: count what reaches it.
    await page.addInitScript(() => {
      Object.assign(window, { printed: 0 })
      window.print = () => void (window as unknown as { printed: number }).printed++
    })
    await page.clock.install()
  })

  test('prints after the visitor confirms, then holds the cool-down and the per-visitor limit until start over', async ({
    page,
    problems,
  }) => {
    const printed = () => page.evaluate(() => (window as unknown as { printed: number }).printed)
    await reachHandout(page)
    const status = page.getByTestId('print-status')

    await page.getByTestId('print-handout').tap()
    await page.getByTestId('print-cancel').tap()
    await expect(page.getByTestId('print-dialog')).toHaveCount(0)
    expect(await printed()).toBe(0)

    await printOnce(page)
    await expect(status).toHaveAttribute('data-state', 'unconfirmed')
    // A browser does not say whether its dialog printed or was cancelled: the visitor is told how to check.
    await expect(status).toHaveText('The print window has closed. If nothing printed, please ask at the front desk.')
    await expect(page.getByTestId('print-status-qr'), 'the code to scan, in the dialog itself').toBeVisible()
    expect(await printed()).toBe(1)

    await printOnce(page)
    await expect(status).toHaveAttribute('data-state', 'limit')
    await expect(status).toHaveText('Please wait a moment, then try again.')
    expect(await printed()).toBe(1)

    await page.clock.runFor(PRINT_COOLDOWN_SECONDS * 1000)
    await printOnce(page)
    await expect(status).toHaveAttribute('data-state', 'unconfirmed')
    await page.clock.runFor(PRINT_COOLDOWN_SECONDS * 1000)
    await printOnce(page)
    await expect(status).toHaveAttribute('data-state', 'limit')
    await expect(status).toContainText('Please ask at the front desk')
    expect(await printed()).toBe(DEFAULT_CONFIG.printsPerVisitor)

    await page.getByTestId('print-status-close').tap()
    await page.getByTestId('nav-home').tap()
    await page.getByTestId('start-over-confirm').tap()
    await visitHandout(page)
    await expect(page.getByTestId('print-status-dialog'), 'the last visitor’s outcome is gone').toHaveCount(0)
    await printOnce(page)
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'unconfirmed')
    expect(await printed()).toBe(DEFAULT_CONFIG.printsPerVisitor + 1)
    expect(problems).toEqual([])
  })

  test('a print dialog that fails shows the printer error and the code to scan, and the button works again', async ({
    page,
    problems,
  }) => {
    await page.addInitScript(() => {
      window.print = () => {
        throw new Error('No printing here')
      }
    })
    await reachHandout(page)
    await printOnce(page)
    const status = page.getByTestId('print-status')
    await expect(status).toHaveAttribute('data-state', 'error')
    await expect(status).toHaveText('The printer is not working. Please ask at the front desk.')
    await expect(page.getByTestId('print-status-qr')).toBeVisible()
    await page.getByTestId('print-status-close').tap()
    await expect(page.getByTestId('print-status-dialog')).toHaveCount(0)
    await expect(page.getByTestId('print-handout')).toBeEnabled()
    expect(problems).toEqual([])
  })

  test('a kiosk set to print nothing shows no print button, only the code to scan', async ({ page }) => {
    await page.route('**/kiosk-config.json', (route) => route.fulfill({ json: { printsPerVisitor: 0 } }))
    await reachHandout(page)
    await expect(page.getByTestId('print-handout')).toHaveCount(0)
    await expect(page.getByTestId('print-qr')).toBeVisible()
    await expect(page.getByTestId('screen-handout')).toContainText('This kiosk does not print.')
  })
})

test.describe('printing through the main process', () => {
  test('prints the visitor’s own handout from the hidden handout page', async ({ page, baseURL }, testInfo) => {
    const printed: Buffer[] = []
    await wireToMainProcess(page, baseURL!, { settings: { clinicName: 'Eastside Family Clinic' }, printed })
    await reachHandout(page)
    await printOnce(page)
    await expect(page.getByTestId('print-status')).toHaveAttribute('data-state', 'done', { timeout: 20_000 })
    expect(printed).toHaveLength(1)
    const pdf = await readPdf(printed[0]!, testInfo.outputPath('printed-en.pdf'))
    const text = squeezed(pdf.text)
    expect(text).toContain(squeezed('I am pregnant'))
    expect(text).toContain(squeezed('Cramps often wake me up'))
    expect(text).not.toContain(squeezed('I am over 60'))
    expect(text).toContain(squeezed('Eastside Family Clinic'))
    expect(pdf.pages).toBeLessThanOrEqual(2)
  })

  test('a printer that is not there shows the error with the code to scan', async ({ page, baseURL }) => {
    await wireToMainProcess(page, baseURL!, { settings: { printerName: 'Front_Desk' }, printers: [] })
    await reachHandout(page)
    await expect(page.getByTestId('print-qr'), 'the code to scan is always beside the pages').toBeVisible()
    await printOnce(page)
    const status = page.getByTestId('print-status')
    await expect(status).toHaveAttribute('data-state', 'error')
    await expect(status).toHaveText('The printer is not working. Please ask at the front desk.')
    await expect(page.getByTestId('print-status-qr')).toBeVisible()
  })
})
