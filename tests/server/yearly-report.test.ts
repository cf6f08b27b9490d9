// @vitest-environment node
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { YearlyReportSchema, type YearlyReport } from '../../src/core/yearly-report.ts'
import { reportTables } from '../../src/core/yearly-report-tables.ts'
import { loginAs, makeEvent, postEvents, registerStation, testApp, type TestApp } from './helpers.ts'

/**
 * The yearly report on a small fixture whose every figure is counted by hand below, with the
 * year cut at the center's midnight (Asia/Shanghai, UTC+8), not UTC's; the small-cell rule on
 * a school of three; and the CSV (BOM) and XLSX files read back against the JSON's tables.
 */
let t: TestApp
let guide: string
let admin: string
let station: { stationId: string; token: string }

const at = (iso: string) => t.clock.advance(Date.parse(iso) - t.clock.now())
const get = (url: string, token: string | null = guide) => t.app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} })
async function report(year: number): Promise<YearlyReport> {
  const res = await get(`/api/reports/yearly?year=${year}`)
  expect(res.statusCode, res.body).toBe(200)
  return YearlyReportSchema.parse(res.json())
}
async function post(url: string, body: Record<string, unknown>, status = 201) {
  const res = await t.app.inject({ method: 'POST', url, headers: { authorization: `Bearer ${guide}` }, payload: { requestId: crypto.randomUUID(), ...body } })
  expect(res.statusCode, res.body).toBe(status)
  return res.json() as Record<string, unknown>
}
const activity = (type: string, date: string, audience: number, volunteerHours: number) =>
  post('/api/programme/activities', { topic: `${type} ${date}`, type, date, durationMinutes: 60, guides: '志愿者', audience, volunteerHours })
const session = async (school: string, headcount: number) => {
  const s = (await post('/api/class-sessions', { school, grade: '四年级', className: '1班', headcount, exhibits: ['fire-escape'] })) as {
    sessionId: string
    batchId: string
  }
  const batch = await get(`/api/passports/batches/${s.batchId}`)
  return { id: s.sessionId, codes: (batch.json() as { passports: { code: string }[] }).passports.map((p) => p.code) }
}
const starts = (iso: string, n: number, over: Record<string, unknown> = {}) =>
  Array.from({ length: n }, () => makeEvent(station.stationId, { time: iso, ...over }))

beforeAll(async () => {
  t = await testApp({ timeZone: 'Asia/Shanghai' })
  guide = await loginAs(t, 'zhao', 'guide', 'guide-pass-1')
  admin = await loginAs(t, 'boss', 'admin', 'admin-pass-1')
  station = await registerStation(t.app)

  // 23:30 on Dec 31st in Shanghai: three passports of 2025. 00:30 on Jan 1st: two sessions of 2026 (6 + 3 passports).
  at('2025-12-31T15:30:00Z')
  await post('/api/passports/batches', { school: '旧年小学', grade: '三年级', className: '2班', count: 3 })
  at('2025-12-31T16:30:00Z')
  const a = await session('A校', 6)
  const b = await session('B校', 3)
  at('2026-06-15T04:00:00Z')
  await post('/api/passports/batches', { school: 'A校', grade: '五年级', className: '3班', count: 2 })

  await activity('lecture', '2026-03-05', 40, 3.5)
  await activity('lecture', '2026-12-31', 10, 0)
  await activity('salon', '2026-04-10', 25, 2)
  await activity('training', '2026-06-01', 12, 10.5)
  await activity('lecture', '2025-12-31', 30, 1)

  const events = [
    // Session A: six students start, five complete; session B: two of its three start.
    ...a.codes.flatMap((code, i) => [
      makeEvent(station.stationId, { time: '2026-03-10T02:00:00Z', passportId: code, sessionId: a.id }),
      ...(i < 5
        ? [
            makeEvent(station.stationId, {
              time: '2026-03-10T02:10:00Z',
              passportId: code,
              sessionId: a.id,
              type: 'exhibit-completed',
              data: { score: 8, maxScore: 8, passed: true, durationMs: 600_000 },
            }),
          ]
        : []),
    ]),
    ...b.codes.slice(0, 2).map((code) => makeEvent(station.stationId, { time: '2026-03-10T03:00:00Z', passportId: code, sessionId: b.id })),
    // Walk-ins: three on May 1st, one at 00:30 on Jan 1st (2026 here, 2025 in UTC), one at 23:00 on Dec 31st 2025.
    ...starts('2026-05-01T03:00:00Z', 3),
    ...starts('2025-12-31T16:30:00Z', 1),
    ...starts('2025-12-31T15:00:00Z', 1),
  ]
  const res = await postEvents(t.app, station.token, events)
  expect(res.statusCode, res.body).toBe(200)
  expect(res.json().accepted).toBe(events.length)
})
afterAll(async () => {
  await t?.cleanup()
})

describe('yearly report', () => {
  it('counts 2026 as hand-counted, the year cut at the center’s midnight', async () => {
    const r = await report(2026)
    expect(r.activities).toEqual({
      lecture: { count: 2, participants: 50 },
      exhibition: { count: 3, participants: 12 },
      youth: { count: 2, participants: 9 },
      salon: { count: 1, participants: 25 },
      workshop: { count: 0, participants: 0 },
      training: { count: 1, participants: 12 },
      other: { count: 0, participants: 0 },
    })
    expect(r.venue).toEqual({ openDays: 3, exhibitVisits: 12, completions: 5, students: 8, classSessions: 2, schools: 2, walkInVisits: 4, passportsIssued: 11 })
    expect(r.staff).toEqual({ guides: 1, admins: 1, volunteerActivities: 3, volunteerHours: 16 })
    // B校: a class of three, two of whom came: both cells describe fewer than five students.
    expect(r.schools).toEqual([
      { school: 'A校', sessions: 1, headcount: 6, students: 6 },
      { school: 'B校', sessions: 1, headcount: null, students: null },
    ])
    expect(r.suppressedCells).toBe(2)
    expect(r.centerName).toBe(t.config.centerName)
    expect(r.generatedAt).toBe('2026-06-15T04:00:00.000Z')
  })

  it('2025 holds only what happened before the center’s midnight', async () => {
    const r = await report(2025)
    expect(r.activities.lecture).toEqual({ count: 1, participants: 30 })
    expect(r.venue).toEqual({ openDays: 1, exhibitVisits: 1, completions: 0, students: 0, classSessions: 0, schools: 0, walkInVisits: 1, passportsIssued: 3 })
    expect(r.staff.volunteerHours).toBe(1)
    expect(r.schools).toEqual([])
  })

  it('is for guides and admins only, and says what is wrong with a year', async () => {
    expect((await get('/api/reports/yearly?year=2026', null)).statusCode).toBe(401)
    expect((await get('/api/reports/yearly?year=2026', station.token)).statusCode).toBe(403)
    expect((await get('/api/reports/yearly.csv?year=2026', null)).statusCode).toBe(401)
    expect((await get('/api/reports/yearly.xlsx?year=2026', station.token)).statusCode).toBe(403)
    expect((await get('/api/reports/yearly?year=2026', admin)).statusCode).toBe(200)
    for (const [query, reason] of [
      ['year=abc', /^year: /],
      ['year=1999', /^year: must be 2000 or later/],
      ['year=2026.5', /^year: must be a whole year/],
      ['year=2027', /^year: 2027 has not begun yet/],
      ['', /^year: /],
      ['year=2026&school=A', /school/],
    ] as const) {
      const res = await get(`/api/reports/yearly?${query}`)
      expect(res.statusCode, query).toBe(400)
      expect(res.json().reasons.join('\n'), query).toMatch(reason)
    }
    expect((await get('/api/reports/yearly.csv?year=2026&lang=fr')).statusCode).toBe(400)
  })

  it('the CSV (UTF-8 with BOM) and the XLSX hold the page’s tables, cell for cell', async () => {
    const r = await report(2026)
    const tables = reportTables(r, 'zh-CN')
    const expected = tables.flatMap((tb) => [[tb.title], tb.columns, ...tb.rows.map((row) => row.cells.map(String)), ...tb.notes.map((n) => [n])])

    const csv = await get('/api/reports/yearly.csv?year=2026')
    expect(csv.statusCode).toBe(200)
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8')
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    const csvLines = csv.rawPayload
      .subarray(3)
      .toString('utf8')
      .split('\r\n')
      .filter((l) => l !== '')
      .map((l) => l.split(','))
    expect(csvLines.slice(0, 2)).toEqual([[t.config.centerName], ['2026 年度科普工作统计']])
    expect(csvLines.slice(3)).toEqual(expected)
    expect(csvLines).toContainEqual(['B校', '1', '<5', '<5'])

    const xlsx = await get('/api/reports/yearly.xlsx?year=2026&lang=en')
    expect(xlsx.statusCode).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const ws = wb.getWorksheet('2026')!
    const rows: string[][] = []
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map(String)))
    const en = reportTables(r, 'en')
    expect(rows.slice(0, 2)).toEqual([[t.config.centerName], ['Science-popularisation statistics 2026']])
    expect(rows.slice(3)).toEqual(en.flatMap((tb) => [[tb.title], tb.columns, ...tb.rows.map((row) => row.cells.map(String)), ...tb.notes.map((n) => [n])]))
    // Numbers stay numbers in the sheet (Excel can add them up).
    const lectures: unknown[] = []
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'Lectures') lectures.push(row.getCell(2).value, row.getCell(3).value)
    })
    expect(lectures).toEqual([2, 50])
  })

  it('a school name that looks like a formula is exported as text, never run by a spreadsheet', async () => {
    await session('=HYPERLINK("http://x","点我")', 40)
    const csv = (await get('/api/reports/yearly.csv?year=2026')).rawPayload.toString('utf8')
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点我"")",1,40,0`)
    expect(csv).not.toMatch(/^=/m)
  })
})
