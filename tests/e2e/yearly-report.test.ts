/**
 * The yearly report in real Chromium against the real server (one server, one browser): a
 * year's data recorded through the API as guides and stations send it, a guide signs in and
 * opens /admin/report/<year>; every figure on screen equals a count the test makes itself
 * with SQL over the server's database (not the server's query code); a school of three is
 * suppressed; the CSV download starts with a BOM; the print layout is one A4 page in
 * Chromium's PDF (the PDF and a PNG of the print layout are kept for looking at); and
 * without a sign-in the API answers 401.
 */
import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUser } from '../../src/server/auth/users.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { launch, startServer, type Browser, type RunningServer } from './harness.ts'

const GUIDE = { name: 'report-guide', password: 'e2e-report-password-1' }
const OUT = 'test-results'
const ZONE = 'Asia/Shanghai'

let server: RunningServer
let browser: Browser
// Every event at t0: the whole fixture falls in one day (and one year) of the center's zone.
const t0 = Date.now() - 3_600_000
const day = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(t0)
const year = Number(day.slice(0, 4))

async function api(path: string, body: unknown, token?: string): Promise<Record<string, unknown>> {
  const r = await fetch(`${server.url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
  return (await r.json()) as Record<string, unknown>
}

/** Four programme activities, two class sessions (30 and a school of 6) and walk-ins, as the app records them. */
async function record(): Promise<void> {
  const { token } = (await api('/api/auth/login', GUIDE)) as { token: string }
  for (const [type, audience, volunteerHours] of [
    ['lecture', 45, 3.5],
    ['lecture', 38, 0],
    ['salon', 22, 2],
    ['training', 12, 6.5],
  ] as const) {
    await api(
      '/api/programme/activities',
      { requestId: crypto.randomUUID(), topic: `防灾${type}`, type, date: day, durationMinutes: 90, guides: '志愿者', audience, volunteerHours },
      token,
    )
  }
  const station = (await api('/api/stations', { stationId: crypto.randomUUID(), name: 'PC-1' })) as { stationId: string; token: string }
  const ev = (over: Record<string, unknown>) => ({
    id: uuidv7(),
    time: new Date(t0).toISOString(),
    stationId: station.stationId,
    exhibitId: 'fire-escape',
    type: 'exhibit-started',
    data: { mode: 'flat' },
    ...over,
  })
  const events: Record<string, unknown>[] = []
  for (const [school, headcount, visitors] of [
    ['实验小学', 30, 28],
    ['河畔小学', 6, 3],
  ] as const) {
    const s = (await api(
      '/api/class-sessions',
      { requestId: crypto.randomUUID(), school, grade: '四年级', className: '2班', headcount, exhibits: ['fire-escape'] },
      token,
    )) as {
      sessionId: string
      batchId: string
    }
    const batch = (await api(`/api/passports/batches/${s.batchId}`, undefined, token)) as { passports: { code: string }[] }
    batch.passports.slice(0, visitors).forEach((p, i) => {
      events.push(ev({ passportId: p.code, sessionId: s.sessionId }))
      if (i % 3 !== 0)
        events.push(
          ev({ passportId: p.code, sessionId: s.sessionId, type: 'exhibit-completed', data: { score: 8, maxScore: 8, passed: true, durationMs: 300_000 } }),
        )
    })
  }
  for (let i = 0; i < 7; i++) events.push(ev({}))
  const r = (await api('/api/events', { events }, station.token)) as { accepted: number }
  expect(r.accepted).toBe(events.length)
}

/** The figures counted straight from the server's tables, in this test's own SQL. */
function sqlCounts(dbPath: string): Record<string, Record<string, number[]>> {
  const db = new Database(dbPath, { readonly: true })
  try {
    const one = (sql: string, ...p: unknown[]) =>
      db
        .prepare(sql)
        .pluck()
        .get(...p) as number
    const y = `${year}-%`
    // ms columns: the center's year is UTC+8 (Asia/Shanghai has no daylight saving).
    const inYear = `strftime('%Y', created_ms / 1000 + 8 * 3600, 'unixepoch') = '${year}'`
    const act = (type: string) => [
      one('SELECT COUNT(*) FROM activities WHERE type = ? AND day LIKE ?', type, y),
      one('SELECT COALESCE(SUM(audience), 0) FROM activities WHERE type = ? AND day LIKE ?', type, y),
    ]
    const openDays = one(`SELECT COUNT(DISTINCT day) FROM events WHERE type = 'exhibit-started' AND day LIKE ?`, y)
    const starts = one(`SELECT COUNT(*) FROM events WHERE type = 'exhibit-started' AND day LIKE ?`, y)
    const sessions = one(`SELECT COUNT(*) FROM class_sessions WHERE ${inYear}`)
    const headcount = one(`SELECT COALESCE(SUM(headcount), 0) FROM class_sessions WHERE ${inYear}`)
    const programme = ['lecture', 'salon', 'workshop', 'training', 'other'].map(act)
    return {
      activities: {
        lecture: act('lecture'),
        exhibition: [openDays, starts],
        youth: [sessions, headcount],
        salon: act('salon'),
        workshop: act('workshop'),
        training: act('training'),
        other: act('other'),
        'programme-total': [programme.reduce((s, a) => s + a[0]!, 0), programme.reduce((s, a) => s + a[1]!, 0)],
      },
      venue: {
        openDays: [openDays],
        exhibitVisits: [starts],
        completions: [one(`SELECT COUNT(*) FROM events WHERE type = 'exhibit-completed' AND day LIKE ?`, y)],
        students: [one('SELECT COUNT(DISTINCT passport_id) FROM events WHERE passport_id IS NOT NULL AND day LIKE ?', y)],
        classSessions: [sessions],
        schools: [one(`SELECT COUNT(DISTINCT school) FROM class_sessions WHERE ${inYear}`)],
        walkInVisits: [one(`SELECT COUNT(*) FROM events WHERE type = 'exhibit-started' AND passport_id IS NULL AND day LIKE ?`, y)],
        passportsIssued: [one(`SELECT COUNT(*) FROM passports WHERE ${inYear}`)],
      },
      staff: {
        guides: [one(`SELECT COUNT(*) FROM users WHERE role = 'guide' AND disabled_ms IS NULL`)],
        admins: [one(`SELECT COUNT(*) FROM users WHERE role = 'admin' AND disabled_ms IS NULL`)],
        volunteerActivities: [one('SELECT COUNT(*) FROM activities WHERE volunteer_tenths > 0 AND day LIKE ?', y)],
        volunteerHours: [one('SELECT COALESCE(SUM(volunteer_tenths), 0) FROM activities WHERE day LIKE ?', y) / 10],
      },
    }
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true })
  // Server and browser start side by side; the guide account is written straight into the
  // server's database (what the admin CLI does, without starting another Node process).
  ;[server, browser] = await Promise.all([startServer(), launch({ width: 1024, height: 768 })])
  const db = openDatabase(server.dbPath)
  try {
    await createUser(db, GUIDE.name, 'guide', GUIDE.password)
  } finally {
    db.close()
  }
  await record()
})
afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('yearly report', () => {
  it('without a sign-in the report API answers 401', async () => {
    expect((await fetch(`${server.url}/api/reports/yearly?year=${year}`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/reports/yearly.xlsx?year=${year}`)).status).toBe(401)
  })

  it('a guide opens the year: the figures equal SQL counts, small cells are hidden, CSV downloads, and it prints on one A4 page', async () => {
    const { page } = browser
    await page.goto(`${server.url}/admin/report/${year}`)
    await page.fill('[data-testid="guide-name"]', GUIDE.name)
    await page.fill('[data-testid="guide-password"]', GUIDE.password)
    await page.click('[data-testid="guide-signin-submit"]')
    await page.waitForSelector('[data-testid="yearly-report"][data-status="ready"]')

    const onScreen = await page.$$eval('[data-testid="report-table"]', (tables) =>
      Object.fromEntries(
        tables.map((t) => [
          t.getAttribute('data-table'),
          Object.fromEntries(
            [...t.querySelectorAll('tbody tr')].map((tr) => [tr.getAttribute('data-row'), [...tr.querySelectorAll('td')].map((td) => td.dataset.value)]),
          ),
        ]),
      ),
    )
    const expected = sqlCounts(server.dbPath)
    for (const table of ['activities', 'venue', 'staff'] as const) {
      expect(onScreen[table], table).toEqual(Object.fromEntries(Object.entries(expected[table]!).map(([k, v]) => [k, v.map(String)])))
    }
    // The fixture is not empty: the check above compared real figures.
    expect(expected.venue!.exhibitVisits![0]).toBe(28 + 3 + 7)
    // A school of six with three students: both its student cells read "<5"; the class of 30 shows its numbers.
    expect(onScreen.schools).toEqual({ 实验小学: ['1', '30', '28'], 河畔小学: ['1', '6', '<5'] })
    const { centerName } = (await api('/api/center', undefined)) as { centerName: string }
    await expect(page.locator('[data-testid="report-center"]').textContent()).resolves.toBe(centerName)

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="report-csv"]')])
    const csv = readFileSync((await download.path())!)
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(csv.toString('utf8')).toContain(`科普（技）讲座,2,83`)
    expect(download.suggestedFilename()).toBe(`sophora-report-${year}-zh-CN.csv`)

    const pdf = await page.pdf({ path: join(OUT, 'yearly-report.pdf'), format: 'A4', preferCSSPageSize: true, printBackground: true })
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length, 'the report of a small center fits one A4 page').toBe(1)
    // The print layout at A4's printable width (210 − 2 × 14 mm = 182 mm ≈ 688 px): nothing of the app around it, nothing cut off.
    await page.emulateMedia({ media: 'print' })
    await page.setViewportSize({ width: 688, height: 1000 })
    expect(await page.locator('.shell-header').isVisible()).toBe(false)
    expect(await page.locator('.report-toolbar').isVisible()).toBe(false)
    const overflow = await page.evaluate(() => {
      const s = document.querySelector<HTMLElement>('[data-testid="report-sheet"]')!
      return s.scrollWidth - s.clientWidth
    })
    expect(overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: join(OUT, 'yearly-report-print.png'), fullPage: true })
    await page.emulateMedia({ media: 'screen' })

    expect(browser.errors).toEqual([])
    expect(browser.externalRequests).toEqual([])
  })
})
