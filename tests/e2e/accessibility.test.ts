/**
 * The lobby, accessibility and layout in a real browser, on one page (one server, one browser; the
 * lobby first, as a new visitor sees it: no passport yet): the lobby lists the exhibits in Chinese
 * and English, and damaged passport data is reset with a message; axe-core finds no serious violation on
 * the lobby, check-in, run panel and passport pages; an exhibit is played to its stamp with the
 * keyboard alone; the panels lie beside the view at a tablet, a kiosk, a portrait tablet and a
 * phone, and large subtitles grow their band. (Each step's subjects, projected clear of the
 * panels, are checked by contract.test.ts on the visit that plays the step.)
 */
import { mkdirSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { listExhibitFolders } from '../../src/build/exhibit-folders.ts'
import { axeSerious, checkLayouts, focused, layoutAt, LAYOUT_SIZES, tabTo } from './a11y-page.ts'
import { playbook } from './answers.ts'
import { onlyExhibits } from './e2e-build.ts'
import { createGuide, issuePassports, launch, startServer, waitForExhibit, waitFrames, type Browser, type RunningServer } from './harness.ts'

const only = onlyExhibits()
const exhibitIds = listExhibitFolders('exhibits').filter((id) => !only || only.includes(id))

let server: RunningServer
let b: Browser
let code: string
beforeAll(async () => {
  mkdirSync('test-results', { recursive: true })
  server = await startServer()
  const guide = { name: 'a11y-guide', password: 'a11y-guide-password-1' }
  createGuide(server, guide)
  ;[code] = (await issuePassports(server, guide, 1)) as [string]
  // the keyboard playthrough checks the DOM: the stage draws only the frames waited for (before the review screenshots)
  b = await launch({ width: 1280, height: 800, holdFrames: true })
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
    await page.setViewportSize({ width: 1280, height: 800 })
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

describe('accessibility', () => {
  it('the lobby and check-in have no serious axe-core violations (WCAG 2.2 AA)', async () => {
    const { page } = b
    await page.goto(server.url)
    await page.waitForSelector('[data-testid="lobby"]')
    expect(await axeSerious(page)).toEqual([])
    await page.goto(`${server.url}/check-in`)
    await page.waitForSelector('[data-testid="code-input"]')
    expect(await axeSerious(page)).toEqual([])
    await page.fill('[data-testid="code-input"]', code)
    await page.click('[data-testid="code-submit"]')
    await page.waitForSelector(`[data-testid="checked-in"][data-code="${code}"][data-confirmed="true"]`)
  })

  it('plays the shortest exhibit to its stamp with the keyboard alone; focus follows each step; the run panel passes axe', async () => {
    const { page } = b
    const books = await Promise.all(exhibitIds.map(async (id) => ({ id, book: await playbook(id) })))
    const { id, book } = books.reduce((a, x) => (x.book.steps.length + x.book.quiz.length < a.book.steps.length + a.book.quiz.length ? x : a))
    await page.goto(server.url)
    await page.waitForSelector('[data-testid="lobby"]')
    await tabTo(page, `open-${id}`)
    await page.keyboard.press('Enter')
    await waitForExhibit(page)
    await tabTo(page, 'run-start')
    await page.keyboard.press('Enter')
    const answers = [...book.right.steps, ...book.right.quiz]
    for (const [i, choice] of answers.entries()) {
      expect(await focused(page), `a new prompt has focus (answer ${i + 1})`).toBe('prompt')
      await tabTo(page, `choice-${choice}`)
      await page.keyboard.press(i % 2 ? 'Enter' : 'Space')
      await page.waitForSelector('[data-testid="feedback"]')
      expect(await focused(page), 'after an answer, "next" has focus').toBe('run-next')
      if (i === 0) expect(await axeSerious(page)).toEqual([])
      await page.keyboard.press('Enter')
    }
    await page.waitForSelector(`[data-testid="stamp-awarded"][data-passport="${code}"]`)
    expect(await axeSerious(page)).toEqual([])
  })

  it('the passport page (one stamp, the others left) has no serious axe-core violations', async () => {
    const { page } = b
    await page.goto(`${server.url}/passport/${code}`)
    await page.waitForSelector('[data-testid="passport-page"][data-status="ready"] [data-testid="passport-stamp"]')
    expect(await axeSerious(page)).toEqual([])
  })
})

describe('the scene is never hidden behind the panels', () => {
  it('screenshots at both sizes with subtitles showing (for review), large subtitles grow the band, not over the view', async () => {
    const { page } = b
    await page.goto(`${server.url}/exhibit/${exhibitIds[0]}`)
    await waitForExhibit(page)
    // and a tablet in portrait and a phone, where the panel sits under the view
    for (const s of [...LAYOUT_SIZES, { width: 800, height: 1280 }, { width: 390, height: 844 }]) {
      const l = await layoutAt(page, s.width, s.height)
      // the view at this size drawn (a resized canvas is blank until it draws again)
      await waitFrames(page, 2)
      // The exhibit's own narration may still be running and replaces the line on its next timer
      // (CI failed once on exactly that), so put the line back on every poll until it is drawn.
      await page.waitForFunction(() => {
        const audio = window.__sophora!.audio.getState()
        if (audio.subtitle?.cue !== 'shot') audio.setSubtitle({ cue: 'shot', text: '弯下腰，用湿毛巾捂住口鼻，沿着墙边走。' })
        return document.querySelector('.subtitle-bar[data-cue="shot"]') !== null
      })
      await page.screenshot({ path: `test-results/a11y-layout-${s.width}x${s.height}.png` })
      console.log(
        `[a11y] ${s.width}×${s.height}: view ${Math.round(l.canvas.w)}×${Math.round(l.canvas.h)} from y ${l.canvas.y}, subtitle band ${Math.round(l.subtitles.h)} px`,
      )
      checkLayouts([l])
    }
    const normal = await layoutAt(page, 1280, 800)
    await page.evaluate(() => window.__sophora!.audio.getState().setSubtitleSize('large'))
    const large = await layoutAt(page, 1280, 800)
    await page.evaluate(() => window.__sophora!.audio.getState().setSubtitleSize('normal'))
    expect(large.subtitles.h).toBeGreaterThan(normal.subtitles.h * 1.2)
    expect(large.canvas.h).toBeLessThan(normal.canvas.h)
    checkLayouts([large])
  })
})
