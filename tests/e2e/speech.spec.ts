import type { Page } from '@playwright/test'
import { DEFAULT_CONFIG } from '../../electron/default-config'
import {
  accessibilityViolations,
  expect,
  goNext,
  JOURNEY,
  openKiosk,
  SCREEN_SIZES,
  tapOnItsPage,
  test,
  undersizedTargets,
  walkTo,
} from './fixtures'
import { finishUtterance, installFakeSpeech, speechLog, WINDOWS_LIKE_VOICES } from './fake-speech'

/** Starts a visit in a language from the welcome screen, on the about screen. */
async function startIn(page: Page, tag: string): Promise<void> {
  await openKiosk(page)
  await page.getByTestId(`attract-lang-${tag}`).tap()
  await expect(page.getByTestId('screen-about')).toBeVisible()
}

/** Touches Listen and waits until the fake engine has said the whole screen. */
async function listenToTheEnd(page: Page): Promise<string[]> {
  await page.getByTestId('speech-listen').tap()
  await expect(page.getByTestId('speech-listen')).toHaveAttribute('aria-pressed', 'false')
  return (await speechLog(page)).spoken.map((utterance) => utterance.text)
}

/** The visible text of an element, spaces collapsed, as the reader would say it. */
async function textOf(page: Page, selector: string): Promise<string> {
  return (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim()
}

test.describe('reading a screen aloud', () => {
  test('Listen reads the screen in reading order: the heading, the text, the drawings, then the way on', async ({
    page,
    problems,
  }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    await startIn(page, 'en')
    await goNext(page)
    await expect(page.getByTestId('screen-causes')).toBeVisible()
    await goNext(page)
    await goNext(page)
    const during = page.getByTestId('screen-during')
    await expect(during).toBeVisible()
    const said = await listenToTheEnd(page)
    const heading = await textOf(page, '[data-testid="screen-during"] h1')
    const drawing = (await during.locator('svg[role="img"]').first().getAttribute('aria-label'))!
    const firstStep = await textOf(page, '[data-testid="screen-during"] .paged li')
    expect(said[0]).toBe(heading)
    expect(said).toContain(drawing)
    const stepAt = said.findIndex((text) => firstStep.startsWith(text))
    expect(stepAt, `the first step among ${JSON.stringify(said)}`).toBeGreaterThan(0)
    // The way on comes last: the doctor shortcut, Back, Start over and Next or More.
    expect(said.slice(-6).join(' | ')).toMatch(/Next|More/)
    expect(said.indexOf('Back')).toBeGreaterThan(stepAt)
    for (const utterance of (await speechLog(page)).spoken) {
      expect(utterance).toMatchObject({ lang: 'en-US', voice: 'Test voice en-US', rate: DEFAULT_CONFIG.speechRate })
    }
    expect(problems).toEqual([])
  })
})

test.describe('reading aloud in the visitor’s language', () => {
  for (const { tag, voice } of [
    { tag: 'es', voice: 'es-ES' },
    { tag: 'zh-Hans', voice: 'zh-CN' },
    { tag: 'ar', voice: 'ar-SA' },
  ]) {
    test(`${tag}: every sentence is said in the ${voice} voice, the heading first and the way on last`, async ({
      page,
    }) => {
      await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
      await startIn(page, tag)
      const said = await listenToTheEnd(page)
      expect(said[0]).toBe(await textOf(page, '[data-testid="screen-about"] h1'))
      // Reading turns the pages, so the forward button is Next by the time it is said.
      expect(said.at(-1), 'the forward button is said last').toBe(
        await textOf(page, '[data-testid="page-more"], [data-testid="nav-next"]'),
      )
      const lead = await textOf(page, '[data-testid="screen-about"] .paged p')
      expect(said.findIndex((text) => lead.startsWith(text))).toBeGreaterThan(0)
      for (const utterance of (await speechLog(page)).spoken) {
        expect(utterance, utterance.text).toMatchObject({ lang: voice, voice: `Test voice ${voice}` })
      }
    })
  }

  test('the self-check choices are said with their state, in the visitor’s language', async ({ page }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    await startIn(page, 'es')
    await walkTo(page, 'about', 'selfcheck')
    await page.getByTestId('selfcheck-over60').tap()
    const said = await listenToTheEnd(page)
    const over60 = await textOf(page, '[data-testid="selfcheck-over60"]')
    const wakes = await textOf(page, '[data-testid="selfcheck-wakes"]')
    expect(said).toContain(`${over60}, elegido`)
    expect(said).toContain(`${wakes}, no elegido`)
  })

  test('the welcome screen says what to do first, and each language’s name in its own voice', async ({ page }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    await openKiosk(page)
    await page.getByTestId('speech-listen').tap()
    await expect(page.getByTestId('speech-listen')).toHaveAttribute('aria-pressed', 'false')
    const { spoken } = await speechLog(page)
    expect(spoken[0]!.text).toMatch(/^Touch Start/)
    expect(spoken).toContainEqual(expect.objectContaining({ text: 'Español', lang: 'es-ES' }))
    expect(spoken).toContainEqual(expect.objectContaining({ text: 'اردو', lang: 'ur-PK' }))
    // No voice speaks Tagalog on this system: its name is left out rather than mangled by another voice.
    expect(spoken.map((utterance) => utterance.text)).not.toContain('Tagalog')
  })
})

test.describe('controlling the reading', () => {
  test('pause stops at the sentence, Go on says it again and goes on, From the start starts over; the sentence is highlighted', async ({
    page,
  }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES, false)
    await startIn(page, 'en')
    const listen = page.getByTestId('speech-listen')
    await listen.tap()
    await expect(listen).toHaveAttribute('aria-pressed', 'true')
    await expect(listen).toContainText('Pause')
    // The heading, then "Step 1 of 8" (the progress, ringed), then the first sentence of the text.
    await finishUtterance(page)
    await finishUtterance(page)
    await expect.poll(async () => (await speechLog(page)).spoken.length).toBe(3)
    const second = (await speechLog(page)).spoken[2]!.text
    const highlighted = () =>
      page.evaluate(() => [...(CSS.highlights.get('speech') ?? [])].map((range) => String(range).trim()))
    await expect.poll(highlighted).toEqual([second])

    await listen.tap()
    await expect(listen).toHaveAttribute('aria-pressed', 'false')
    await expect(listen).toContainText('Go on')
    expect((await speechLog(page)).speaking).toBe(false)
    await listen.tap()
    await expect.poll(async () => (await speechLog(page)).spoken.at(-1)!.text).toBe(second)
    expect((await speechLog(page)).speaking).toBe(true)

    await page.getByTestId('speech-replay').tap()
    const { spoken } = await speechLog(page)
    expect(spoken.at(-1)!.text).toBe(spoken[0]!.text)
  })

  test('speech stops at once on another screen, over a dialog, and when the visitor starts over', async ({ page }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES, false)
    await startIn(page, 'en')
    const silentAfter = async (act: () => Promise<void>) => {
      await page.getByTestId('speech-listen').tap()
      await expect.poll(async () => (await speechLog(page)).speaking).toBe(true)
      await act()
      await expect.poll(async () => (await speechLog(page)).speaking).toBe(false)
      await expect(page.getByTestId('speech-listen').first()).toHaveAttribute('aria-pressed', 'false')
    }
    await silentAfter(() => page.getByTestId('progress').getByRole('button').nth(1).tap())
    await expect(page.getByTestId('screen-causes')).toBeVisible()
    await silentAfter(async () => {
      const causes = page.getByTestId('screen-causes')
      await tapOnItsPage(causes, causes.getByTestId('cause-fluids'))
      await expect(page.getByTestId('cause-panel')).toBeVisible()
    })
    await page.getByTestId('cause-panel-close').tap()
    await silentAfter(async () => {
      await page.getByTestId('nav-home').tap()
      await page.getByTestId('start-over-confirm').tap()
      await expect(page.getByTestId('screen-attract')).toBeVisible()
    })
  })

  test('a dialog has its own Listen, which reads the dialog, and closing the dialog stops it', async ({ page }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES, false)
    await startIn(page, 'en')
    await goNext(page)
    const causes = page.getByTestId('screen-causes')
    await tapOnItsPage(causes, causes.getByTestId('cause-fluids'))
    const panel = page.getByTestId('cause-panel')
    await expect(panel).toBeVisible()
    const dialogListen = page.locator('.modal-overlay').getByTestId('speech-listen')
    await dialogListen.tap()
    await expect(dialogListen).toHaveAttribute('aria-pressed', 'true')
    const before = (await speechLog(page)).spoken.length - 1
    expect((await speechLog(page)).spoken[before]!.text).toBe(await textOf(page, '[data-testid="cause-panel"] h2'))
    // Its title, its Close beside the title, then its text.
    const summary = await textOf(page, '[data-testid="cause-fluids-detail"] p')
    await finishUtterance(page)
    await finishUtterance(page)
    await expect.poll(async () => (await speechLog(page)).spoken.length).toBe(before + 3)
    expect(summary.startsWith((await speechLog(page)).spoken[before + 2]!.text)).toBe(true)
    await page.getByTestId('cause-panel-close').tap()
    await expect.poll(async () => (await speechLog(page)).speaking).toBe(false)
    await expect(page.getByTestId('speech-listen')).toHaveAttribute('aria-pressed', 'false')
  })

  test('the volume changes a step a touch, and the next visitor starts at the staff’s volume again', async ({
    page,
  }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    await page.route('**/kiosk-config.json', (route) => route.fulfill({ json: { speechVolume: 2 } }))
    await startIn(page, 'en')
    const volume = page.getByTestId('speech-volume')
    await expect(volume).toHaveAttribute('data-volume', '2')
    await volume.tap()
    await expect(volume).toHaveAccessibleName(/Volume 3 of 4/)
    await listenToTheEnd(page)
    expect((await speechLog(page)).spoken[0]!.volume).toBe(0.75)

    await page.getByTestId('nav-home').tap()
    await page.getByTestId('start-over-confirm').tap()
    await page.getByTestId('attract-lang-en').tap()
    await expect(page.getByTestId('speech-volume')).toHaveAttribute('data-volume', '2')
    const before = (await speechLog(page)).spoken.length
    await listenToTheEnd(page)
    expect((await speechLog(page)).spoken[before]!.volume).toBe(0.5)
  })

  test('a visitor who listened hears the idle warning; one who did not, does not', async ({ page }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    await page.clock.install()
    await startIn(page, 'en')
    const idle = (DEFAULT_CONFIG.idleTimeoutSeconds + 2) * 1000
    await page.clock.runFor(idle)
    await expect(page.getByTestId('idle-warning')).toBeVisible()
    expect((await speechLog(page)).spoken).toEqual([])
    await page.getByTestId('idle-stay').tap()

    await listenToTheEnd(page)
    const before = (await speechLog(page)).spoken.length
    await page.clock.runFor(idle)
    await expect(page.getByTestId('idle-warning')).toBeVisible()
    await page.clock.runFor(100)
    const warned = (await speechLog(page)).spoken.slice(before).map((utterance) => utterance.text)
    expect(warned[0]).toBe(await textOf(page, '[data-testid="idle-warning"] h1'))
    expect(warned.join(' ')).toContain(await textOf(page, '[data-testid="idle-stay"]'))
  })

  test('Listen is hidden in a language the system has no voice for, and where staff turned speech off', async ({
    page,
  }) => {
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES)
    await startIn(page, 'tl')
    await expect(page.getByTestId('mode-large-text')).toBeVisible()
    await expect(page.getByTestId('speech-listen')).toHaveCount(0)
    await page.route('**/kiosk-config.json', (route) => route.fulfill({ json: { speechEnabled: false } }))
    await startIn(page, 'en')
    await expect(page.getByTestId('mode-large-text')).toBeVisible()
    await expect(page.getByTestId('speech-listen')).toHaveCount(0)
  })
})

for (const size of SCREEN_SIZES) {
  test(`every screen with the reading controls shown passes axe and has 64 px targets, at ${size.name}`, async ({
    page,
  }) => {
    await page.setViewportSize(size)
    await installFakeSpeech(page, WINDOWS_LIKE_VOICES, false)
    await openKiosk(page)
    for (const screen of JOURNEY) {
      if (screen === 'language') await page.getByTestId('start').tap()
      else if (screen !== 'attract') await goNext(page)
      await expect(page.getByTestId(`screen-${screen}`)).toBeVisible()
      // Paused, every reading control shows (From the start keeps its place hidden until then).
      await page.getByTestId('speech-listen').tap()
      await page.getByTestId('speech-listen').tap()
      await expect(page.getByTestId('speech-replay')).toBeVisible()
      expect(await accessibilityViolations(page), screen).toEqual([])
      expect(await undersizedTargets(page), screen).toEqual([])
    }
  })
}
