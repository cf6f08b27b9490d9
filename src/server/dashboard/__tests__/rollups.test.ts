// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { BUCKETS, STATION_KINDS, type DashboardFilter } from '../../../core/dashboard.ts'
import { openDatabase, type Db } from '../../db/database.ts'
import { createDayOf } from '../../day-key.ts'
import { prepareEventInsert } from '../../db/event-store.ts'
import { createRetention } from '../../retention.ts'
import { exhibitFigures, passportsByClass, visitsByPeriod } from '../aggregates.ts'
import { itemFigures, quizTrend } from '../items.ts'
import * as scan from './scan-oracle.ts'
import { seedYear } from '../../../../scripts/seed/write.ts'
import { createRng } from '../../../../scripts/seed/random.ts'

/**
 * Every dashboard figure read from the rollups (migration 010) equals the same figure from a
 * plain scan of raw events (scan-oracle.ts, the queries the server used before), on random
 * data and on a seeded year, before and after a resent event, an erasure, the retention job,
 * deleted events and an edited event. Random data comes from fixed seeds: every run is the same.
 */
const CENTER = 'center-test'
const ZONE = 'Asia/Shanghai'
const dayOf = createDayOf(ZONE)
const CORE = ['ex-a', 'ex-b']
const ROLLUPS = ['play_rollup', 'done_rollup', 'answer_rollup', 'item_rollup', 'item_month_rollup']

interface World {
  db: Db
  schools: string[]
  grades: string[]
  sessions: string[]
  passports: string[]
  exhibits: string[]
  eventIds: string[]
}

/** Stations of every kind (and one not set up), three class sets in two schools, two sessions, and `n` random events over month ends. */
function randomWorld(seed: number, n: number): World {
  const r = createRng(seed) // the seed's own deterministic generator: a failure names the seed that shows it
  const db = openDatabase(':memory:')
  const stations = ['st-1', 'st-2', 'st-3', 'st-4']
  stations.forEach((id, i) =>
    db.prepare('INSERT INTO stations (id, name, token_hash, created_ms, kind) VALUES (?, ?, ?, 0, ?)').run(id, id, `h${id}`, STATION_KINDS[i] ?? null),
  )
  // The last station is not set up: a kind filter never selects it.
  db.prepare("UPDATE stations SET kind = NULL WHERE id = 'st-4'").run()
  const sets = [
    ['b1', '东湖小学', '三年级'],
    ['b2', '东湖小学', '五年级'],
    ['b3', '西山中学', '三年级'],
  ] as const
  const passports: string[] = []
  for (const [id, school, grade] of sets) {
    db.prepare('INSERT INTO passport_batches (id, request_id, center_id, school, grade, class_name, count, created_ms) VALUES (?, ?, ?, ?, ?, ?, 6, ?)').run(
      id,
      `r${id}`,
      CENTER,
      school,
      grade,
      '1班',
      Date.parse('2026-01-20T02:00:00Z'),
    )
    for (let i = 0; i < 6; i++) {
      const code = `${id}-p${i}`
      passports.push(code)
      db.prepare('INSERT INTO passports (code, batch_id, center_id, created_ms) VALUES (?, ?, ?, ?)').run(code, id, CENTER, Date.parse('2026-01-20T02:00:00Z'))
    }
  }
  const sessions = ['s-1', 's-2']
  sessions.forEach((id, i) =>
    db
      .prepare(
        `INSERT INTO class_sessions (id, request_id, center_id, school, grade, class_name, headcount, exhibits, batch_id, join_code, created_ms)
        VALUES (?, ?, ?, '东湖小学', '三年级', '1班', 6, '[]', ?, ?, 0)`,
      )
      .run(id, `rq${id}`, CENTER, sets[i]![0], `J${i}`),
  )
  const exhibits = ['ex-a', 'ex-b', 'ex-c']
  const days = ['2026-01-30', '2026-01-31', '2026-02-01', '2026-02-14', '2026-02-28', '2026-03-01', '2026-03-02', '2026-04-30', '2026-05-01']
  const types = ['exhibit-started', 'exhibit-completed', 'exhibit-crashed', 'exhibit-exited', 'answer-given', 'step-completed', 'step-mistake', 'stamp-awarded']
  const insert = prepareEventInsert(db)
  const eventIds: string[] = []
  for (let i = 0; i < n; i++) {
    const type = r.pick(types)
    const day = r.pick(days)
    const exhibit = r.pick(exhibits)
    const item = type === 'stamp-awarded' ? r.pick(exhibits) : r.pick(['q1', 'q2', 'step-1'])
    const choice = r.pick(['a', 'b', 'c'])
    const correct = type === 'answer-given' ? (r.chance(0.5) ? 1 : 0) : null
    const data =
      type === 'exhibit-started'
        ? { mode: r.chance(0.3) ? 'vr' : 'flat' }
        : type === 'answer-given'
          ? { quizId: item, choiceId: choice, correct: correct === 1 }
          : type === 'step-mistake'
            ? { stepId: item, choiceId: choice }
            : type === 'exhibit-completed'
              ? { durationMs: r.pick([5_000, 12_000, 30_000, 61_000]) }
              : {}
    const id = `e-${seed}-${i}`
    eventIds.push(id)
    insert.run(
      id,
      Date.parse(`${day}T03:00:00Z`),
      day,
      0,
      r.pick(stations),
      r.chance(0.4) ? r.pick(sessions) : null,
      r.chance(0.75) ? r.pick(passports) : null,
      exhibit,
      type,
      ['answer-given', 'step-completed', 'step-mistake', 'stamp-awarded'].includes(type) ? item : null,
      correct,
      type === 'exhibit-completed' && r.chance(0.9) ? (data as { durationMs: number }).durationMs : null,
      JSON.stringify(data),
    )
  }
  return { db, schools: ['东湖小学', '西山中学'], grades: ['三年级', '五年级'], sessions, passports, exhibits, eventIds }
}

/** The filters a test compares under: none, whole and partial months, each dimension, and combinations. */
function filtersFor(w: Pick<World, 'schools' | 'grades' | 'sessions' | 'exhibits'>, seed: number): DashboardFilter[] {
  const r = createRng(seed)
  const ranges: Pick<DashboardFilter, 'from' | 'to'>[] = [
    {},
    { from: '2026-01-01', to: '2026-12-31' },
    { from: '2026-02-01', to: '2026-02-28' },
    { from: '2026-01-31', to: '2026-03-01' },
    { from: '2026-02-15', to: '2026-02-20' },
    { to: '2026-02-27' },
    { from: '2026-03-01' },
    // Not on the calendar, but the filter's pattern lets it through: read day by day.
    { from: '2026-01-31', to: '2026-02-30' },
  ]
  const out: DashboardFilter[] = [...ranges]
  for (const range of [ranges[0]!, ranges[3]!]) {
    for (const school of w.schools) out.push({ ...range, school })
    out.push({ ...range, grade: w.grades[0] }, { ...range, session: w.sessions[0] }, { ...range, exhibit: w.exhibits[0] })
    for (const kind of STATION_KINDS) out.push({ ...range, kind })
  }
  for (let i = 0; i < 10; i++) {
    const f: DashboardFilter = { ...r.pick(ranges) }
    if (r.chance(0.4)) f.school = r.pick(w.schools)
    if (r.chance(0.3)) f.grade = r.pick(w.grades)
    if (r.chance(0.3)) f.session = r.pick(w.sessions)
    if (r.chance(0.5)) f.exhibit = r.pick(w.exhibits)
    if (r.chance(0.4)) f.kind = r.pick(STATION_KINDS)
    out.push(f)
  }
  return out
}

/** Every figure function, rollup vs scan, under every filter. */
function expectSame(db: Db, filters: DashboardFilter[], coreSet: readonly string[] = CORE) {
  const o = { centerId: CENTER, coreSet, dayOf }
  for (const f of filters) {
    const at = JSON.stringify(f)
    for (const bucket of BUCKETS) expect(visitsByPeriod(db, { ...f, bucket }), `visits ${bucket} ${at}`).toEqual(scan.visitsByPeriod(db, { ...f, bucket }))
    expect(passportsByClass(db, f, o), `passports ${at}`).toEqual(scan.passportsByClass(db, f, o))
    expect(exhibitFigures(db, f), `exhibits ${at}`).toEqual(scan.exhibitFigures(db, f))
    for (const students of [true, false]) {
      expect(itemFigures(db, f, { students }), `items ${String(students)} ${at}`).toEqual(scan.itemFigures(db, f, { students }))
      expect(quizTrend(db, f, { students }), `trend ${String(students)} ${at}`).toEqual(scan.quizTrend(db, f, { students }))
    }
  }
}

describe('dashboard rollups', () => {
  it.each([1, 2])('equal a scan of raw events on random data (seed %i), through resends, erasure, retention, deletes and edits', (seed) => {
    const w = randomWorld(seed, 500)
    const filters = filtersFor(w, seed + 100)
    expectSame(w.db, filters)
    // Figures are not trivially empty: the comparison covers real rows.
    expect(exhibitFigures(w.db, {}).length).toBe(3)
    expect(itemFigures(w.db, {}, { students: false }).some((i) => i.topWrong !== null)).toBe(true)

    // A resent (duplicate) event changes nothing.
    const before = exhibitFigures(w.db, {})
    const dup = w.db.prepare('SELECT * FROM events WHERE type = ? LIMIT 1').get('exhibit-started') as Record<string, unknown>
    const resent = prepareEventInsert(w.db).run(
      dup.id,
      dup.time_ms,
      dup.day,
      1,
      dup.station_id,
      dup.session_id,
      dup.passport_id,
      dup.exhibit_id,
      dup.type,
      dup.item_id,
      dup.correct,
      dup.duration_ms,
      dup.data,
    )
    expect(resent.changes).toBe(0)
    expect(exhibitFigures(w.db, {})).toEqual(before)

    // The rollups are keyed by each passport's class set as it is now: a passport moved to another
    // school's set, one that loses its set (a deleted passport keeps its row without one), and a
    // whole set deleted (its passports' batch_id set to NULL by the foreign key) move their rows.
    // Events of a code with no passport row yet belong to no class set until the passport is added.
    w.db.prepare("UPDATE passports SET batch_id = 'b3' WHERE code = ?").run(w.passports[0]!)
    w.db.prepare('UPDATE passports SET batch_id = NULL WHERE code = ?').run(w.passports[7]!)
    w.db.prepare("UPDATE events SET passport_id = 'late-p' WHERE seq % 13 = 3").run()
    expectSame(w.db, filters)
    w.db.prepare("INSERT INTO passports (code, batch_id, center_id, created_ms) VALUES ('late-p', 'b1', ?, 0)").run(CENTER)
    w.db.prepare("DELETE FROM passport_batches WHERE id = 'b2'").run()
    expect(w.db.prepare('SELECT COUNT(*) FROM passports WHERE batch_id IS NULL').pluck().get()).toBe(6)

    // Erasure of one passport (passports-repo: its events lose the id): its plays become walk-ins.
    // (This check also covers the passport added and the class set deleted just above.)
    w.db.prepare('UPDATE events SET passport_id = NULL WHERE passport_id = ?').run(w.passports[seed]!)
    expectSame(w.db, filters)
    // Its code leaves the rollups' dictionary too; a code still in events stays.
    const keyed = (code: string) => w.db.prepare("SELECT COUNT(*) FROM dash_keys WHERE kind = 'passport' AND value = ?").pluck().get(code)
    expect([keyed(w.passports[seed]!), keyed(w.passports[seed + 2]!)]).toEqual([0, 1])

    // The retention job anonymises everything before its cutoff (mid-February).
    const report = createRetention(w.db, {
      centerId: CENTER,
      retentionDays: 1,
      auditRetentionDays: 365,
      timeZone: ZONE,
      now: () => Date.parse('2026-02-16T04:00:00Z'),
    })()
    expect(report.eventsAnonymised).toBeGreaterThan(0)
    expectSame(w.db, filters)

    // Deleted events (npm run seed -- --clear deletes) and an edited event leave the rollups right.
    w.db.prepare('DELETE FROM events WHERE seq % 5 = 0').run()
    w.db.prepare("UPDATE events SET day = '2026-03-02', station_id = 'st-1', exhibit_id = 'ex-b' WHERE seq % 7 = 1").run()
    w.db.prepare("UPDATE events SET type = 'exhibit-started', item_id = NULL, correct = NULL WHERE seq % 11 = 2").run()
    expectSame(w.db, filters)
    // Removing every event empties every rollup row (none is left at zero).
    w.db.prepare('DELETE FROM events').run()
    for (const t of ROLLUPS) expect(w.db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get(), t).toBe(0)
    w.db.close()
  })

  it('equal a scan of raw events on a seeded year (migration backfill included)', async () => {
    const db = openDatabase(':memory:')
    await seedYear(db, {
      year: 2026,
      seed: 7,
      scale: 0.002,
      centerId: CENTER,
      timeZone: ZONE,
      exhibitsDirs: ['exhibits'],
      retentionMs: 10 * 365 * 86_400_000,
      maxClockSkewMs: 300_000,
    })
    // The backfill: rollups rebuilt from the stored events by migration 014's own statements equal the trigger-kept ones.
    const columns = (t: string) => (db.pragma(`table_info(${t})`) as unknown[]).map((_, i) => i + 1).join()
    const rows = () => ROLLUPS.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY ${columns(t)}`).all())
    const kept = rows()
    for (const t of kept) expect(t.length).toBeGreaterThan(100)
    const migration = (await import('node:fs')).readFileSync(new URL('../../db/migrations/014-dashboard-keys.sql', import.meta.url), 'utf8')
    db.exec(ROLLUPS.map((t) => `DELETE FROM ${t};`).join(''))
    db.exec(migration.slice(migration.indexOf('-- Backfill')))
    expect(rows()).toEqual(kept)

    const schools = db.prepare('SELECT DISTINCT school FROM passport_batches ORDER BY school LIMIT 2').pluck().all() as string[]
    const grades = db.prepare('SELECT DISTINCT grade FROM passport_batches ORDER BY grade LIMIT 2').pluck().all() as string[]
    const sessions = db.prepare('SELECT id FROM class_sessions ORDER BY id LIMIT 2').pluck().all() as string[]
    const exhibits = db.prepare('SELECT DISTINCT exhibit_id FROM events ORDER BY 1').pluck().all() as string[]
    const core = exhibits.slice(0, 2)
    expectSame(db, filtersFor({ schools, grades, sessions, exhibits }, 42).slice(0, 14), core)
    db.close()
  })
})
