// @vitest-environment node
import { copyFileSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { median, percentile } from '../../src/server/dashboard/aggregates.ts'
import { buildDistrictApp } from '../../src/server/district/app.ts'
import { addCenter } from '../../src/server/district/centers.ts'
import { runDistrictCli } from '../../src/server/district/cli.ts'
import { loadDistrictConfig } from '../../src/server/district/config.ts'
import { DISTRICT_MIGRATIONS_DIR, openPool, runDistrictMigrations } from '../../src/server/district/database.ts'
import type { Pool } from '../../src/server/district/database.ts'
import { createPartitions } from '../../src/server/district/partitions.ts'
import { findPgBin, startPgCluster } from './pg-cluster.ts'
import { waitFor } from './district-process.ts'
import { makeEvent, tempDir } from '../server/helpers.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { createPassportsRepo } from '../../src/server/db/passports-repo.ts'
import { startDistrictForwarder } from '../../src/server/forwarder/district-forwarder.ts'
import { createDistrictForwarderState } from '../../src/server/forwarder/forwarder-state.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../../src/server/ingest.ts'
import { createRetention } from '../../src/server/retention.ts'
import type { PgCluster } from './pg-cluster.ts'

/**
 * The district administrator's side, in this process on a throwaway cluster: sign-in, the
 * dashboard views over every center's running totals (checked against a direct count over
 * the stored events), the center filter and comparison.
 */
const PG_BIN = findPgBin()
let cluster: PgCluster | undefined
let pool: Pool
let app: FastifyInstance

/** A small deterministic generator: the same mixed batch on every run. */
function rng(seed: number) {
  let s = seed
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return (s >>> 12) % n
  }
}
const RATE_MAX = 12
// Two days in 2025, so ranges across the year's end have students on both sides.
const DAYS = ['2025-11-28', '2025-12-31', '2026-03-02', '2026-03-03', '2026-03-10', '2026-04-01']
function batch(seed: number, size: number) {
  const r = rng(seed)
  const passports = Array.from({ length: 8 }, () => createPassportCode())
  return Array.from({ length: size }, (_, i) => {
    const day = DAYS[r(DAYS.length)]!
    const base = {
      seq: i + 1,
      id: uuidv7(),
      time: Date.parse(`${day}T02:00:00Z`) + r(3_600_000),
      day,
      stationId: '0190f0f0-0000-7000-8000-000000000001',
      sessionId: null,
      passportId: r(3) === 0 ? null : passports[r(8)]!,
      exhibitId: ['fire-escape', 'quake-drill'][r(2)]!,
    }
    switch (r(6)) {
      case 0:
        return { ...base, type: 'exhibit-started', data: r(3) === 0 ? { mode: 'vr' } : { mode: 'flat' } }
      case 1:
        return { ...base, type: 'exhibit-completed', data: { score: 1, maxScore: 1, passed: true, durationMs: 1000 + r(200_000) } }
      case 2:
        return { ...base, type: 'answer-given', data: { quizId: `q${r(2)}`, choiceId: `c${r(3)}`, correct: r(2) === 0 } }
      case 3:
        return { ...base, type: 'step-mistake', data: { stepId: `s${r(2)}`, choiceId: `w${r(3)}` } }
      case 4:
        return { ...base, type: 'stamp-awarded', data: { stampId: base.exhibitId } }
      default:
        return { ...base, type: 'exhibit-crashed', data: { message: 'x' } }
    }
  })
}

describe.skipIf(PG_BIN === null && !process.env.CI)('district admin: sign-in and the dashboard over all centers', () => {
  let token = ''
  const get = async (url: string, auth = token) => {
    const res = await app.inject({ method: 'GET', url, headers: auth ? { authorization: `Bearer ${auth}` } : {} })
    return { status: res.statusCode, json: res.json<{ rows: Record<string, unknown>[] }>() }
  }
  const q = async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[]

  beforeAll(async () => {
    if (PG_BIN === null) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run does this)')
    cluster = startPgCluster(PG_BIN)
    pool = openPool(cluster.url, 4)
    await runDistrictMigrations(pool)
    app = await buildDistrictApp(
      { ...loadDistrictConfig({ DATABASE_URL: cluster.url, PASSPORT_RATE_MAX: String(RATE_MAX) }), logLevel: 'silent' },
      openPool(cluster.url, 2),
    )
  }, 120_000)
  afterAll(async () => {
    await app?.close()
    await pool?.end()
    cluster?.stop()
  })

  it('signs in an admin made by `add-admin` (scrypt-hashed), and only them', async () => {
    const out: string[] = []
    expect(await runDistrictCli(['add-admin', 'qu-admin'], { DATABASE_URL: cluster!.url }, (s) => out.push(s))).toBe(0)
    const password = /^password: (\S+)$/m.exec(out.join('\n'))?.[1] ?? ''
    const stored = await q<{ password_hash: string }>('SELECT password_hash FROM district_admins')
    expect(stored[0]!.password_hash).toMatch(/^scrypt\$/)
    expect(stored[0]!.password_hash).not.toContain(password)
    const login = (username: string, pw: string) => app.inject({ method: 'POST', url: '/api/district/login', payload: { username, password: pw } })
    expect((await login('qu-admin', password + 'x')).statusCode).toBe(401)
    expect((await login('nobody', password)).statusCode).toBe(401)
    const ok = await login('qu-admin', password)
    expect(ok.statusCode).toBe(200)
    token = ok.json<{ token: string }>().token
    expect((await get('/api/district/dashboard/views/visits', '')).status).toBe(401)
    expect((await get('/api/district/dashboard/views/visits', 'sda_forged')).status).toBe(401)
    const c = await addCenter(pool, 'not an admin')
    expect((await get('/api/district/dashboard/views/visits', c.secret)).status).toBe(401)
  })

  it('answers every view from the running totals, equal to a direct count over the events; a resent batch changes nothing', async () => {
    const centers = [await addCenter(pool, '一号馆', 'dash-a'), await addCenter(pool, '二号馆', 'dash-b')]
    const batches = centers.map((_, i) => batch(i + 7, 400))
    const postEvents = (i: number, events: unknown[]) =>
      app.inject({
        method: 'POST',
        url: '/api/district/events',
        headers: { authorization: `Bearer ${centers[i]!.secret}` },
        payload: { centerId: centers[i]!.id, events },
      })
    const post = (i: number) => postEvents(i, batches[i]!)
    // Newest days first, in parts: a student's sets and visitor_history row are merged across
    // statements, earlier days after later ones.
    for (const i of [0, 1]) {
      const byDayDown = [...batches[i]!].sort((a, b) => b.day.localeCompare(a.day))
      let accepted = 0
      for (let k = 0; k < byDayDown.length; k += 100) {
        const r = (await postEvents(i, byDayDown.slice(k, k + 100))).json<{ accepted: number; rejected: unknown[] }>()
        expect(r.rejected).toEqual([])
        accepted += r.accepted
      }
      expect(accepted).toBe(400)
    }
    const before = await get('/api/district/dashboard/views/exhibits?lang=en')
    const totals = () =>
      q(`SELECT (SELECT sum(n) FROM monthly_counts)::int AS m, (SELECT sum(n) FROM visitor_counts)::int AS v, (SELECT count(*) FROM visitor_sets)::int AS s,
        (SELECT count(*) FROM center_days)::int AS d, (SELECT sum(attempts + wrong) FROM monthly_item_counts)::int AS i,
        (SELECT sum(bit_count(days) * 1000 + length(days)) FROM visitor_history)::int AS h`)
    const totalsBefore = await totals()
    expect((await post(0)).json()).toMatchObject({ accepted: 0, duplicate: 400 })
    expect(await totals()).toEqual(totalsBefore)
    expect((await get('/api/district/dashboard/views/exhibits?lang=en')).json).toEqual(before.json)

    const ids = ['dash-a', 'dash-b']
    const visits = await get('/api/district/dashboard/views/visits?bucket=week')
    const expectedVisits = await q<{ period: string; plays: number; walkins: number; students: number }>(
      `SELECT to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD') AS period, count(*)::int AS plays, (count(*) - count(passport_id))::int AS walkins,
        (count(DISTINCT (center_id, passport_id)) FILTER (WHERE passport_id IS NOT NULL))::int AS students FROM events WHERE type = 'exhibit-started' AND center_id = ANY($1) GROUP BY 1 ORDER BY 1`,
      [ids],
    )
    expect(visits.json.rows.map((r) => ({ period: r.period, plays: r.plays, walkins: r.walkIns, students: r.students }))).toEqual(expectedVisits)

    const rows = before.json.rows
    for (const x of ['fire-escape', 'quake-drill']) {
      const row = rows.find((r) => r.exhibitId === x)!
      const [e] = await q<{ starts: number; completions: number; crashes: number; vr: number }>(
        `SELECT count(*) FILTER (WHERE type = 'exhibit-started')::int AS starts, count(*) FILTER (WHERE type = 'exhibit-completed')::int AS completions,
          count(*) FILTER (WHERE type = 'exhibit-crashed')::int AS crashes, count(*) FILTER (WHERE type = 'exhibit-started' AND data->>'mode' = 'vr')::int AS vr
        FROM events WHERE exhibit_id = $1 AND center_id = ANY($2)`,
        [x, ids],
      )
      const secs = (
        await q<{ s: number }>(
          `SELECT (duration_ms / 1000) * 1000 AS s FROM events WHERE exhibit_id = $1 AND center_id = ANY($2) AND duration_ms IS NOT NULL ORDER BY 1`,
          [x, ids],
        )
      ).map((r) => r.s)
      expect(row).toMatchObject({ starts: e!.starts, completions: e!.completions, crashes: e!.crashes, medianMs: median(secs), p90Ms: percentile(secs, 90) })
      expect(row.vrShare).toBe(Math.round((e!.vr / e!.starts) * 1000) / 10)
    }

    const mis = await get('/api/district/dashboard/views/misconceptions?lang=en')
    const tops = await q<{ exhibit_id: string; item_id: string; choice_id: string; n: number }>(
      `SELECT DISTINCT ON (exhibit_id, item_id) exhibit_id, item_id, data->>'choiceId' AS choice_id, count(*)::int AS n FROM events
      WHERE center_id = ANY($1) AND (type = 'step-mistake' OR (type = 'answer-given' AND NOT correct)) GROUP BY 1, 2, 3 ORDER BY exhibit_id, item_id, n DESC, choice_id`,
      [ids],
    )
    expect(mis.json.rows.map((r) => `${String(r.topWrongId)}×${String(r.topWrongCount)}`).sort()).toEqual(tops.map((t) => `${t.choice_id}×${t.n}`).sort())

    const cmp = await get('/api/district/dashboard/views/centers?from=2026-03-01&to=2026-03-31')
    const perCenter = await q<{ id: string; plays: number }>(
      `SELECT k.id, count(e.id)::int AS plays FROM centers k LEFT JOIN events e ON e.center_id = k.id AND e.type = 'exhibit-started' AND e.day BETWEEN '2026-03-01' AND '2026-03-31'
      GROUP BY k.id ORDER BY k.id`,
    )
    expect(cmp.json.rows.map((r) => [r.centerId, r.plays])).toEqual(perCenter.map((r) => [r.id, r.plays]))
    const onlyA = await get('/api/district/dashboard/views/visits?bucket=month&center=dash-a')
    const [a] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM events WHERE center_id = 'dash-a' AND type = 'exhibit-started'`)
    expect(onlyA.json.rows.reduce((s, r) => s + Number(r.plays), 0)).toBe(a!.n)
    expect((await get('/api/district/dashboard/views/visits?school=x')).status).toBe(400)
    // A day the filter's pattern lets through but PostgreSQL refuses: a 4xx, never a 500.
    expect((await get('/api/district/dashboard/views/visits?from=2026-02-30')).status).toBe(422)
  })

  it('reads any range from whole months, edge days and per-period student counters, equal to a direct count', async () => {
    // The batches of the test above: days in November and December 2025, March and April 2026. 2026-03-02 is a Monday.
    const filters = [
      'from=2026-03-02&to=2026-03-10&bucket=day', // edge days only
      'from=2026-03-02&to=2026-04-01&bucket=month', // two partial months
      'from=2026-03-01&to=2026-04-01&bucket=week', // a whole month and a day; weeks cut at both ends
      'from=2026-02-01&to=2026-04-30&bucket=month&exhibit=fire-escape', // whole months only
      'from=2026-03-02&to=2026-03-08', // one week: its counters
      'from=2026-03-02&to=2026-03-02&exhibit=quake-drill', // one day
      'from=2025-12-01&to=2026-12-31&bucket=month', // a whole year and a month before it
      'from=2026-03-03&to=2026-06-30&center=dash-b&bucket=week',
      'from=2026-03-03&to=2026-03-10&exhibit=fire-escape', // days within a year: the pair counts
      'from=2025-06-01&to=2026-03-05&bucket=month', // across a year's end
      // Across years (visitor_history, migration 007): edge days to edge days, whole months, one center, one exhibit, all data.
      'from=2025-11-29&to=2026-03-02&bucket=week',
      'from=2025-12-01&to=2026-03-31&bucket=month&exhibit=quake-drill',
      'from=2025-12-31&to=2026-03-03&center=dash-a',
      'from=2025-11-28&to=2026-03-09&exhibit=fire-escape&bucket=day',
      'bucket=month', // no dates: 2025 and 2026 whole
    ]
    for (const query of filters) {
      const f = Object.fromEntries(new URLSearchParams(query)) as Record<string, string>
      const where = `center_id = ANY($1) AND day BETWEEN $2 AND $3 AND ($4::text IS NULL OR exhibit_id = $4) AND type = 'exhibit-started'`
      const args = [f.center ? [f.center] : ['dash-a', 'dash-b'], f.from ?? '2000-01-01', f.to ?? '2099-12-31', f.exhibit ?? null]
      const trunc = { day: 'day', week: `date_trunc('week', day::timestamp)`, month: `date_trunc('month', day::timestamp)` }[f.bucket ?? 'day']!
      const fmt = f.bucket === 'month' ? 'YYYY-MM' : 'YYYY-MM-DD'
      const periods = await q<{ period: string; plays: number; walkIns: number; students: number }>(
        `SELECT to_char(${trunc}, '${fmt}') AS period, count(*)::int AS plays, (count(*) - count(passport_id))::int AS "walkIns",
          count(DISTINCT (center_id, passport_id)) FILTER (WHERE passport_id IS NOT NULL)::int AS students FROM events WHERE ${where} GROUP BY 1 ORDER BY 1`,
        args,
      )
      const visits = (await get(`/api/district/dashboard/views/visits?${query}`)).json.rows
      expect(
        visits.map((r) => ({ period: r.period, plays: r.plays, walkIns: r.walkIns, students: r.students })),
        query,
      ).toEqual(periods)
      const perExhibit = await q<{ exhibitId: string; starts: number; students: number }>(
        `SELECT exhibit_id AS "exhibitId", count(*)::int AS starts, count(DISTINCT (center_id, passport_id)) FILTER (WHERE passport_id IS NOT NULL)::int AS students
        FROM events WHERE ${where} GROUP BY 1 ORDER BY 1`,
        args,
      )
      const exhibits = (await get(`/api/district/dashboard/views/exhibits?${query}`)).json.rows
      expect(
        exhibits.map((r) => ({ exhibitId: r.exhibitId, starts: r.starts, students: r.students })),
        query,
      ).toEqual(perExhibit)
      const perCenter = await q<{ centerId: string; plays: number; students: number }>(
        `SELECT center_id AS "centerId", count(*)::int AS plays, count(DISTINCT passport_id)::int AS students FROM events WHERE ${where} GROUP BY 1 ORDER BY 1`,
        args,
      )
      const centers = (await get(`/api/district/dashboard/views/centers?${query}`)).json.rows
      expect(
        centers.filter((r) => Number(r.plays) > 0).map((r) => ({ centerId: r.centerId, plays: r.plays, students: r.students })),
        query,
      ).toEqual(perCenter)
    }

    // Migration 005's back-fill of a district's existing totals gives what the inserts kept.
    const tables = [
      'monthly_counts',
      'monthly_start_counts',
      'monthly_duration_counts',
      'monthly_item_counts',
      'monthly_wrong_choices',
      'center_days',
      'visitor_sets',
      'visitor_counts',
      'visitor_history',
    ]
    const snapshot = async () => Promise.all(tables.map((t) => q(`SELECT * FROM ${t} x ORDER BY x`)))
    const kept = await snapshot()
    const sql = readFileSync(join(DISTRICT_MIGRATIONS_DIR, '005-monthly-totals.sql'), 'utf8')
    const sql7 = readFileSync(join(DISTRICT_MIGRATIONS_DIR, '007-visitor-history.sql'), 'utf8')
    await pool.query(`TRUNCATE ${tables.join(', ')}`)
    // 005's back-fill up to visitor_days, which migration 009 dropped
    await pool.query(sql.slice(sql.indexOf('-- The existing totals, counted once.'), sql.indexOf('INSERT INTO visitor_days')))
    await pool.query(sql7.slice(sql7.indexOf('-- The existing students')))
    expect(await snapshot()).toEqual(kept)
    expect(kept.every((rows) => rows.length > 0)).toBe(true)
  })

  it('reports the year per center and in total (科普统计, venues), as JSON and CSV, equal to a direct count', async () => {
    const res = await get('/api/district/reports/yearly?year=2026')
    expect(res.status).toBe(200)
    const r = res.json as unknown as {
      centers: { centerId: string; exhibitVisits: number; walkInVisits: number; students: number; openDays: number }[]
      total: { exhibitVisits: number; openDays: number; centers: number; students: number }
    }
    const direct = await q<{ id: string; visits: number; walkins: number; students: number; days: number }>(
      `SELECT k.id, count(e.id) FILTER (WHERE e.type = 'exhibit-started')::int AS visits,
        count(e.id) FILTER (WHERE e.type = 'exhibit-started' AND e.passport_id IS NULL)::int AS walkins,
        count(DISTINCT e.passport_id)::int AS students, count(DISTINCT e.day) FILTER (WHERE e.type = 'exhibit-started')::int AS days
      FROM centers k LEFT JOIN events e ON e.center_id = k.id AND e.day BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY k.id ORDER BY k.id`,
    )
    expect(r.centers.map((c) => [c.centerId, c.exhibitVisits, c.walkInVisits, c.students, c.openDays])).toEqual(
      direct.map((d) => [d.id, d.visits, d.walkins, d.students, d.days]),
    )
    expect(r.total.exhibitVisits).toBe(direct.reduce((s, d) => s + d.visits, 0))
    expect(r.total.centers).toBe(direct.length)
    const csv = await app.inject({ method: 'GET', url: '/api/district/reports/yearly.csv?year=2026&lang=en', headers: { authorization: `Bearer ${token}` } })
    expect(csv.headers['content-type']).toContain('text/csv')
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[2]).toBe('Center,Open days,Exhibit visits,Completions,Students (passports),Walk-in visits')
    expect(lines.at(-1)).toMatch(new RegExp(`^Total \\(${direct.length} centers\\),${r.total.openDays},${r.total.exhibitVisits},`))
    expect((await get('/api/district/reports/yearly?year=2026', '')).status).toBe(401)
  })

  it('shows a passport as its center does (GET /api/passports/:code, from passport_exhibits), read-only and rate-limited per IP', async () => {
    const [p] = await q<{ passport_id: string; center_id: string }>(
      `SELECT passport_id, center_id FROM events WHERE center_id = 'dash-a' AND passport_id IS NOT NULL ORDER BY passport_id LIMIT 1`,
    )
    const res = await app.inject({ method: 'GET', url: `/api/passports/${p!.passport_id.toLowerCase()}` })
    expect(res.statusCode).toBe(200)
    const expected = await q<{ exhibit_id: string; stamped_at: Date | null; best: number | null; max: number | null; starts: number; completions: number }>(
      `SELECT exhibit_id, min(time) FILTER (WHERE type = 'stamp-awarded') AS stamped_at, max((data->>'score')::int) AS best, max((data->>'maxScore')::int) AS max,
        count(*) FILTER (WHERE type = 'exhibit-started')::int AS starts, count(*) FILTER (WHERE type = 'exhibit-completed')::int AS completions
      FROM events WHERE passport_id = $1 GROUP BY 1 ORDER BY 1`,
      [p!.passport_id],
    )
    expect(res.json()).toEqual({
      code: p!.passport_id,
      centerName: '一号馆',
      exhibits: expected.map((e) => ({
        exhibitId: e.exhibit_id,
        stamped: e.stamped_at !== null,
        stampedAt: e.stamped_at?.toISOString() ?? null,
        bestScore: e.best,
        maxScore: e.max,
        attempts: Math.max(e.starts, e.completions),
      })),
    })
    const statuses: number[] = []
    for (let i = 0; i < RATE_MAX + 1; i++) statuses.push((await app.inject({ method: 'GET', url: `/api/passports/${createPassportCode()}` })).statusCode)
    expect(statuses.filter((s) => s !== 404 && s !== 429)).toEqual([])
    expect(statuses.at(-1)).toBe(429)
    expect((await app.inject({ method: 'DELETE', url: `/api/passports/${p!.passport_id}` })).statusCode).toBe(404)
  })

  it("follows a center's erasure and retention cutoff, forwarded once each: the events lose the passport, its view goes, the counts stay", async () => {
    const t = tempDir('sophora-district-privacy-')
    const db = openDatabase(join(t.dir, 'sophora.db'))
    const c = await addCenter(pool, '三号馆', 'priv-c')
    const stationId = crypto.randomUUID()
    db.prepare('INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)').run(stationId, 's', 'h', Date.now())
    const [x, y] = [createPassportCode(), createPassportCode()]
    const dayOf = createDayOf('Asia/Shanghai')
    const insert = db.prepare(INSERT_EVENT_SQL)
    for (const code of [x, y]) {
      db.prepare("INSERT INTO passports (code, center_id, created_ms) VALUES (?, 'center', ?)").run(code, Date.parse('2026-03-01T00:00:00Z'))
      for (const time of ['2025-12-01T02:00:00Z', '2026-03-02T02:00:00Z', '2026-06-01T02:00:00Z']) {
        insert.run(eventRow(makeEvent(stationId, { passportId: code, time }), dayOf, Date.now()))
        insert.run(eventRow(makeEvent(stationId, { passportId: code, time, type: 'stamp-awarded', data: { stampId: 'fire-escape' } }), dayOf, Date.now()))
      }
    }
    const address = await app.listen({ port: 0, host: '127.0.0.1' })
    const link = { url: address, centerId: c.id, secret: c.secret, caFile: null, batchSize: 500, pollMs: 10, retryMs: 10, retryMaxMs: 50, timeoutMs: 5000 }
    const state = createDistrictForwarderState(db, address, c.id)
    const forwarder = startDistrictForwarder(db, link, { now: Date.now, log: { info: () => undefined, warn: () => undefined, error: () => undefined } })
    const withPassport = async (code: string) =>
      (await q<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE center_id = 'priv-c' AND passport_id = $1", [code]))[0]!.n
    const visitorRows = async () => (await q<{ n: number }>("SELECT count(*)::int AS n FROM daily_visitors WHERE center_id = 'priv-c'"))[0]!.n
    // Another address than the rate-limit test's, whose window may still be full.
    const view = (code: string) => app.inject({ method: 'GET', url: `/api/passports/${code}`, remoteAddress: '192.0.2.7' })
    try {
      await waitFor('the events at the district', async () => (await withPassport(x)) + (await withPassport(y)) === 12)
      expect((await view(x)).statusCode).toBe(200)
      const students = async () =>
        (await get('/api/district/reports/yearly?year=2026')).json as unknown as { centers: { centerId: string; students: number }[] }
      const studentsBefore = (await students()).centers.find((r) => r.centerId === 'priv-c')!.students
      expect(studentsBefore).toBe(2)

      const sets = async (code: string, where = 'true') =>
        (await q<{ n: number }>(`SELECT count(*)::int AS n FROM visitor_sets WHERE passport_id = $1 AND ${where}`, [code]))[0]!.n
      expect(await sets(x)).toBeGreaterThan(0)
      createPassportsRepo(db, { centerId: 'center', now: Date.now }).delete(x)
      await waitFor('the erasure acknowledged', () => state.row()?.privacy_seq === 1)
      expect(await withPassport(x)).toBe(0)
      expect((await view(x)).statusCode).toBe(404)
      expect(await visitorRows()).toBe(6)
      expect(await sets(x)).toBe(0)
      for (const table of ['visitor_sets', 'visitor_history'])
        expect((await q<{ n: number }>(`SELECT count(*)::int AS n FROM ${table} WHERE passport_id = $1`, [x]))[0]!.n, table).toBe(0)
      expect((await students()).centers.find((r) => r.centerId === 'priv-c')!.students).toBe(studentsBefore)
      // Students across years read visitor_history (one row per student for all time).
      const across = async (from: string, to: string) =>
        (await get(`/api/district/dashboard/views/centers?center=priv-c&from=${from}&to=${to}`)).json.rows[0]!.students
      expect(await across('2025-11-01', '2026-01-31')).toBe(2)
      expect(await across('2025-11-01', '2026-06-30')).toBe(2)
      expect(await across('2000-01-01', '2099-12-31')).toBe(2) // all the data: the all-time counters

      // Retention with a cutoff of 2026-04-01 (the center's day): y's March events lose their passport, June's keep it.
      createRetention(db, {
        centerId: 'center',
        retentionDays: 1,
        auditRetentionDays: 365,
        timeZone: 'Asia/Shanghai',
        now: () => Date.parse('2026-04-02T00:00:00Z'),
      })()
      await waitFor('the cutoff acknowledged', () => state.row()?.privacy_seq === 2)
      expect(await withPassport(y)).toBe(2)
      // y's March day, week and month sets lose the code; its 2026 sets keep it (June is after the cutoff).
      expect(await sets(y, `start < '2026-04-01' AND scope <> 'y'`)).toBe(0)
      expect(await sets(y, `scope = 'y'`)).toBeGreaterThan(0)
      expect((await q<{ day: string }>('SELECT DISTINCT day::text AS day FROM events WHERE passport_id = $1', [y])).map((r) => r.day)).toEqual(['2026-06-01'])
      // y's history splits by years: 2025 goes to a token, 2026 keeps the code (June is after the cutoff).
      const history = await q<{ first: string; last: string }>(
        "SELECT first_day::text AS first, last_day::text AS last FROM visitor_history WHERE center_id = 'priv-c' AND passport_id = $1",
        [y],
      )
      expect(history.length).toBeGreaterThan(0)
      expect(history.every((h) => h.first === '2026-03-02' && h.last === '2026-06-01')).toBe(true)
      expect(await across('2025-11-01', '2026-01-31')).toBe(2)
      // A student seen on both sides of the cutoff counts once on each side (as the sets do).
      expect(await across('2025-11-01', '2026-06-30')).toBe(3)
      expect(await across('2000-01-01', '2099-12-31')).toBe(3) // the split's token row counted
      expect((await view(y)).json()).toMatchObject({ exhibits: [{ exhibitId: 'fire-escape', attempts: 1, stampedAt: '2026-06-01T02:00:00.000Z' }] })
      expect(await visitorRows()).toBe(6)
      expect((await q<{ n: number }>('SELECT count(*)::int AS n FROM daily_visitors WHERE passport_id IN ($1, $2)', [x, y]))[0]!.n).toBe(1)
      // Each record went once: nothing more is pending, and the event cursor did not move back.
      expect(db.prepare('SELECT count(*) FROM district_privacy').pluck().get()).toBe(2)
      expect(state.row()).toMatchObject({ last_seq: 12, privacy_seq: 2 })
    } finally {
      await forwarder.stop()
      db.close()
      t.cleanup()
    }
  })

  it('stores events compactly (migration 006): station numbers, data less what has a column; event_data() gives back what the center sent, and 006 turns older rows into the same', async () => {
    const c = await addCenter(pool, '四号馆', 'compact-d')
    const sent = batch(31, 120)
    const res = await app.inject({
      method: 'POST',
      url: '/api/district/events',
      headers: { authorization: `Bearer ${c.secret}` },
      payload: { centerId: c.id, events: sent },
    })
    expect(res.json()).toMatchObject({ accepted: 120, rejected: [] })
    const whole = `SELECT e.id::text, e.time, e.center_id, e.day::text, e.center_seq::text, s.id::text AS station_id, e.session_id::text, e.passport_id,
      e.exhibit_id, e.exhibit_known, e.type::text, e.item_id, e.correct, e.duration_ms, event_data(e.type, e.data, e.item_id, e.correct, e.duration_ms) AS data
      FROM events e JOIN stations s ON s.num = e.station`
    const back = await q<{ id: string; station_id: string; data: unknown }>(`${whole} WHERE e.center_id = $1 ORDER BY 1`, [c.id])
    expect(back.map((r) => ({ id: r.id, stationId: r.station_id, data: r.data }))).toEqual(
      sent.map((e) => ({ id: e.id, stationId: e.stationId, data: e.data })).sort((a, b) => a.id.localeCompare(b.id)),
    )
    const [size] = await q<{ stored: number; whole: number }>(
      `SELECT sum(pg_column_size(data))::int AS stored, sum(pg_column_size(event_data(type, data, item_id, correct, duration_ms)))::int AS whole FROM events WHERE center_id = $1`,
      [c.id],
    )
    expect(size!.stored).toBeLessThan(size!.whole)

    // A district still at 005 holding every event above in its old form: 006 gives the same rows.
    await pool.query('CREATE DATABASE before_006')
    const old = openPool(cluster!.url.replace('/postgres?', '/before_006?'), 2)
    const dir = tempDir('sophora-district-006-')
    try {
      for (const f of readdirSync(DISTRICT_MIGRATIONS_DIR).filter((f) => f < '006')) copyFileSync(join(DISTRICT_MIGRATIONS_DIR, f), join(dir.dir, f))
      expect(await runDistrictMigrations(old, dir.dir)).toHaveLength(5)
      const [all] = await q<{ rows: unknown[] }>(`SELECT json_agg(x) AS rows FROM (${whole}) x`)
      const months = await q<{ m: string }>("SELECT DISTINCT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM') AS m FROM events")
      await createPartitions(old)(months.map((r) => r.m))
      await old.query('INSERT INTO events SELECT * FROM json_populate_recordset(NULL::events, $1)', [JSON.stringify(all!.rows)])
      expect(await runDistrictMigrations(old)).toEqual(
        readdirSync(DISTRICT_MIGRATIONS_DIR)
          .filter((f) => f >= '006')
          .sort(),
      )
      const compact = `SELECT e.*, s.id AS station_uuid FROM events e JOIN stations s ON s.num = e.station ORDER BY e.id`
      const strip = (rows: Record<string, unknown>[]) => rows.map(({ station: _n, ...r }) => r)
      expect(strip((await old.query<Record<string, unknown>>(compact)).rows)).toEqual(strip(await q<Record<string, unknown>>(compact)))
    } finally {
      await old.end()
      await pool.query('DROP DATABASE before_006')
      dir.cleanup()
    }
  })
})
