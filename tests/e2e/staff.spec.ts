import { MAX_PIN_ATTEMPTS } from '../../electron/main/staff-access'
import { hashPin } from '../../electron/main/pin-hash'
import { localDay } from '../../electron/main/usage-counters'
import {
  accessibilityViolations,
  expect,
  openKiosk,
  saveScreenshot,
  SCREEN_SIZES,
  test,
  undersizedTargets,
  walkTo,
} from './fixtures'
import { installFakeSpeech, WINDOWS_LIKE_VOICES } from './fake-speech'
import { wireToMainProcess } from './main-process'
import { openStaffMode, STAFF_PIN, typePin } from './staff-sign-in'

const PIN = STAFF_PIN

test.describe('staff mode, wired to the main process', () => {
  test('first run: set a PIN, make Spanish the default and the idle timeout 30 s; after an idle reset the welcome screen is in Spanish', async ({
    page,
    baseURL,
    problems,
  }) => {
    const main = await wireToMainProcess(page, baseURL!)
    await page.clock.install()
    await openKiosk(page)
    await openStaffMode(page)
    await expect(page.getByTestId('pin-prompt')).toContainText('No staff PIN is set yet')
    await typePin(page, '1234')
    await expect(page.getByTestId('pin-message')).toHaveText('A PIN has 6 to 12 digits.')
    await typePin(page, PIN)
    await expect(page.getByTestId('pin-prompt')).toHaveText('Enter the same PIN again.')
    await typePin(page, PIN)

    await expect(page.getByTestId('screen-staff')).toBeVisible()
    await expect(page.getByTestId('staff-language-es')).toContainText('Machine draft')
    await page.getByTestId('staff-default-es').check()
    await page.getByTestId('staff-idle-timeout').fill('30')
    await page.getByTestId('staff-save').tap()
    await expect(page.getByTestId('staff-message')).toHaveText('Saved. The kiosk uses the new settings now.')
    expect(main.store.config()).toMatchObject({ defaultLocale: 'es', idleTimeoutSeconds: 30 })

    await page.getByTestId('staff-exit').tap()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await page.getByTestId('attract-lang-en').tap()
    await expect(page.getByTestId('screen-about')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await page.clock.runFor(31_000)
    await expect(page.getByTestId('idle-warning')).toBeVisible()
    await page.clock.runFor(21_000)
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await expect(page.locator('html')).toHaveAttribute('lang', 'es')
    await expect(page.getByTestId('start')).toHaveText('Toque para empezar')
    expect(problems).toEqual([])
  })

  test('a broken PIN file keeps staff mode closed: the corner says staff access needs resetting, and offers no PIN setup', async ({
    page,
    baseURL,
  }) => {
    const main = await wireToMainProcess(page, baseURL!, { staffPin: { fileText: '{"version": 1, "pin": {"algo' } })
    await openKiosk(page)
    await openStaffMode(page)
    await expect(page.getByTestId('pin-prompt')).toHaveText(
      'Staff sign-in is closed: staff access needs resetting on this machine. Ask your IT team.',
    )
    await expect(page.getByTestId('pin-key-1')).toHaveCount(0)
    await expect(page.getByTestId('pin-ok')).toHaveCount(0)
    expect(main.staff.isOpen()).toBe(false)
    await page.getByTestId('pin-cancel').tap()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
  })

  test('a settings file saved by a Windows editor with a byte order mark and a comment keeps the PIN and every valid setting', async ({
    page,
    baseURL,
  }) => {
    await wireToMainProcess(page, baseURL!, {
      staffPin: { pin: PIN },
      configFileText: `\ufeff${JSON.stringify({ version: 2, comment: 'front desk', settings: { defaultLocale: 'es', paperSize: 'A3' } })}`,
    })
    await openKiosk(page)
    await expect(page.getByTestId('start')).toHaveText('Toque para empezar')
    await openStaffMode(page)
    await expect(page.getByTestId('pin-prompt')).toHaveText('Enter the staff PIN.')
    await typePin(page, PIN)
    await expect(page.getByTestId('screen-staff')).toBeVisible()
  })

  test('a value out of range is named and not saved', async ({ page, baseURL }) => {
    const main = await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await openKiosk(page)
    await openStaffMode(page)
    await typePin(page, PIN)
    await page.getByTestId('staff-idle-timeout').fill('5')
    await page.getByTestId('staff-save').tap()
    await expect(page.getByTestId('staff-message')).toContainText('idleTimeoutSeconds')
    expect(main.store.config().idleTimeoutSeconds).toBe(90)
  })

  test('staff set the daily restart and the opening hours with selects; the update folder shows, read-only', async ({
    page,
    baseURL,
  }) => {
    const main = await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await openKiosk(page)
    await openStaffMode(page)
    await typePin(page, PIN)
    await expect(page.getByTestId('staff-update-url')).toHaveText('Updates are off')
    await page.getByTestId('staff-restart-time').selectOption('04:00')
    await page.getByTestId('staff-open-sun').uncheck()
    await page.getByTestId('staff-opens-mon').selectOption('09:00')
    await page.getByTestId('staff-closes-mon').selectOption('17:30')
    // A later opening than the closing moves the closing along, so the day always closes after it opens.
    await page.getByTestId('staff-opens-tue').selectOption('23:30')
    await expect(page.getByTestId('staff-closes-tue')).toHaveValue('24:00')
    await page.getByTestId('staff-hours-sun').scrollIntoViewIfNeeded()
    await saveScreenshot(page, 'staff-schedule')
    await page.getByTestId('staff-save').tap()
    await expect(page.getByTestId('staff-message')).toHaveText('Saved. The kiosk uses the new settings now.')
    expect(main.store.config()).toMatchObject({
      dailyRestartTime: '04:00',
      openingHours: {
        sun: null,
        mon: { opens: '09:00', closes: '17:30' },
        tue: { opens: '23:30', closes: '24:00' },
        sat: { opens: '00:00', closes: '24:00' },
      },
    })
  })

  test('staff see which languages have no voice, and set reading aloud: the volume and speed are saved, and off hides Listen from visitors', async ({
    page,
    baseURL,
  }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    const main = await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await openKiosk(page)
    await expect(page.getByTestId('speech-listen')).toBeVisible()
    await openStaffMode(page)
    await typePin(page, PIN)
    await expect(page.getByTestId('staff-language-tl').getByTestId('staff-no-voice')).toHaveText(
      'No voice for this language on this kiosk, so its Listen button is hidden',
    )
    await expect(page.getByTestId('staff-language-en').getByTestId('staff-no-voice')).toHaveCount(0)
    await page.getByTestId('staff-speech-volume').selectOption('1')
    await page.getByTestId('staff-speech-rate').selectOption({ label: 'Slower' })
    await page.getByTestId('staff-save').tap()
    await expect(page.getByTestId('staff-message')).toHaveText('Saved. The kiosk uses the new settings now.')
    expect(main.store.config()).toMatchObject({ speechEnabled: true, speechVolume: 1, speechRate: 0.8 })
    await page.getByTestId('staff-speech').uncheck()
    await expect(page.getByTestId('staff-no-voice'), 'no voice matters only while speech is on').toHaveCount(0)
    await page.getByTestId('staff-save').tap()
    await expect.poll(() => main.store.config().speechEnabled).toBe(false)
    await page.getByTestId('staff-exit').tap()
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    await expect(page.getByTestId('mode-large-text')).toBeVisible()
    await expect(page.getByTestId('speech-listen')).toHaveCount(0)
  })

  test('Cancel on the change-PIN pad goes back to the settings, and the old PIN stands', async ({ page, baseURL }) => {
    await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await openKiosk(page)
    await openStaffMode(page)
    await typePin(page, PIN)
    await page.getByTestId('staff-change-pin').tap()
    await expect(page.getByTestId('pin-prompt')).toHaveText('Choose a staff PIN of 6 to 12 digits.')
    await page.getByTestId('pin-key-1').tap()
    await page.getByTestId('pin-cancel').tap()
    await expect(page.getByTestId('screen-staff')).toBeVisible()
    await page.getByTestId('staff-exit').tap()
    await openStaffMode(page)
    await typePin(page, PIN)
    await expect(page.getByTestId('screen-staff')).toBeVisible()
  })

  test("with a PIN provisioned by the clinic's IT: no first-run setup, sign-in works, and Change PIN is not offered", async ({
    page,
    baseURL,
  }) => {
    await wireToMainProcess(page, baseURL!, { provisioning: { settings: {}, staffPin: await hashPin(PIN) } })
    await openKiosk(page)
    await openStaffMode(page)
    await expect(page.getByTestId('pin-prompt')).toHaveText('Enter the staff PIN.')
    await typePin(page, PIN)
    await expect(page.getByTestId('screen-staff')).toBeVisible()
    await expect(page.getByTestId('staff-pin-managed')).toHaveText("The staff PIN is set by the clinic's IT.")
    await expect(page.getByTestId('staff-change-pin')).toHaveCount(0)
  })

  test(`${MAX_PIN_ATTEMPTS} wrong PINs lock staff entry, even for the right PIN`, async ({ page, baseURL }) => {
    await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await openKiosk(page)
    await openStaffMode(page)
    for (let attempt = 1; attempt < MAX_PIN_ATTEMPTS; attempt++) {
      await typePin(page, '11111111')
      await expect(page.getByTestId('pin-message')).toContainText(`${MAX_PIN_ATTEMPTS - attempt}`)
    }
    await typePin(page, '11111111')
    await expect(page.getByTestId('pin-message')).toHaveText('Too many wrong PINs. Try again in 5 min.')
    await typePin(page, PIN)
    await expect(page.getByTestId('pin-message')).toHaveText('Too many wrong PINs. Try again in 5 min.')
    await expect(page.getByTestId('screen-staff')).toHaveCount(0)
    await page.getByTestId('pin-cancel').tap()
    await openStaffMode(page)
    await expect(page.getByTestId('pin-message')).toContainText('Too many wrong PINs')
  })

  test('the usage chart shows the visits the test made', async ({ page, baseURL }) => {
    const main = await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await openKiosk(page)
    for (let visit = 0; visit < 3; visit++) {
      await page.getByTestId('attract-lang-vi').tap()
      await walkTo(page, 'about', 'causes')
      await page.getByTestId('nav-home').tap()
      await page.getByTestId('start-over-confirm').tap()
      await expect(page.getByTestId('screen-attract')).toBeVisible()
    }
    await openStaffMode(page)
    await typePin(page, PIN)
    await page.getByTestId('staff-usage').tap()
    await expect(page.getByTestId('screen-staff-usage')).toBeVisible()
    const today = localDay(Date.now())
    await expect(page.getByTestId(`usage-day-${today}`)).toContainText('3')
    await expect(page.getByTestId('usage-sessions-chart')).toHaveAttribute('aria-label', /: 3$/)
    expect(main.counters.days()[today]).toMatchObject({
      sessionsStarted: 3,
      'sessions.vi': 3,
      'furthest.causes': 3,
      staffLogins: 1,
    })
  })

  test('staff mode leaves by itself after two minutes without a touch', async ({ page, baseURL }) => {
    const main = await wireToMainProcess(page, baseURL!, { staffPin: { pin: PIN } })
    await page.clock.install()
    await openKiosk(page)
    await openStaffMode(page)
    await typePin(page, PIN)
    await expect(page.getByTestId('screen-staff')).toBeVisible()
    await page.clock.runFor(100_000)
    await expect(page.getByTestId('screen-staff')).toBeVisible()
    await expect(page.getByTestId('idle-warning')).toHaveCount(0)
    await page.clock.runFor(25_000)
    await expect(page.getByTestId('screen-attract')).toBeVisible()
    expect(main.staff.isOpen()).toBe(false)
  })
})

test('a 5-second press on the corner opens the PIN pad too; a shorter one does not', async ({ page, baseURL }) => {
  await wireToMainProcess(page, baseURL!)
  await page.clock.install()
  await openKiosk(page)
  const corner = (await page.getByTestId('staff-corner').boundingBox())!
  await page.mouse.move(corner.x + corner.width / 2, corner.y + corner.height / 2)
  await page.mouse.down()
  await page.clock.runFor(3_000)
  await page.mouse.up()
  await page.clock.runFor(3_000)
  await expect(page.getByTestId('screen-staff-pin')).toHaveCount(0)
  await page.mouse.down()
  await page.clock.runFor(5_000)
  await expect(page.getByTestId('screen-staff-pin')).toBeVisible()
  await page.mouse.up()
})

test('a plain browser has no staff mode: the corner is not there', async ({ page }) => {
  await openKiosk(page)
  await expect(page.getByTestId('staff-corner')).toHaveCount(0)
})

for (const size of SCREEN_SIZES) {
  for (const clinicLocale of ['ar', 'ur'] as const) {
    test(`the "staff access needs resetting" screen at ${size.name} in ${clinicLocale} passes axe and reads right to left`, async ({
      page,
      baseURL,
    }) => {
      await page.setViewportSize(size)
      await wireToMainProcess(page, baseURL!, { settings: { clinicLocale }, staffPin: { fileText: 'not json' } })
      await openKiosk(page)
      await openStaffMode(page)
      await expect(page.getByTestId('screen-staff-pin')).toHaveAttribute('dir', 'rtl')
      await expect(page.getByTestId('pin-key-1')).toHaveCount(0)
      expect(await accessibilityViolations(page)).toEqual([])
      expect(await undersizedTargets(page)).toEqual([])
      await saveScreenshot(page, `staff-reset-needed-${clinicLocale}-${size.name}`)
    })
  }
}

for (const size of SCREEN_SIZES) {
  test(`staff screens at ${size.name} pass axe, have touch-sized controls, and read right to left in an Arabic clinic`, async ({
    page,
    baseURL,
  }) => {
    await page.setViewportSize(size)
    await wireToMainProcess(page, baseURL!, { settings: { clinicLocale: 'ar' }, staffPin: { pin: PIN } })
    await openKiosk(page)
    await openStaffMode(page)
    await expect(page.getByTestId('screen-staff-pin')).toHaveAttribute('dir', 'rtl')
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await undersizedTargets(page)).toEqual([])
    await saveScreenshot(page, `staff-pin-ar-${size.name}`)
    await typePin(page, PIN)
    await expect(page.getByTestId('screen-staff')).toHaveAttribute('dir', 'rtl')
    expect(await accessibilityViolations(page)).toEqual([])
    expect(await undersizedTargets(page)).toEqual([])
    await saveScreenshot(page, `staff-settings-ar-${size.name}`)
    await page.getByTestId('staff-usage').tap()
    await expect(page.getByTestId('screen-staff-usage')).toBeVisible()
    expect(await accessibilityViolations(page)).toEqual([])
    await saveScreenshot(page, `staff-usage-ar-${size.name}`)
  })
}
