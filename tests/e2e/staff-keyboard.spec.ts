import type { Locator, Page } from '@playwright/test'
import type { LocaleTag } from '../../electron/contract'
import {
  accessibilityViolations,
  expect,
  openKiosk,
  saveScreenshot,
  SCREEN_SIZES,
  test,
  undersizedTargets,
} from './fixtures'
import { wireToMainProcess } from './main-process'
import { signIn, STAFF_PIN } from './staff-sign-in'

/** A clinic kiosk in `clinicLocale`, wired to the main process, signed in on the settings screen. */
async function openSettings(page: Page, baseURL: string, clinicLocale: LocaleTag) {
  const main = await wireToMainProcess(page, baseURL, { settings: { clinicLocale }, staffPin: { pin: STAFF_PIN } })
  await openKiosk(page)
  await signIn(page)
  return main
}

/** Touches the on-screen keyboard's keys in turn, named as in a layout row: `{shift} C l i {space}`. */
async function touchKeys(page: Page, keys: string): Promise<void> {
  for (const key of keys.split(' ')) {
    await page.getByTestId('osk').locator(`[data-skbtn="${key}"]`).first().tap()
  }
}

/** The field being typed into shows whole, above the keyboard. */
async function expectFieldAboveKeyboard(page: Page, field: Locator): Promise<void> {
  await expect(field).toBeInViewport({ ratio: 1 })
  const fieldBox = (await field.boundingBox())!
  const keyboardBox = (await page.getByTestId('osk').boundingBox())!
  expect(fieldBox.y + fieldBox.height).toBeLessThanOrEqual(keyboardBox.y)
}

/** Keys whose label is wider than they are (the tall Arabic fonts' line boxes overflow in height, unseen). */
async function clippedKeys(page: Page): Promise<string[]> {
  return page
    .getByTestId('osk')
    .locator('button')
    .evaluateAll((keys) =>
      keys
        .filter((key) => key.scrollWidth > key.clientWidth + 1)
        .map((key) => key.getAttribute('data-skbtn') ?? key.textContent!),
    )
}

/** Leaves staff mode and signs in again, so the settings screen shows what main saved. */
async function reopenSettings(page: Page): Promise<void> {
  await page.getByTestId('staff-exit').tap()
  await expect(page.getByTestId('screen-attract')).toBeVisible()
  await signIn(page)
}

test.describe('the staff on-screen keyboard', () => {
  test('a Spanish clinic types its name with an accent on the keys, with shift, caps lock and backspace; it is saved', async ({
    page,
    baseURL,
    problems,
  }) => {
    const main = await openSettings(page, baseURL!, 'es')
    const name = page.getByTestId('staff-clinic-name')
    await expect(name).toHaveAttribute('inputmode', 'none')
    await name.tap()
    const keyboard = page.getByTestId('osk')
    await expect(keyboard).toHaveAttribute('data-layout', 'es')
    await expect(keyboard).toHaveAttribute('lang', 'es')
    await expect(page.getByTestId('staff-keyboard-done')).toHaveText('Listo')
    await expectFieldAboveKeyboard(page, name)
    // The Spanish acute (´) goes after its letter, as Unicode writes it; the field holds the one letter í.
    await touchKeys(page, '{shift} C l i \u0301 n i c a {space} {shift} S o l')
    await expect(name).toHaveValue('Clínica Sol')
    await touchKeys(page, '{lock} A B {lock} c')
    await expect(name).toHaveValue('Clínica SolABc')
    await touchKeys(page, '{bksp} {bksp} {bksp}')
    await expect(name).toHaveValue('Clínica Sol')
    // A physical keyboard still types there, and the keys go on from what it typed.
    await page.keyboard.type(' 22')
    await expect(name).toHaveValue('Clínica Sol 22')
    await touchKeys(page, '{bksp} {bksp} {bksp}')
    await expect(name).toHaveValue('Clínica Sol')
    await expect(name).toBeFocused()

    await page.getByTestId('staff-keyboard-done').tap()
    await expect(keyboard).toHaveCount(0)
    await page.getByTestId('staff-save').tap()
    await expect.poll(() => main.store.config().clinicName).toBe('Clínica Sol')
    await reopenSettings(page)
    await expect(page.getByTestId('staff-clinic-name')).toHaveValue('Clínica Sol')
    expect(problems).toEqual([])
  })

  test('an Arabic clinic types its name right to left, switches to English letters and back; it is saved', async ({
    page,
    baseURL,
    problems,
  }) => {
    const main = await openSettings(page, baseURL!, 'ar')
    const name = page.getByTestId('staff-clinic-name')
    await name.tap()
    const keyboard = page.getByTestId('osk')
    await expect(keyboard).toHaveAttribute('dir', 'rtl')
    await expect(keyboard).toHaveAttribute('data-layout', 'ar')
    expect(await name.evaluate((field) => getComputedStyle(field).direction)).toBe('rtl')
    await touchKeys(page, 'ع ي ا د ة {space} ا ل ن و ر')
    await expect(name).toHaveValue('عيادة النور')
    // Latin letters can always be typed: the language key switches to English and back.
    await expect(keyboard.locator('[data-skbtn="{lang}"]')).toHaveAttribute('aria-label', 'التبديل إلى الإنجليزية')
    await touchKeys(page, '{lang}')
    await expect(keyboard).toHaveAttribute('data-layout', 'en')
    await touchKeys(page, '{space} {shift} A')
    await expect(name).toHaveValue('عيادة النور A')
    await touchKeys(page, '{bksp} {bksp} {lang}')
    await expect(keyboard).toHaveAttribute('data-layout', 'ar')
    await expect(name).toHaveValue('عيادة النور')

    await page.getByTestId('staff-keyboard-done').tap()
    await expect(keyboard).toHaveCount(0)
    await page.getByTestId('staff-save').tap()
    await expect.poll(() => main.store.config().clinicName).toBe('عيادة النور')
    await reopenSettings(page)
    await expect(page.getByTestId('staff-clinic-name')).toHaveValue('عيادة النور')
    expect(problems).toEqual([])
  })

  test('the phone and emergency number are typed on the number pad', async ({ page, baseURL, problems }) => {
    const main = await openSettings(page, baseURL!, 'en')
    const phone = page.getByTestId('staff-clinic-phone')
    await expect(phone).toHaveAttribute('inputmode', 'none')
    await phone.tap()
    const keyboard = page.getByTestId('osk')
    await expect(keyboard).toHaveAttribute('data-layout', 'phone')
    const keys = await keyboard.locator('[data-skbtn]').evaluateAll((all) => all.map((key) => key.dataset.skbtn))
    expect(keys.sort()).toEqual(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '-', '(', ')', '{space}', '{bksp}', '{done}'].sort(),
    )
    await expectFieldAboveKeyboard(page, phone)
    await touchKeys(page, '+ 1 {space} ( 5 5 5 ) {space} 0 1 0 - 0 1 0 0 9 {bksp}')
    await expect(phone).toHaveValue('+1 (555) 010-0100')
    const emergency = page.getByTestId('staff-emergency-number')
    await emergency.tap()
    await expect(keyboard).toHaveAttribute('data-layout', 'phone')
    await expectFieldAboveKeyboard(page, emergency)
    await touchKeys(page, '9 9 9')
    await expect(emergency).toHaveValue('999')
    await page.getByTestId('staff-keyboard-done').tap()
    await expect(keyboard).toHaveCount(0)
    await page.getByTestId('staff-save').tap()
    await expect
      .poll(() => main.store.config())
      .toMatchObject({ clinicPhone: '+1 (555) 010-0100', emergencyNumber: '999' })
    expect(problems).toEqual([])
  })

  test('a Chinese clinic types pinyin and touches the characters it means', async ({ page, baseURL, problems }) => {
    await openSettings(page, baseURL!, 'zh-Hans')
    const name = page.getByTestId('staff-clinic-name')
    await name.tap()
    const candidates = page.getByTestId('staff-keyboard-candidate')
    await touchKeys(page, 'z h o n g')
    await expect(candidates.first()).toHaveText('中')
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await undersizedTargets(page)).toEqual([])
    await candidates.filter({ hasText: '中' }).tap()
    await expect(name).toHaveValue('中')
    await touchKeys(page, 'x i n')
    await candidates.filter({ hasText: '心' }).tap()
    await expect(name).toHaveValue('中心')
    await expect(candidates).toHaveCount(0)
    // More candidates than fit a row turn like pages.
    await touchKeys(page, 'y i')
    const first = await candidates.first().textContent()
    await page.getByTestId('staff-keyboard-more').tap()
    await expect(candidates.first()).not.toHaveText(first!)
    await candidates.first().tap()
    await expect(name).toHaveValue(/^中心.$/)
    expect(problems).toEqual([])
  })

  test('a Vietnamese clinic types "Phòng khám Đông Hòa" with the tone keys', async ({ page, baseURL, problems }) => {
    await openSettings(page, baseURL!, 'vi')
    const name = page.getByTestId('staff-clinic-name')
    await name.tap()
    await touchKeys(
      page,
      '{shift} P h {alt} ò n g {space} k h {alt} á m {space} {shift} Đ ô n g {space} {shift} H {alt} ò a',
    )
    await expect(name).toHaveValue('Phòng khám Đông Hòa')
    expect(problems).toEqual([])
  })

  for (const size of SCREEN_SIZES) {
    for (const clinicLocale of ['en', 'ar'] as const) {
      test(`with the keyboard open at ${size.name} in ${clinicLocale}: axe passes, keys are touch-sized, the field stays in view, Done closes it`, async ({
        page,
        baseURL,
        problems,
      }) => {
        await page.setViewportSize(size)
        await openSettings(page, baseURL!, clinicLocale)
        const keyboard = page.getByTestId('osk')
        for (const [field, layout] of [
          ['staff-clinic-name', clinicLocale],
          ['staff-clinic-phone', 'phone'],
        ] as const) {
          await page.getByTestId(field).tap()
          await expect(keyboard).toHaveAttribute('data-layout', layout)
          // A phone number reads left to right in every language, like its field: the pad's brackets do not mirror.
          await expect(keyboard).toHaveAttribute('dir', clinicLocale === 'ar' && layout !== 'phone' ? 'rtl' : 'ltr')
          await expectFieldAboveKeyboard(page, page.getByTestId(field))
          await expect(page.getByTestId('staff-save')).toBeInViewport({ ratio: 1 })
          expect(await accessibilityViolations(page)).toEqual([])
          const undersized = await undersizedTargets(page)
          expect(undersized).toEqual([])
          expect(await clippedKeys(page)).toEqual([])
          await saveScreenshot(page, `staff-keyboard-${layout}-${clinicLocale}-${size.name}`)
        }
        await page.getByTestId('staff-keyboard-done').tap()
        await expect(keyboard).toHaveCount(0)
        expect(problems).toEqual([])
      })
    }
  }
})
