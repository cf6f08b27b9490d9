/**
 * Issue 9's class visit end to end, in one real Chromium against the real server: one guide
 * context (the tablet) and three station contexts. Each step is its own test, in order, so
 * the summary and programme-log assertions can follow the end of the session as further steps.
 */
import { mkdirSync } from 'node:fs'
import Database from 'better-sqlite3'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from './chromium.ts'
import { capFrameRate, E2E_FRAME_RATE } from './frame-cap.ts'
import { playbook } from './answers.ts'
import { checkIn, createGuide, holdFrames, startServer, waitForExhibit, type RunningServer } from './harness.ts'

const GUIDE = { name: 'guide-live', password: 'e2e-guide-password-9' }
const EXHIBIT = 'fire-escape'

let server: RunningServer
let browser: Awaited<ReturnType<typeof launchChromium>>
let guide: Page
let guideErrors: string[] = []
const stations: { name: string; kind: string; offers: string[]; context: BrowserContext; page: Page; errors: string[] }[] = []
let sessionId = ''
let codes: string[] = []

async function openContext(width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } })
  if (E2E_FRAME_RATE) await context.addInitScript(capFrameRate, 1000 / E2E_FRAME_RATE)
  // nothing here checks the 3D picture: the stations' stages draw only what a test waits for
  await context.addInitScript(holdFrames)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  return { context, page, errors }
}

const row = (name: string) => guide.locator(`[data-testid="station-row"][data-name="${name}"]`)

/** The run panel, with one quiz answer made wrong on purpose when asked. */
async function play(page: Page, wrongQuizItem?: string): Promise<void> {
  const book = await playbook(EXHIBIT)
  await waitForExhibit(page)
  await page.click('[data-testid="run-start"]')
  const quiz = book.quiz.map((q, i) => (q.id === wrongQuizItem ? q.choices.find((c) => !c.correct)!.id : book.right.quiz[i]!))
  for (const choice of [...book.right.steps, ...quiz]) {
    await page.click(`[data-testid="choice-${choice}"]`)
    await page.click('[data-testid="run-next"]')
  }
  await page.waitForSelector('[data-testid="result"][data-passed="true"]')
}

beforeAll(async () => {
  mkdirSync('test-results', { recursive: true })
  server = await startServer()
  createGuide(server, GUIDE)
  browser = await launchChromium()
  const tablet = await openContext(1024, 1300)
  guide = tablet.page
  guideErrors = tablet.errors
  // Small stations: WebGL canvases share two cores with the guide's tablet. PC-3 offers only
  // the earthquake, so "fire escape to all" leaves it in the lobby (and its CPU to the others).
  for (const [name, kind, offers] of [
    ['VR-1', 'headset', []],
    ['触屏-2', 'touchscreen', []],
    ['PC-3', 'pc', ['earthquake']],
  ] as const)
    stations.push({ name, kind, offers: [...offers], ...(await openContext(320, 240)) })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('guide console, live', () => {
  it('three stations are set up on the device by a guide sign-in and show online on the console', async () => {
    await Promise.all(
      stations.map(async (s) => {
        await s.page.goto(`${server.url}/station/setup`)
        await s.page.fill('[data-testid="setup-signin"] [data-testid="guide-name"]', GUIDE.name)
        await s.page.fill('[data-testid="setup-signin"] [data-testid="guide-password"]', GUIDE.password)
        await s.page.click('[data-testid="setup-signin"] [data-testid="guide-signin-submit"]')
        await s.page.fill('[data-testid="setup-name"]', s.name)
        await s.page.check(`[data-testid="setup-kind-${s.kind}"]`)
        for (const id of s.offers) await s.page.check(`[data-testid="setup-offer-${id}"]`)
        await s.page.click('[data-testid="setup-save"]')
        await s.page.waitForSelector('[data-testid="setup-message"][data-message="setup.saved"]')
        // the guide's sign-in served the setup only: nothing of it stays on the shared station
        expect(await s.page.evaluate(() => sessionStorage.getItem('sophora.guide'))).toBeNull()
        await s.page.goto(`${server.url}/`)
        await s.page.waitForSelector(`[data-testid="station-name"][data-connected="true"]`)
        expect(await s.page.textContent('[data-testid="station-name"]')).toBe(s.name)
      }),
    )
    await guide.goto(`${server.url}/guide/console`)
    await guide.fill('[data-testid="guide-name"]', GUIDE.name)
    await guide.fill('[data-testid="guide-password"]', GUIDE.password)
    await guide.click('[data-testid="guide-signin-submit"]')
    for (const s of stations) await row(s.name).and(guide.locator('[data-online="true"]')).waitFor()
  })

  it('the guide starts a session with two stations; the third joins by the session QR', async () => {
    await guide.fill('[data-testid="new-school"]', '实验小学')
    await guide.fill('[data-testid="new-grade"]', '四年级')
    await guide.fill('[data-testid="new-class"]', '3 班')
    await guide.fill('[data-testid="new-headcount"]', '2')
    await guide.check(`[data-testid="new-exhibit-${EXHIBIT}"]`)
    for (const s of stations.slice(0, 2)) await guide.check(`[data-testid="new-station-${s.name}"]`)
    await guide.click('[data-testid="new-submit"]')
    await guide.waitForSelector('[data-testid="guide-session"][data-status="live"]')
    sessionId = /\/guide\/sessions\/([^/]+)$/.exec(guide.url())![1]!
    // What the QR on the tablet says, opened on the station as its camera would.
    const joinUrl = await guide.locator('[data-testid="join-code"] img.qr').getAttribute('data-qr')
    expect(joinUrl).toMatch(new RegExp(`^${server.url}/station/join/[0-9A-Z]{6}$`))
    await stations[2]!.page.goto(joinUrl!)
    await stations[2]!.page.waitForURL(`${server.url}/`)
    for (const s of stations) await row(s.name).and(guide.locator('[data-joined="true"]')).waitFor()
    codes = await guide.locator('[data-testid="progress-grid"] tbody th').evaluateAll((els) => els.map((e) => (e.textContent ?? '').replace(/-/g, '')))
    expect(codes).toHaveLength(2)
  })

  it('two students check in: one types at the station, one is put on the station from the tablet', async () => {
    const [a, b] = stations
    await checkIn(a!.page, server.url, codes[0]!)
    await a!.page.goto(`${server.url}/`)
    await guide.selectOption('[data-testid="checkin-station"]', { label: b!.name })
    await guide.fill('[data-testid="checkin-code"]', codes[1]!)
    await guide.click('[data-testid="checkin-send"]')
    await b!.page.waitForSelector(`[data-testid="passport-badge"][data-code="${codes[1]}"]`)
    await row(b!.name)
      .and(guide.locator(`[data-passport="${codes[1]}"]`))
      .waitFor()
  })

  it('the guide sends fire escape to all; both students play it, one takes the lift; the grid and the lift hint update', async () => {
    await guide.click('[data-testid="send-all"]')
    await Promise.all(stations.slice(0, 2).map((s) => s.page.waitForURL(`${server.url}/exhibit/${EXHIBIT}`)))
    // PC-3 does not offer it: it took the command and stayed in the lobby.
    await stations[2]!.page.waitForSelector('[data-testid="station-name"][data-last-type="launch"]')
    expect(stations[2]!.page.url()).toBe(`${server.url}/`)
    await Promise.all([play(stations[0]!.page), play(stations[1]!.page, 'lift')])
    for (const code of codes)
      await guide.waitForSelector(`[data-testid="grid-cell"][data-passport="${code}"][data-exhibit="${EXHIBIT}"][data-status="stamped"]`)
    const hint = guide.locator(`[data-testid="hint"][data-exhibit="${EXHIBIT}"][data-item="lift"][data-choice="q-take-lift"]`)
    await hint.waitFor()
    expect(await hint.getAttribute('data-share')).toBe('0.5')
    // The exhibit's own explanation, as the talking point (zh-CN, the default language).
    expect(await hint.locator('.talking-point').textContent()).toMatch(/不能坐电梯/)
    await guide.screenshot({ path: 'test-results/guide-console-live.png', fullPage: true })
  })

  it('pause everyone: the overlay is on all three stations, narration paused; resume continues where each was', async () => {
    await guide.click('[data-testid="pause-all"]')
    for (const s of stations) {
      // Web Audio is suspended on every station (PC-3's lobby has the shell's sounds only).
      await s.page.waitForSelector('[data-testid="hold-overlay"][data-narration="paused"]')
      expect(await s.page.textContent('[data-testid="hold-overlay"]')).toMatch(/请看老师/)
    }
    await stations[2]!.page.screenshot({ path: 'test-results/guide-console-hold.png' })
    for (const s of stations) await row(s.name).and(guide.locator('[data-held="true"]')).waitFor()
    await guide.click('[data-testid="resume-all"]')
    for (const s of stations) await s.page.waitForSelector('[data-testid="hold-overlay"]', { state: 'detached' })
    for (const s of stations.slice(0, 2)) await s.page.waitForSelector('[data-testid="result"][data-passed="true"]')
  })

  it('a station cut from the network misses a command and gets it on reconnect', async () => {
    const cut = stations[0]!
    await cut.context.setOffline(true)
    await row(cut.name).and(guide.locator('[data-online="false"]')).waitFor()
    await guide.click('[data-testid="lobby-all"]')
    await stations[1]!.page.waitForURL(`${server.url}/`)
    expect(cut.page.url()).toBe(`${server.url}/exhibit/${EXHIBIT}`)
    await cut.context.setOffline(false)
    await cut.page.waitForURL(`${server.url}/`)
    await row(cut.name).and(guide.locator('[data-online="true"]')).waitFor()
  })

  it('the guide ends the session: stations are told, and every event of the visit carries the session id', async () => {
    guide.once('dialog', (d) => void d.accept())
    await guide.click('[data-testid="end-session"]')
    await guide.waitForURL(`${server.url}/guide/sessions/${sessionId}/summary`)
    for (const s of stations) await s.page.waitForSelector('[data-testid="station-ended"]')
    // The stations' outboxes have drained: the stamps arrived (the grid showed them).
    const db = new Database(server.dbPath, { readonly: true })
    try {
      const inSession = db.prepare('SELECT count(*) FROM events WHERE session_id = ? AND passport_id IS NOT NULL').pluck().get(sessionId) as number
      const outside = db.prepare('SELECT count(*) FROM events WHERE session_id IS NOT ? AND passport_id IS NOT NULL').pluck().get(sessionId) as number
      expect(inSession).toBeGreaterThan(30)
      expect(outside).toBe(0)
    } finally {
      db.close()
    }
    for (const s of stations) expect(s.errors).toEqual([])
  })

  it("the summary (from the session's own plan and passports) shows both stamps, the scores and the lift misconception", async () => {
    await guide.waitForSelector('[data-testid="session-summary"][data-status="ready"]', { timeout: 60_000 })
    for (const code of codes)
      await expect(guide.locator(`[data-testid="summary-passport"][data-code="${code}"]`).getAttribute('data-stamps')).resolves.toBe(EXHIBIT)
    const book = await playbook(EXHIBIT)
    const n = book.quiz.length
    // one student all right, the other one wrong (the lift): the average of n and n − 1
    const average = await guide.locator(`[data-testid="summary-exhibit"][data-exhibit="${EXHIBIT}"]`).getAttribute('data-average')
    expect(Number(average)).toBeCloseTo(n - 0.5)
    const top = await guide.locator('[data-testid="summary-misconception"]').first().textContent()
    expect(top).toContain('50% 的同学（1/2）选了“坐电梯')
    expect(top).toContain('正确答案：')
    await guide.screenshot({ path: 'test-results/guide-console-summary.png', fullPage: true })
    expect(guideErrors).toEqual([])
  })
})
