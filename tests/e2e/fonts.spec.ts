import { expect, openKiosk, test } from './fixtures'

test.describe('fonts', () => {
  test('every script is loaded from the app before the first screen shows, and nothing comes from elsewhere', async ({
    page,
  }) => {
    const fontRequests: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'font') fontRequests.push(request.url())
    })
    await openKiosk(page)
    const samples = {
      "'Noto Sans SC'": '什么是夜间腿抽筋',
      "'Noto Sans Arabic'": 'ما هو الشد العضلي',
      "'Noto Nastaliq Urdu'": 'رات کو ٹانگ میں کھنچاؤ',
      "'Noto Sans'": 'Tiếng Việt Polski łydka',
    }
    const loaded = await page.evaluate(
      (entries) => entries.map(([family, text]) => document.fonts.check(`400 26px ${family}`, text)),
      Object.entries(samples),
    )
    expect(loaded).toEqual([true, true, true, true])
    expect(fontRequests.length).toBeGreaterThan(0)
    for (const url of fontRequests) expect(new URL(url).origin).toBe(new URL(page.url()).origin)
  })
})
