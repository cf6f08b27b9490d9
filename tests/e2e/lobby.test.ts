import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launch, startServer, type Browser, type RunningServer } from './harness.ts'

let server: RunningServer
let b: Browser
beforeAll(async () => {
  server = await startServer()
  b = await launch({ width: 1280, height: 800 })
})
afterAll(async () => {
  await b?.close()
  await server?.stop()
})

describe('lobby', () => {
  it('lists exhibits as cards by category in Chinese, with ages, minutes and stamp', async () => {
    const { page } = b
    await page.goto(server.url)
    await page.waitForSelector('[data-testid="lobby"]')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN')
    const fire = page.locator('[data-exhibit="fire-escape"]')
    await expect(fire.locator('h3').textContent()).resolves.toBe('火灾逃生')
    const meta = await fire.locator('.meta').textContent()
    expect(meta).toMatch(/8–15 岁/)
    expect(meta).toMatch(/约 \d+ 分钟/)
    await expect(page.locator('#cat-emergency').textContent()).resolves.toBe('应急逃生')
    await expect(page.locator('[data-testid="stamp-count"]').textContent()).resolves.toMatch(/已获得 0 \/ \d+ 枚印章/)
    await page.screenshot({ path: 'test-results/lobby-zh-desktop.png' })
  })

  it('switches to English and remembers it after a reload', async () => {
    const { page } = b
    await page.click('[data-testid="lang-switch"]')
    await expect(page.locator('#cat-emergency').textContent()).resolves.toBe('Emergency escape')
    await expect(page.locator('[data-exhibit="fire-escape"] h3').textContent()).resolves.toBe('Fire Escape')
    await page.reload()
    await page.waitForSelector('[data-testid="lobby"]')
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en')
    await expect(page.locator('[data-exhibit="fire-escape"] .meta').textContent()).resolves.toMatch(/Ages 8–15/)
    await page.click('[data-testid="lang-switch"]')
    await expect(page.locator('#cat-emergency').textContent()).resolves.toBe('应急逃生')
  })

  it('test fixtures are listed only in the e2e build and nothing is fetched from the internet', async () => {
    expect(await b.page.locator('[data-exhibit="broken-exhibit"]').count()).toBe(1)
    expect(b.externalRequests).toEqual([])
    expect(b.errors).toEqual([])
  })

  it('lays out on a tablet and a phone (screenshots for review)', async () => {
    const { page } = b
    await page.setViewportSize({ width: 800, height: 1280 })
    await page.screenshot({ path: 'test-results/lobby-zh-tablet.png' })
    await page.setViewportSize({ width: 390, height: 844 })
    await page.screenshot({ path: 'test-results/lobby-zh-phone.png' })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
  })

  it('damaged passport data is reset with a message, not a white screen', async () => {
    const { page } = b
    await page.evaluate(() => localStorage.setItem('sophora.checkin', '{not json'))
    await page.reload()
    await page.waitForSelector('[data-testid="notice"][data-notice="storage.reset"]')
    await expect(page.locator('[data-testid="lobby"]').isVisible()).resolves.toBe(true)
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('sophora.checkin') ?? 'null'))
    expect(stored?.state).toMatchObject({ code: null, local: {} })
  })
})
