/**
 * The statistics dashboard in real Chromium against the real server (one server, one browser),
 * over a small seeded year (`npm run seed`'s own module at scale 0.02) plus one class of three.
 * An admin filters by a school and an exhibit: every number on screen equals a direct SQL count
 * over `events` made here (joins written for this test, not the server's query code); the
 * misconception view names the top wrong answer in the exhibit's words; the CSV and XLSX
 * downloads read back equal the screen; the class of three is suppressed; the filters survive
 * a reload (opened by address, the views and ECharts are asked for before the page's chunk
 * arrives, each once); a guide gets no exports (and the API says 403). Screenshot kept in test-results/.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import ExcelJS from 'exceljs'
import type { Page } from 'playwright-core'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { createUser } from '../../src/server/auth/users.ts'
import { loadConfig } from '../../src/server/config.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { createIngest } from '../../src/server/ingest.ts'
import { seedYear } from '../../scripts/seed/write.ts'
import { launch, startServer, type Browser, type RunningServer } from './harness.ts'

const ADMIN = { name: 'dash-admin', password: 'dash-admin-password-1' }
const GUIDE = { name: 'dash-guide', password: '97531' }
const OUT = 'test-results'
const TINY = '小样本小学'
const EXHIBIT = 'fire-escape'
const YEAR = { from: '2026-01-01', to: '2026-12-31' }

let server: RunningServer
let browser: Browser
let db: Database.Database
let school: string

/** One class of three at TINY: all three play EXHIBIT on 1 June (stored through the server's ingest, as the seed does). */
async function seedTinyClass(path: string): Promise<void> {
  const d = openDatabase(path)
  const config = loadConfig({})
  const station = d.prepare('SELECT id FROM stations LIMIT 1').pluck().get() as string
  d.prepare(
    `INSERT INTO passport_batches (id, request_id, center_id, school, grade, class_name, count, created_ms) VALUES ('tiny', 'tiny', ?, ?, '五年级', '9班', 3, ?)`,
  ).run(config.centerId, TINY, Date.UTC(2026, 4, 1))
  const codes = [createPassportCode(), createPassportCode(), createPassportCode()]
  for (const c of codes)
    d.prepare(`INSERT INTO passports (code, batch_id, center_id, created_ms) VALUES (?, 'tiny', ?, ?)`).run(c, config.centerId, Date.UTC(2026, 4, 1))
  const clock = Date.UTC(2026, 5, 1, 3)
  const ingest = createIngest(d, {
    centerId: config.centerId,
    retentionMs: 10 * 365 * 86_400_000,
    exhibitIds: new Set([EXHIBIT]),
    timeZone: config.timeZone,
    firstDay: '2026-01-01',
    maxClockSkewMs: config.maxClockSkewMs,
    now: () => clock,
  })
  const results = await ingest(
    station,
    codes.map((passportId) => ({
      id: uuidv7(),
      time: new Date(clock - 60_000).toISOString(),
      stationId: station,
      passportId,
      exhibitId: EXHIBIT,
      type: 'exhibit-started' as const,
      data: { mode: 'flat' as const },
    })),
  )
  expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted'])
  d.close()
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sophora-db-')), 'e2e.db')
  const seeded = openDatabase(dbPath, { synchronous: 'NORMAL' })
  await createUser(seeded, ADMIN.name, 'admin', ADMIN.password)
  await createUser(seeded, GUIDE.name, 'guide', GUIDE.password)
  const config = loadConfig({})
  // Seeded before the server starts: seeding keeps this process busy, and the harness's start-up poll runs here too.
  await seedYear(seeded, {
    year: 2026,
    seed: 11,
    scale: 0.02,
    centerId: config.centerId,
    timeZone: config.timeZone,
    exhibitsDirs: ['exhibits'],
    retentionMs: 10 * 365 * 86_400_000,
    maxClockSkewMs: config.maxClockSkewMs,
  })
  seeded.close()
  await seedTinyClass(dbPath)
  ;[server, browser] = await Promise.all([startServer({ dbPath }), launch({ width: 1100, height: 900 })])
  db = new Database(dbPath, { readonly: true })
  // The seeded school with the most passports that played the exhibit.
  school = db
    .prepare(
      `SELECT b.school FROM events e JOIN passports p ON p.code = e.passport_id JOIN passport_batches b ON b.id = p.batch_id
      WHERE e.type = 'exhibit-started' AND e.exhibit_id = ? GROUP BY b.school ORDER BY COUNT(DISTINCT e.passport_id) DESC LIMIT 1`,
    )
    .pluck()
    .get(EXHIBIT) as string
})
afterAll(async () => {
  db?.close()
  await browser?.close()
  await server?.stop()
})

async function signIn(page: Page, who: { name: string; password: string }): Promise<void> {
  await page.fill('[data-testid="guide-name"]', who.name)
  await page.fill('[data-testid="guide-password"]', who.password)
  await page.click('[data-testid="guide-signin-submit"]')
}
const VIEWS = ['visits', 'passports', 'exhibits', 'misconceptions', 'trend', 'activities']
async function allReady(page: Page): Promise<void> {
  for (const v of VIEWS) await page.waitForSelector(`[data-testid="view-${v}"][data-status="ready"]`)
}
/** A view's table as shown: per row, column key → data-value ('' when empty) and whether the row is suppressed. */
async function screenTable(page: Page, view: string) {
  return page.$$eval(`[data-testid="view-${view}"] tr[data-testid="row"]`, (rows) =>
    rows.map((r) => ({
      suppressed: r.getAttribute('data-suppressed') === 'true',
      cells: Object.fromEntries([...r.querySelectorAll('td')].map((td) => [td.dataset.key ?? '', td.dataset.value ?? ''])),
      text: [...r.querySelectorAll('td')].map((td) => td.textContent ?? ''),
    })),
  )
}
const small = (n: number) => n > 0 && n < 5

describe('/admin/dashboard', () => {
  it('an admin filters by school and exhibit: the screen equals direct SQL counts, exports equal the screen, small cells are hidden', async () => {
    const { page } = browser
    await page.goto(`${server.url}/admin/dashboard`)
    await signIn(page, ADMIN)
    await page.waitForSelector('[data-testid="dashboard"][data-status="ready"]')
    await page.fill('[data-testid="filter-from"]', YEAR.from)
    await page.fill('[data-testid="filter-to"]', YEAR.to)
    await page.selectOption('[data-testid="filter-school"]', school)
    await page.selectOption('[data-testid="filter-exhibit"]', EXHIBIT)
    await page.selectOption('[data-testid="filter-bucket"]', 'month')
    await page.click('[data-testid="filter-apply"]')
    await page.waitForURL((u) => u.searchParams.get('school') === school && u.searchParams.get('exhibit') === EXHIBIT)
    await allReady(page)

    // Visits per month: plays and distinct passports of the school's classes at the exhibit.
    const expectVisits = db
      .prepare(
        `SELECT substr(e.day, 1, 7) AS period, COUNT(*) AS plays, COUNT(DISTINCT e.passport_id) AS students
        FROM events e JOIN passports p ON p.code = e.passport_id JOIN passport_batches b ON b.id = p.batch_id
        WHERE e.type = 'exhibit-started' AND e.exhibit_id = ? AND b.school = ? AND e.day BETWEEN ? AND ? GROUP BY period ORDER BY period`,
      )
      .all(EXHIBIT, school, YEAR.from, YEAR.to) as { period: string; plays: number; students: number }[]
    expect(expectVisits.length).toBeGreaterThan(0)
    const visits = await screenTable(page, 'visits')
    expect(visits.map((r) => [r.cells.period, r.cells.plays, r.cells.students, r.suppressed])).toEqual(
      expectVisits.map((r) => (small(r.students) ? [r.period, '', '', true] : [r.period, String(r.plays), String(r.students), false])),
    )

    // Passports per class of the school (the exhibit filter does not apply to them): issued and active in the year.
    const classes = db
      .prepare(
        `SELECT (SELECT COUNT(*) FROM passports p WHERE p.batch_id = b.id) AS issued,
          (SELECT COUNT(DISTINCT e.passport_id) FROM events e JOIN passports p ON p.code = e.passport_id WHERE p.batch_id = b.id AND e.day BETWEEN ? AND ?) AS active
        FROM passport_batches b WHERE b.school = ? ORDER BY b.grade, b.class_name, b.created_ms`,
      )
      .all(YEAR.from, YEAR.to, school) as { issued: number; active: number }[]
    const shown = (n: number) => (small(n) ? '' : String(n))
    expect((await screenTable(page, 'passports')).map((r) => [r.cells.issued, r.cells.active])).toEqual(classes.map((c) => [shown(c.issued), shown(c.active)]))
    await page.waitForSelector('[data-testid="view-passports"] [data-testid="note-exhibit-filter-ignored"]')

    // The exhibit's row: starts and completions.
    const [starts, completions, completers] = db
      .prepare(
        `SELECT COUNT(CASE WHEN e.type = 'exhibit-started' THEN 1 END), COUNT(CASE WHEN e.type = 'exhibit-completed' THEN 1 END),
          COUNT(DISTINCT CASE WHEN e.type = 'exhibit-completed' THEN e.passport_id END)
        FROM events e JOIN passports p ON p.code = e.passport_id JOIN passport_batches b ON b.id = p.batch_id
        WHERE e.exhibit_id = ? AND b.school = ? AND e.day BETWEEN ? AND ?`,
      )
      .raw()
      .get(EXHIBIT, school, YEAR.from, YEAR.to) as [number, number, number]
    expect(completers).toBeGreaterThanOrEqual(5)
    const exhibits = await screenTable(page, 'exhibits')
    expect(exhibits.map((r) => [r.cells.starts, r.cells.completions])).toEqual([[String(starts), String(completions)]])

    // Misconceptions: the "lift" quiz item's most-chosen wrong answer, in the exhibit's own words.
    const wrong = db
      .prepare(
        `SELECT json_extract(e.data, '$.choiceId') AS choice, COUNT(*) AS n, COUNT(DISTINCT e.passport_id) AS students
        FROM events e JOIN passports p ON p.code = e.passport_id JOIN passport_batches b ON b.id = p.batch_id
        WHERE e.type = 'answer-given' AND e.correct = 0 AND e.item_id = 'lift' AND e.exhibit_id = ? AND b.school = ? AND e.day BETWEEN ? AND ?
        GROUP BY choice ORDER BY n DESC`,
      )
      .all(EXHIBIT, school, YEAR.from, YEAR.to) as { choice: string; n: number; students: number }[]
    expect(wrong[0]!.n).toBeGreaterThan(wrong[1]?.n ?? 0)
    expect(wrong[0]!.students).toBeGreaterThanOrEqual(5)
    const words = JSON.parse(readFileSync(`exhibits/${EXHIBIT}/locales/zh-CN.json`, 'utf8')) as Record<string, string>
    const lift = (await screenTable(page, 'misconceptions')).find((r) => r.cells.question === words['quiz.lift.question'])
    expect(lift?.cells.topWrong).toBe(words[`choice.${wrong[0]!.choice}`])
    expect(lift?.cells.topWrongCount).toBe(String(wrong[0]!.n))
    // Chart text in the page's typeface: ECharts' default (sans-serif) has no CJK glyph on a machine
    // without a system CJK font, and its legends showed as empty boxes here.
    await page.waitForSelector('[data-testid="chart"][data-status="ready"] svg text')
    const fonts = await page.$$eval('[data-testid="chart"] svg text', (els) => [...new Set(els.map((e) => getComputedStyle(e).fontFamily))])
    expect(fonts.length).toBeGreaterThan(0)
    for (const f of fonts) expect(f).toContain('Sophora SC')
    await page.screenshot({ path: join(OUT, 'dashboard.png'), fullPage: true })

    // Exports: CSV (BOM, zh-CN headings) and XLSX read back equal the screen.
    const download = async (view: string, format: string) => {
      const [d] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="view-${view}"] [data-testid="export-${format}"]`)])
      expect(d.suggestedFilename()).toBe(`sophora-${view}-${YEAR.from}_${YEAR.to}.${format}`)
      return readFileSync((await d.path())!)
    }
    const csv = await download('visits', 'csv')
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = csv.subarray(3).toString('utf8').trimEnd().split('\r\n')
    expect(lines[0]!.startsWith('时间,体验人次,学生（护照）,散客人次')).toBe(true)
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 4))).toEqual(visits.map((r) => [r.cells.period, r.cells.plays, r.cells.students, r.cells.walkIns]))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await download('exhibits', 'xlsx')) as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('exhibits')!
    const row2 = Array.from((sheet.getRow(2).values as unknown[]).slice(1), (v) => (v === null || v === undefined ? '' : String(v)))
    expect(row2.slice(0, 3)).toEqual([exhibits[0]!.cells.exhibit, String(starts), String(completions)])

    // Filters survive a reload. Opened by address with a session, the page asks for its views
    // before its own chunk has arrived, and for ECharts before any view has answered (each
    // held here until the other was asked: in the old chain, page → views → ECharts, this
    // waits forever), once each: the page takes the answers asked for early.
    const asked: string[] = []
    let echartsAsked = () => {}
    const echarts = new Promise<void>((done) => (echartsAsked = done))
    let viewsAsked = () => {}
    const views = new Promise<void>((done) => (viewsAsked = done))
    const onRequest = (r: { url(): string }) => {
      const path = new URL(r.url()).pathname
      if (/\/assets\/echarts-setup-[^/]+\.js$/.test(path)) echartsAsked()
      if (!path.startsWith('/api/dashboard/')) return
      asked.push(path)
      if (VIEWS.every((v) => asked.includes(`/api/dashboard/views/${v}`))) viewsAsked()
    }
    page.on('request', onRequest)
    await page.route(/\/assets\/dashboard-page-[^/]+\.js$/, async (route) => {
      await views
      await route.continue()
    })
    await page.route(/\/api\/dashboard\/views\//, async (route) => {
      await echarts
      await route.continue()
    })
    await page.reload()
    await allReady(page)
    await page.unrouteAll()
    page.off('request', onRequest)
    expect(asked.sort()).toEqual(['/api/dashboard/options', ...VIEWS.map((v) => `/api/dashboard/views/${v}`)].sort())
    expect(await page.inputValue('[data-testid="filter-school"]')).toBe(school)
    expect((await screenTable(page, 'visits')).map((r) => r.cells)).toEqual(visits.map((r) => r.cells))

    // The class of three: its visits are suppressed, with the note.
    await page.goto(`${server.url}/admin/dashboard?from=${YEAR.from}&to=${YEAR.to}&school=${encodeURIComponent(TINY)}`)
    await allReady(page)
    const tiny = await screenTable(page, 'visits')
    expect(tiny.map((r) => [r.cells.period, r.suppressed, r.text[1]])).toEqual([['2026-06-01', true, '—']])
    await page.waitForSelector('[data-testid="view-visits"] [data-testid="note-suppressed"]')

    // Every event of the dates, one row each (students as pseudonyms), from the button above the views.
    const [ev] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-events"]')])
    expect(ev.suggestedFilename()).toBe(`sophora-events-${YEAR.from}_${YEAR.to}.xlsx`)
    const events = new ExcelJS.Workbook()
    await events.xlsx.load(readFileSync((await ev.path())!) as unknown as ArrayBuffer)
    const inRange = db.prepare('SELECT COUNT(*) FROM events WHERE day BETWEEN ? AND ?').pluck().get(YEAR.from, YEAR.to)
    expect(events.getWorksheet('events')!.actualRowCount - 1).toBe(inRange)
    expect(browser.errors).toEqual([])
  })

  it('a guide sees the dashboard but no exports; the export API answers 403', async () => {
    const { page } = browser
    await page.evaluate(() => sessionStorage.clear())
    await page.goto(`${server.url}/admin/dashboard`)
    await signIn(page, GUIDE)
    await page.waitForSelector('[data-testid="dashboard"][data-role="guide"]')
    await page.waitForSelector('[data-testid="view-exhibits"][data-status="ready"] [data-testid="export-admin-only"]')
    expect(await page.locator('[data-testid^="export-csv"], [data-testid^="export-xlsx"], [data-testid="export-events"]').count()).toBe(0)
    const status = await page.evaluate(async () => {
      const token = (JSON.parse(sessionStorage.getItem('sophora.guide') ?? '{}') as { token?: string }).token
      return (await fetch('/api/dashboard/views/visits/export?format=csv', { headers: { authorization: `Bearer ${token}` } })).status
    })
    expect(status).toBe(403)
  })
})
