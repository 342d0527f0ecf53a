import type { Page } from '@playwright/test'
import { expect } from './fixtures'

/** The staff PIN the staff specs set up on their stand-in kiosk. */
export const STAFF_PIN = '24681357'

/**
 * Five quick taps on the hidden corner, as staff do: the PIN pad opens. The five must fall within 3 s, so
 * they go straight to the corner's place (no wait for actionability between them), and a busy machine
 * that stretched them past 3 s gets another five.
 */
export async function openStaffMode(page: Page): Promise<void> {
  const corner = page.getByTestId('staff-corner')
  await expect(async () => {
    const box = (await corner.boundingBox())!
    for (let tap = 0; tap < 5; tap++) await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2)
    await expect(page.getByTestId('screen-staff-pin')).toBeVisible({ timeout: 10_000 })
  }).toPass({ timeout: 90_000 })
}

/** Types a PIN on the pad and presses OK. */
export async function typePin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByTestId(`pin-key-${digit}`).tap()
  await page.getByTestId('pin-ok').tap()
}

/** Opens staff mode and signs in with the staff PIN: the settings screen shows. */
export async function signIn(page: Page): Promise<void> {
  await openStaffMode(page)
  await typePin(page, STAFF_PIN)
  await expect(page.getByTestId('screen-staff')).toBeVisible()
}
