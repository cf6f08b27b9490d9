/**
 * The guide's reports in real Chromium against the real server (one server, one browser):
 * a guide records a lecture in the programme log and sees it listed with its totals; then the
 * end-of-session summary of a class of 40, its events seeded through the ingest API as
 * stations send them, shows the right stamps, scores and misconception in words, and prints
 * on exactly one A4 page (Chromium's PDF) with nothing cut off (PNG kept for looking at).
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGuide, launch, startServer, type Browser, type RunningServer } from './harness.ts'

const GUIDE = { name: 'guide-reports', password: 'e2e-guide-password-2' }
const OUT = 'test-results'
const SESSION = uuidv7()

let server: RunningServer
let browser: Browser

async function api(path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
  return (await r.json()) as Record<string, unknown>
}

/**
 * The largest class a batch holds (60), its visit already recorded as stations would send it,
 * with three misconceptions: the page's worst case for one A4 page.
 */
async function seedClass(): Promise<{ batchId: string; codes: string[] }> {
  const { token } = (await api('/api/auth/login', GUIDE)) as { token: string }
  const batch = (await api(
    '/api/passports/batches',
    { requestId: crypto.randomUUID(), school: '实验小学', grade: '四年级', className: '3 班', count: 60 },
    token,
  )) as {
    batchId: string
    passports: { code: string }[]
  }
  const codes = batch.passports.map((p) => p.code)
  const stationId = crypto.randomUUID()
  const station = (await api('/api/stations', { stationId, name: 'VR-1' })) as { token: string }
  let t = Date.now() - 3_600_000
  const ev = (passportId: string, exhibitId: string, type: string, data: Record<string, unknown>) => ({
    id: uuidv7(),
    time: new Date((t += 500)).toISOString(),
    stationId,
    sessionId: SESSION,
    passportId,
    exhibitId,
    type,
    data,
  })
  const events = codes.flatMap((code, i) => {
    // 45 play fire escape: every third takes the lift in the quiz (15 of 45) and scores 7 of 8 without
    // a stamp; every fourth first tries the lift on the stairs step (12 of 45).
    const fire =
      i < 45
        ? [
            ev(code, 'fire-escape', 'exhibit-started', { mode: 'flat' }),
            ...(i % 4 === 0 ? [ev(code, 'fire-escape', 'step-mistake', { stepId: 'stairs', choiceId: 'stairs-take-lift' })] : []),
            ev(code, 'fire-escape', 'step-completed', { stepId: 'stairs' }),
            ev(code, 'fire-escape', 'answer-given', { quizId: 'lift', choiceId: i % 3 === 0 ? 'q-take-lift' : 'q-stairs', correct: i % 3 !== 0 }),
            ev(code, 'fire-escape', 'exhibit-completed', { score: i % 3 === 0 ? 7 : 8, maxScore: 8, passed: i % 3 !== 0, durationMs: 240_000 + i * 1000 }),
            ...(i % 3 !== 0 ? [ev(code, 'fire-escape', 'stamp-awarded', { stampId: 'fire-escape' })] : []),
          ]
        : []
    // 30 play the earthquake drill and pass; every fifth would shelter in a doorway (6 of 30).
    const quake =
      i >= 30
        ? [
            ev(code, 'earthquake', 'exhibit-started', { mode: 'vr' }),
            ev(code, 'earthquake', 'answer-given', { quizId: 'doorway', choiceId: i % 5 === 0 ? 'q-doorway' : 'q-sturdy-desk', correct: i % 5 !== 0 }),
            ev(code, 'earthquake', 'exhibit-completed', { score: 4, maxScore: 4, passed: true, durationMs: 180_000 }),
            ev(code, 'earthquake', 'stamp-awarded', { stampId: 'earthquake' }),
          ]
        : []
    // And 10 sort waste.
    const waste =
      i >= 50
        ? [
            ev(code, 'waste-sorting', 'exhibit-started', {}),
            ev(code, 'waste-sorting', 'exhibit-completed', { score: 3, maxScore: 5, passed: true, durationMs: 150_000 }),
            ev(code, 'waste-sorting', 'stamp-awarded', { stampId: 'waste-sorting' }),
          ]
        : []
    return [...fire, ...quake, ...waste]
  })
  for (let i = 0; i < events.length; i += 200) {
    const r = (await api('/api/events', { events: events.slice(i, i + 200) }, station.token)) as { accepted: number }
    expect(r.accepted).toBe(Math.min(200, events.length - i))
  }
  return { batchId: batch.batchId, codes }
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  server = await startServer()
  createGuide(server, GUIDE)
  browser = await launch({ width: 1024, height: 768 })
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

/**
 * Waits for a page's ready state; when it does not come, the error says what the page showed
 * (twice in CI at load ~8 both pages stayed "loading" for 30 and 60 s, with nothing to tell why).
 */
async function ready(page: Browser['page'], selector: string, timeout = 30_000): Promise<void> {
  try {
    await page.waitForSelector(selector, { timeout })
  } catch (e) {
    const shown = await page
      .locator('main')
      .first()
      .innerText({ timeout: 2_000 })
      .catch((x: Error) => `(no text: ${x.message})`)
    throw new Error(`${selector} not ready after ${timeout} ms; the page showed: ${shown.slice(0, 400)}`, { cause: e })
  }
}

describe('guide reports', () => {
  it('the programme log: a guide signs in, records a lecture, and it is listed with the totals', async () => {
    const { page } = browser
    await page.goto(`${server.url}/guide/programme`)
    await page.fill('[data-testid="guide-name"]', GUIDE.name)
    await page.fill('[data-testid="guide-password"]', GUIDE.password)
    await page.click('[data-testid="guide-signin-submit"]')
    await ready(page, '[data-testid="programme-page"][data-status="ready"]')
    await expect(page.locator('[data-testid="programme-totals"]').getAttribute('data-count')).resolves.toBe('0')

    // A topic left empty is refused next to the field, and nothing is sent.
    await page.fill('[data-testid="activity-date"]', '2026-11-28')
    await page.click('[data-testid="activity-save"]')
    await expect(page.locator('[data-testid="error-topic"]').textContent()).resolves.toBe('请填写主题（最多 120 个字）。')

    await page.fill('[data-testid="activity-topic"]', '家庭火灾逃生公开课')
    await page.selectOption('[data-testid="activity-type"]', 'lecture')
    await page.fill('[data-testid="activity-duration"]', '90')
    await page.fill('[data-testid="activity-guides"]', '李老师')
    await page.fill('[data-testid="activity-audience"]', '45')
    await page.fill('[data-testid="activity-hours"]', '3.5')
    await page.click('[data-testid="activity-save"]')
    await page.waitForSelector('[data-testid="activity"][data-type="lecture"]')
    await expect(page.locator('[data-testid="activity"]').first().textContent()).resolves.toContain('家庭火灾逃生公开课')
    await expect(page.locator('[data-testid="programme-totals"]').textContent()).resolves.toBe('共 1 场活动，45 人次参加，志愿服务 3.5 小时')
    // The guide sees no delete button (admins only).
    expect(await page.locator('[data-testid="activity-delete"]').count()).toBe(0)
    // A correction: the audience was 50; the totals follow.
    await page.click('[data-testid="activity-edit"]')
    await page.fill('[data-testid="activity-audience"]', '50')
    await page.click('[data-testid="activity-save"]')
    await page.waitForSelector('[data-testid="programme-totals"][data-participants="50"]')
    expect(await page.locator('[data-testid="activity"]').count()).toBe(1)
    await page.screenshot({ path: join(OUT, 'programme-log.png'), fullPage: true })
  })

  it('the end-of-session summary shows stamps, scores and the lift misconception, and prints on one A4 page', async () => {
    const { batchId, codes } = await seedClass()
    const { page } = browser
    await page.goto(
      `${server.url}/guide/sessions/${SESSION}/summary?batchId=${batchId}&exhibits=fire-escape,earthquake,flood-typhoon,waste-sorting,3d-printing`,
    )
    await ready(page, '[data-testid="session-summary"][data-status="ready"]', 60_000)

    expect(await page.locator('[data-testid="summary-passport"]').count()).toBe(60)
    await expect(page.locator(`[data-testid="summary-passport"][data-code="${codes[1]}"]`).getAttribute('data-stamps')).resolves.toBe('fire-escape')
    await expect(page.locator(`[data-testid="summary-passport"][data-code="${codes[31]}"]`).getAttribute('data-stamps')).resolves.toBe('earthquake,fire-escape')
    await expect(page.locator(`[data-testid="summary-passport"][data-code="${codes[59]}"]`).getAttribute('data-stamps')).resolves.toBe(
      'earthquake,waste-sorting',
    )
    await expect(page.locator(`[data-testid="summary-passport"][data-code="${codes[0]}"] [data-exhibit="fire-escape"]`).textContent()).resolves.toBe('✓ 7/8')
    // 15 × 7 + 30 × 8 over 45 finishers.
    await expect(page.locator('[data-testid="summary-exhibit"][data-exhibit="fire-escape"]').getAttribute('data-average')).resolves.toBe('7.67')
    const [lift, stairs, doorway] = await page.locator('[data-testid="summary-misconception"]').allTextContents()
    expect(lift).toContain('你家住在10楼，楼里着火了。应该怎样下楼？')
    expect(lift).toContain('33% 的同学（15/45）选了“坐电梯，最快”')
    expect(lift).toContain('正确答案：走楼梯，跟着“安全出口”标志往下走')
    expect(stairs).toContain('27% 的同学（12/45）')
    expect(doorway).toContain('20% 的同学（6/30）')
    await expect(page.locator('[data-testid="summary-not-visited"]').textContent()).resolves.toBe('防汛防台、3D 打印')
    // The class is named by school, grade and class; students by passport code only.
    await expect(page.locator('[data-testid="summary-sheet"]').textContent()).resolves.toContain('实验小学 四年级 3 班')

    const pdf = await page.pdf({ path: join(OUT, 'session-summary.pdf'), preferCSSPageSize: true, printBackground: true })
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'a class of 60 fits one A4 page').toBe(1)
    // The page as printed: print styles at A4's printable width (190 mm at 96 dpi = 718 px). Nothing
    // is cut off on the right (the sheet's content is no wider than the sheet); the PNG is for looking at.
    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: 718, height: 1047 })
    const overflow = await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('[data-testid="summary-sheet"]')!
      return s.scrollWidth - s.clientWidth
    })
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: join(OUT, 'session-summary.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })

    // English, from the same exhibit's English table.
    await page.click('[data-testid="lang-switch"]')
    await page.waitForFunction(() => document.querySelector('[data-testid="summary-misconception"]')?.textContent?.includes('Correct answer:'))
    expect(await page.locator('[data-testid="summary-misconception"]').first().textContent()).toMatch(/33% of the class \(15 of 45\) chose “.+”\./)
    await page.emulateMedia({ media: 'print' })
    await page.screenshot({ path: join(OUT, 'session-summary-en.png'), fullPage: true })
    const pdfEn = await page.pdf({ preferCSSPageSize: true, printBackground: true })
    expect(pdfEn.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBe(1)

    expect(browser.errors).toEqual([])
    expect(browser.externalRequests).toEqual([])
  })
})
