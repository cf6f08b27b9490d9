// @vitest-environment node
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DashboardTableSchema, type DashboardTable } from '../../src/core/dashboard.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp, type TestApp } from './helpers.ts'

/**
 * The dashboard's figures against counts worked out by hand on a small fixture: two schools
 * (6 and 3 passports), one walk-in, two days a week apart, a VR station. Small cells: any
 * figure that 1–4 students of a school stand behind must come back null with the note.
 */
let t: TestApp
let admin: string
let guide: string
const BIG = '槐树小学'
const SMALL = '柳树小学'
const MAR2 = '2026-03-02T02:00:00.000Z' // a Monday in Shanghai
const MAR9 = '2026-03-09T02:00:00.000Z' // the Monday after

const get = async (url: string, token = admin) => {
  const res = await t.app.inject({ url, headers: { authorization: `Bearer ${token}` } })
  return { status: res.statusCode, body: res.body, raw: res.rawPayload, headers: res.headers }
}
const view = async (url: string): Promise<DashboardTable> => {
  const r = await get(url)
  expect(r.status, r.body).toBe(200)
  return DashboardTableSchema.parse(JSON.parse(r.body))
}

beforeAll(async () => {
  t = await testApp({ coreSet: ['fire-escape', 'quake-drill'] })
  admin = await loginAs(t, 'admin', 'admin')
  guide = await loginAs(t, 'guide', 'guide', '2468')
  const flat = await registerStation(t.app)
  const vr = await registerStation(t.app)
  t.ctx.db.prepare("UPDATE stations SET kind = 'headset' WHERE id = ?").run(vr.stationId)
  t.ctx.db.prepare("UPDATE stations SET kind = 'touchscreen' WHERE id = ?").run(flat.stationId)
  const P = await issuePassports(t.app, admin, 6, { school: BIG })
  const Q = await issuePassports(t.app, admin, 3, { school: SMALL })
  const ev = (station: { stationId: string }, time: string, over: Partial<VisitEvent> & Record<string, unknown>) =>
    makeEvent(station.stationId, { time, ...over })
  const flatEvents: VisitEvent[] = []
  const vrEvents: VisitEvent[] = []
  P.forEach((code, i) => {
    const onVr = i < 2
    ;(onVr ? vrEvents : flatEvents).push(ev(onVr ? vr : flat, MAR2, { passportId: code, type: 'exhibit-started', data: { mode: onVr ? 'vr' : 'flat' } }))
    // Quiz "lift": three pick x, one picks y, two are right.
    const choice = i < 3 ? 'x' : i === 3 ? 'y' : 'ok'
    flatEvents.push(ev(flat, MAR2, { passportId: code, type: 'answer-given', data: { quizId: 'lift', choiceId: choice, correct: choice === 'ok' } }))
    if (i < 5)
      flatEvents.push(
        ev(flat, MAR2, { passportId: code, type: 'exhibit-completed', data: { score: 1, maxScore: 1, passed: true, durationMs: (i + 1) * 10_000 } }),
      )
  })
  for (const code of Q) flatEvents.push(ev(flat, MAR2, { passportId: code, type: 'exhibit-started', data: { mode: 'flat' } }))
  flatEvents.push(ev(flat, MAR2, { passportId: Q[0], type: 'exhibit-completed', data: { score: 1, maxScore: 1, passed: true, durationMs: 100_000 } }))
  flatEvents.push(ev(flat, MAR2, { exhibitId: 'quake-drill', type: 'exhibit-started', data: { mode: 'flat' } }))
  // P[0] holds both core stamps by 9 March; P[1] only one.
  flatEvents.push(ev(flat, MAR2, { passportId: P[0], type: 'stamp-awarded', data: { stampId: 'fire-escape' } }))
  flatEvents.push(ev(flat, MAR2, { passportId: P[1], type: 'stamp-awarded', data: { stampId: 'fire-escape' } }))
  flatEvents.push(ev(flat, MAR9, { passportId: P[0], exhibitId: 'quake-drill', type: 'exhibit-started', data: { mode: 'flat' } }))
  flatEvents.push(ev(flat, MAR9, { passportId: P[0], exhibitId: 'quake-drill', type: 'stamp-awarded', data: { stampId: 'quake-drill' } }))
  expect((await postEvents(t.app, flat.token, flatEvents)).json().accepted).toBe(flatEvents.length)
  expect((await postEvents(t.app, vr.token, vrEvents)).json().accepted).toBe(vrEvents.length)
  const act = t.ctx.db
    .prepare(`INSERT INTO activities (id, request_id, center_id, topic, type, day, duration_min, guides, audience, volunteer_tenths, created_ms, updated_ms)
    VALUES (?, ?, ?, '防震讲座', 'lecture', ?, 60, '2', ?, ?, 0, 0)`)
  act.run('a1', 'r1', t.config.centerId, '2026-03-07', 30, 15)
  act.run('a2', 'r2', t.config.centerId, '2026-03-08', 20, 10)
  act.run('a3', 'r3', t.config.centerId, '2025-12-31', 99, 99)
})
afterAll(async () => {
  await t.cleanup()
})

const pick = (tb: DashboardTable, keys: string[]) => tb.rows.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])))

describe('dashboard views', () => {
  it('visits per day and per week, students and walk-ins; a school of 3 is suppressed', async () => {
    const keys = ['period', 'plays', 'students', 'walkIns', 'suppressed']
    expect(pick(await view('/api/dashboard/views/visits'), keys)).toEqual([
      { period: '2026-03-02', plays: 10, students: 9, walkIns: 1, suppressed: null },
      { period: '2026-03-09', plays: 1, students: 1, walkIns: 0, suppressed: null },
    ])
    expect(pick(await view('/api/dashboard/views/visits?bucket=month'), keys)).toEqual([
      { period: '2026-03', plays: 11, students: 9, walkIns: 1, suppressed: null },
    ])
    const big = await view(`/api/dashboard/views/visits?bucket=week&school=${encodeURIComponent(BIG)}`)
    expect(pick(big, keys)).toEqual([
      { period: '2026-03-02', plays: 6, students: 6, walkIns: 0, suppressed: null },
      { period: '2026-03-09', plays: null, students: null, walkIns: null, suppressed: 'fewer-than-5-students' },
    ])
    expect(big.notes).toContain('suppressed')
    const small = await view(`/api/dashboard/views/visits?school=${encodeURIComponent(SMALL)}`)
    expect(pick(small, keys)).toEqual([{ period: '2026-03-02', plays: null, students: null, walkIns: null, suppressed: 'fewer-than-5-students' }])
    expect(pick(await view('/api/dashboard/views/visits?kind=headset'), ['plays', 'students'])).toEqual([{ plays: 2, students: 2 }])
  })

  it('per exhibit: starts, completions, rate, median and p90, VR share, students', async () => {
    const all = await view('/api/dashboard/views/exhibits?from=2026-03-02&to=2026-03-02')
    const fire = all.rows.find((r) => r.exhibitId === 'fire-escape')
    // Completions 10, 20, 30, 40, 50, 100 s: median (30+40)/2; p90 by nearest rank = the 6th.
    expect(fire).toMatchObject({ starts: 9, completions: 6, completionRate: 66.7, medianMs: 35_000, p90Ms: 100_000, vrShare: 22.2, crashes: 0, students: 9 })
    const big = await view(`/api/dashboard/views/exhibits?exhibit=fire-escape&school=${encodeURIComponent(BIG)}`)
    expect(big.rows).toHaveLength(1)
    expect(big.rows[0]).toMatchObject({ starts: 6, completions: 5, completionRate: 83.3, medianMs: 30_000, p90Ms: 50_000, vrShare: 33.3, suppressed: null })
    // 柳树小学: 3 started, 1 finished: nothing of it is shown.
    const small = await view(`/api/dashboard/views/exhibits?school=${encodeURIComponent(SMALL)}`)
    expect(small.rows[0]).toMatchObject({ starts: null, completions: null, medianMs: null, suppressed: 'fewer-than-5-students' })
  })

  it('the most-chosen wrong answer, hidden when fewer than 5 students of the school chose it', async () => {
    const all = await view('/api/dashboard/views/misconceptions')
    expect(all.rows.find((r) => r.question === 'lift')).toMatchObject({ attempts: 6, percentWrong: 66.7, topWrong: 'x', topWrongCount: 3, suppressed: null })
    const big = await view(`/api/dashboard/views/misconceptions?school=${encodeURIComponent(BIG)}`)
    expect(big.rows.find((r) => r.question === 'lift')).toMatchObject({
      attempts: 6,
      percentWrong: 66.7,
      topWrong: null,
      topWrongCount: null,
      suppressed: 'fewer-than-5-students',
    })
    const trend = await view('/api/dashboard/views/trend')
    expect(pick(trend, ['month', 'question', 'answers', 'percentWrong'])).toEqual([{ month: '2026-03', question: 'lift', answers: 6, percentWrong: 66.7 }])
  })

  it('passports per class: issued, active, completed the core set (by class, so always suppressed below 5)', async () => {
    const tb = await view('/api/dashboard/views/passports?from=2026-01-01&to=2026-12-31')
    const keys = ['school', 'issued', 'active', 'completed', 'suppressed']
    expect(pick(tb, keys)).toEqual([
      { school: SMALL, issued: null, active: null, completed: null, suppressed: 'fewer-than-5-students' },
      { school: BIG, issued: 6, active: 6, completed: null, suppressed: 'fewer-than-5-students' },
    ])
    // Before 9 March nobody held both stamps: completed is 0 (describes nobody, so shown).
    expect(pick(await view(`/api/dashboard/views/passports?to=2026-03-08&school=${encodeURIComponent(BIG)}`), keys)).toEqual([
      { school: BIG, issued: 6, active: 6, completed: 0, suppressed: null },
    ])
  })

  it('programme activities by type in the range, with volunteer hours', async () => {
    const tb = await view('/api/dashboard/views/activities?from=2026-01-01&to=2026-12-31&lang=en&school=x')
    expect(pick(tb, ['type', 'activities', 'participants', 'volunteerHours'])).toEqual([
      { type: 'Lectures', activities: 2, participants: 50, volunteerHours: 2.5 },
    ])
    expect(tb.notes).toEqual(['class-filters-ignored'])
  })
})

describe('dashboard access and query strings', () => {
  it('guides read views; only admins export; strangers and bad filters get 4xx with reasons', async () => {
    expect((await get('/api/dashboard/views/exhibits', guide)).status).toBe(200)
    expect((await get('/api/dashboard/options', guide)).status).toBe(200)
    const denied = await get('/api/dashboard/views/exhibits/export?format=csv', guide)
    expect([denied.status, JSON.parse(denied.body).error]).toEqual([403, 'admin-only'])
    expect((await t.app.inject({ url: '/api/dashboard/views/visits' })).statusCode).toBe(401)
    for (const q of ['from=2026-03-09&to=2026-03-01', 'bucket=year', 'nope=1', 'kind=fridge', 'exhibit=../x', 'school=']) {
      const r = await get(`/api/dashboard/views/visits?${q}`)
      expect(r.status, q).toBe(400)
      expect(JSON.parse(r.body).reasons.length, q).toBeGreaterThan(0)
    }
    expect((await get('/api/dashboard/views/nope')).status).toBe(400)
  })
})

describe('dashboard exports', () => {
  it('CSV: UTF-8 with BOM, the table as shown (suppressed cells empty, with the note), named by the range', async () => {
    const q = `from=2026-03-01&to=2026-03-31&school=${encodeURIComponent(BIG)}&bucket=week`
    const r = await get(`/api/dashboard/views/visits/export?format=csv&${q}`)
    expect(r.status).toBe(200)
    expect([...r.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(r.headers['content-disposition']).toBe('attachment; filename="sophora-visits-2026-03-01_2026-03-31.csv"')
    expect(r.raw.subarray(3).toString('utf8')).toBe('时间,体验人次,学生（护照）,散客人次,备注\r\n2026-03-02,6,6,0,\r\n2026-03-09,,,,少于 5 名学生，不显示\r\n')
  })

  it('XLSX read back with exceljs equals the table', async () => {
    const tb = await view('/api/dashboard/views/exhibits?lang=en')
    const r = await get('/api/dashboard/views/exhibits/export?format=xlsx&lang=en')
    expect(r.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('exhibits')!
    const values = ws
      .getSheetValues()
      .slice(1)
      .map((row) => Array.from((row as unknown[]).slice(1), (v) => v ?? null))
    expect(values[0]).toEqual(tb.columns.map((c) => c.label.en))
    expect(values.slice(1)).toEqual(tb.rows.map((row) => tb.columns.map((c) => row[c.key] ?? null)))
  })
})

describe('per-event XLSX export', () => {
  it('streams every event of the range, one row each, students only as pseudonyms; admins only; 413 over the limit', async () => {
    const q = 'from=2026-03-02&to=2026-03-08&lang=en'
    const r = await get(`/api/dashboard/events/export?${q}`)
    expect(r.status, r.body).toBe(200)
    expect(r.headers['content-disposition']).toBe('attachment; filename="sophora-events-2026-03-02_2026-03-08.xlsx"')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(r.raw as unknown as ArrayBuffer)
    const rows = wb
      .getWorksheet('events')!
      .getSheetValues()
      .slice(1)
      // Twelve cells a row: exceljs leaves trailing empty cells out.
      .map((row) => Array.from({ length: 12 }, (_, i) => (row as unknown[])[i + 1] ?? null))
    expect(rows[0]).toEqual([
      'Time (UTC)',
      'Day',
      'Exhibit',
      'Event',
      'Item',
      'Choice',
      'Correct',
      'Duration (ms)',
      'Mode',
      'Station',
      'Class session',
      'Student (pseudonym)',
    ])
    const db = t.ctx.db
    const stored = db
      .prepare("SELECT type, exhibit_id AS exhibit, passport_id AS passport FROM events WHERE day BETWEEN '2026-03-02' AND '2026-03-08' ORDER BY seq")
      .all() as { type: string; exhibit: string; passport: string | null }[]
    const body = rows.slice(1)
    expect(body.map((x) => [x[3], x[2]])).toEqual(stored.map((s) => [s.type, s.exhibit]))
    // One pseudonym per passport, the same on each of its rows; walk-ins have none; no code leaves the server.
    const pairs = new Set(body.map((x, i) => `${stored[i]!.passport}→${String(x[11])}`))
    const codes = new Set(stored.map((s) => s.passport).filter((p) => p !== null))
    expect(pairs.size).toBe(new Set(stored.map((s) => s.passport)).size)
    expect(new Set(body.map((x) => x[11]).filter((p) => p !== null)).size).toBe(codes.size)
    // The file is zipped: look in the cells, not the bytes.
    const cells = body.flat().map(String)
    for (const code of codes) expect(cells.some((c) => c.includes(code!))).toBe(false)
    expect(body.filter((_, i) => stored[i]!.passport === null).every((x) => x[11] === null)).toBe(true)

    const guideTry = await get(`/api/dashboard/events/export?${q}`, guide)
    expect([guideTry.status, JSON.parse(guideTry.body).error]).toEqual([403, 'admin-only'])
    const over = await get(`/api/dashboard/events/export?${q}&limit=3`)
    expect([over.status, JSON.parse(over.body).error]).toEqual([413, 'too-many-events'])
    expect((await get('/api/dashboard/events/export?from=2026-03-02')).status).toBe(400)
  })
})
