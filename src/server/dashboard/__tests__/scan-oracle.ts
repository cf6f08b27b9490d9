import type { Db } from '../../db/database.ts'
import type { DashboardFilter } from '../../../core/dashboard.ts'
import {
  median,
  percentile,
  type ActivityTypeFigures,
  type ClassPassports,
  type ExhibitFigures,
  type ItemFigures,
  type MonthItem,
  type PeriodVisits,
} from '../aggregates.ts'
import { bind } from '../where.ts'

/**
 * The test's oracle: the dashboard's figures by a plain scan of raw `events`, as the server
 * computed them before the rollups (migration 010). Kept here, not in production code, so the
 * rollup-reading queries are checked against an independent, obviously-right computation.
 */
const EVENTS_WHERE = `e.day BETWEEN @from AND @to
  AND (@exhibit IS NULL OR e.exhibit_id = @exhibit)
  AND (@session IS NULL OR e.session_id = @session)
  AND (@kind IS NULL OR e.station_id IN (SELECT id FROM stations WHERE kind = @kind))
  AND ((@school IS NULL AND @grade IS NULL) OR e.passport_id IN (SELECT p.code FROM passports p JOIN passport_batches b ON b.id = p.batch_id
    WHERE (@school IS NULL OR b.school = @school) AND (@grade IS NULL OR b.grade = @grade)))`
const PERIOD_SQL = {
  day: 'e.day',
  week: "date(e.day, '-6 days', 'weekday 1')",
  month: 'substr(e.day, 1, 7)',
} as const

export const visitsByPeriod = (db: Db, f: DashboardFilter): PeriodVisits[] =>
  db
    .prepare(
      `SELECT ${PERIOD_SQL[f.bucket ?? 'day']} AS period, COUNT(*) AS plays, COUNT(*) - COUNT(e.passport_id) AS walkInPlays,
        COUNT(DISTINCT e.passport_id) AS students
      FROM events e WHERE e.type = 'exhibit-started' AND ${EVENTS_WHERE} GROUP BY period ORDER BY period`,
    )
    .all(bind(f)) as PeriodVisits[]

/**
 * Per class set: passports issued, active in the range (any event), and holding every stamp of
 * the core set by the range's end. Classes issued in the range or active in it are listed.
 */
export function passportsByClass(
  db: Db,
  f: DashboardFilter,
  o: { centerId: string; coreSet: readonly string[]; dayOf: (ms: number) => string },
): ClassPassports[] {
  const b = bind(f, { classOnly: true })
  const batches = db
    .prepare(
      `SELECT b.id AS batchId, b.school, b.grade, b.class_name AS className, b.created_ms AS createdMs,
        (SELECT COUNT(*) FROM passports p WHERE p.batch_id = b.id) AS issued
      FROM passport_batches b WHERE b.center_id = @center AND (@school IS NULL OR b.school = @school) AND (@grade IS NULL OR b.grade = @grade)
        AND (@session IS NULL OR b.id = (SELECT batch_id FROM class_sessions WHERE id = @session))
      ORDER BY b.school, b.grade, b.class_name, b.created_ms`,
    )
    .all({ ...b, center: o.centerId }) as Omit<ClassPassports, 'active' | 'completed'>[]
  // Without a session filter, the trigger-kept daily_visitors (one row per passport and day)
  // says who was active: a few thousand rows instead of every event of the range.
  const activeSql =
    b.session === null
      ? `SELECT p.batch_id AS batchId, COUNT(DISTINCT v.passport_id) AS n FROM daily_visitors v JOIN passports p ON p.code = v.passport_id
          WHERE p.batch_id IS NOT NULL AND v.day BETWEEN @from AND @to GROUP BY p.batch_id`
      : `SELECT p.batch_id AS batchId, COUNT(DISTINCT e.passport_id) AS n FROM events e JOIN passports p ON p.code = e.passport_id
          WHERE p.batch_id IS NOT NULL AND ${EVENTS_WHERE} GROUP BY p.batch_id`
  const active = new Map((db.prepare(activeSql).all(b) as { batchId: string; n: number }[]).map((r) => [r.batchId, r.n]))
  const completed = new Map(
    (
      db
        .prepare(
          `SELECT batchId, COUNT(*) AS n FROM (
            SELECT p.batch_id AS batchId FROM events e JOIN passports p ON p.code = e.passport_id
            WHERE e.type = 'stamp-awarded' AND p.batch_id IS NOT NULL AND e.item_id IN (SELECT value FROM json_each(@core)) AND ${EVENTS_WHERE}
            GROUP BY e.passport_id HAVING COUNT(DISTINCT e.item_id) = json_array_length(@core)) GROUP BY batchId`,
        )
        .all({ ...b, from: '0000-00-00', core: JSON.stringify(o.coreSet) }) as { batchId: string; n: number }[]
    ).map((r) => [r.batchId, r.n]),
  )
  return batches
    .map((r) => ({ ...r, active: active.get(r.batchId) ?? 0, completed: o.coreSet.length > 0 ? (completed.get(r.batchId) ?? 0) : 0 }))
    .filter((r) => {
      const day = o.dayOf(r.createdMs)
      return (day >= b.from && day <= b.to) || r.active > 0
    })
}

export function exhibitFigures(db: Db, f: DashboardFilter): ExhibitFigures[] {
  const b = bind(f)
  const rows = db
    .prepare(
      `SELECT e.exhibit_id AS exhibitId,
        COUNT(CASE WHEN e.type = 'exhibit-started' THEN 1 END) AS starts,
        COUNT(CASE WHEN e.type = 'exhibit-completed' THEN 1 END) AS completions,
        COUNT(CASE WHEN e.type = 'exhibit-started' AND json_extract(e.data, '$.mode') = 'vr' THEN 1 END) AS vrStarts,
        COUNT(CASE WHEN e.type = 'exhibit-crashed' THEN 1 END) AS crashes,
        COUNT(DISTINCT CASE WHEN e.type = 'exhibit-started' THEN e.passport_id END) AS students,
        COUNT(DISTINCT CASE WHEN e.type = 'exhibit-completed' THEN e.passport_id END) AS completers
      FROM events e WHERE e.type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') AND ${EVENTS_WHERE}
      GROUP BY e.exhibit_id ORDER BY e.exhibit_id`,
    )
    .all(b) as Omit<ExhibitFigures, 'medianMs' | 'p90Ms'>[]
  const durations = new Map<string, number[]>()
  const it = db
    .prepare(
      `SELECT e.exhibit_id AS x, e.duration_ms AS d FROM events e WHERE e.type = 'exhibit-completed' AND e.duration_ms IS NOT NULL AND ${EVENTS_WHERE} ORDER BY x, d`,
    )
    .raw()
    .iterate(b) as IterableIterator<[string, number]>
  for (const [x, d] of it) {
    const list = durations.get(x)
    if (list) list.push(d)
    else durations.set(x, [d])
  }
  return rows.map((r) => {
    const sorted = durations.get(r.exhibitId) ?? []
    return { ...r, medianMs: median(sorted), p90Ms: percentile(sorted, 90) }
  })
}

/**
 * Per quiz item and per step: how often it went wrong and the wrong choice picked most (ties:
 * the smaller choice id, so the answer is the same on every run).
 */
export function itemFigures(db: Db, f: DashboardFilter, { students = true } = {}): ItemFigures[] {
  const b = bind(f)
  // Distinct passports cost a sort per group; only suppression needs them here (not shown).
  const distinct = students ? 'COUNT(DISTINCT e.passport_id)' : '0'
  const totals = db
    .prepare(
      `SELECT e.exhibit_id AS exhibitId, CASE WHEN e.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind, e.item_id AS itemId,
        COUNT(CASE WHEN e.type <> 'step-mistake' THEN 1 END) AS attempts,
        COUNT(CASE WHEN e.type = 'step-mistake' OR e.correct = 0 THEN 1 END) AS wrong,
        ${distinct} AS students
      FROM events e WHERE e.type IN ('answer-given', 'step-completed', 'step-mistake') AND e.item_id IS NOT NULL AND ${EVENTS_WHERE}
      GROUP BY e.exhibit_id, kind, e.item_id ORDER BY e.exhibit_id, kind, e.item_id`,
    )
    .all(b) as Omit<ItemFigures, 'topWrong'>[]
  const choices = db
    .prepare(
      `SELECT e.exhibit_id AS exhibitId, CASE WHEN e.type = 'answer-given' THEN 'quiz' ELSE 'step' END AS kind, e.item_id AS itemId,
        json_extract(e.data, '$.choiceId') AS choiceId, COUNT(*) AS n, ${distinct} AS students
      FROM events e WHERE ((e.type = 'answer-given' AND e.correct = 0) OR e.type = 'step-mistake') AND e.item_id IS NOT NULL AND ${EVENTS_WHERE}
      GROUP BY e.exhibit_id, kind, e.item_id, choiceId ORDER BY n DESC, choiceId`,
    )
    .all(b) as { exhibitId: string; kind: string; itemId: string; choiceId: string | null; n: number; students: number }[]
  const top = new Map<string, ItemFigures['topWrong']>()
  for (const c of choices) {
    const k = `${c.exhibitId}\n${c.kind}\n${c.itemId}`
    if (!top.has(k) && c.choiceId !== null) top.set(k, { choiceId: c.choiceId, n: c.n, students: c.students })
  }
  return totals.map((t) => ({ ...t, topWrong: top.get(`${t.exhibitId}\n${t.kind}\n${t.itemId}`) ?? null }))
}

/** Quiz items month by month: whether a misconception fades over the year. */
export const quizTrend = (db: Db, f: DashboardFilter, { students = true } = {}): MonthItem[] =>
  db
    .prepare(
      `SELECT substr(e.day, 1, 7) AS month, e.exhibit_id AS exhibitId, e.item_id AS itemId, COUNT(*) AS answers, COUNT(CASE WHEN e.correct = 0 THEN 1 END) AS wrong,
        ${students ? 'COUNT(DISTINCT e.passport_id)' : '0'} AS students
      FROM events e WHERE e.type = 'answer-given' AND e.item_id IS NOT NULL AND ${EVENTS_WHERE}
      GROUP BY month, e.exhibit_id, e.item_id ORDER BY month, e.exhibit_id, e.item_id`,
    )
    .all(bind(f)) as MonthItem[]

/** The programme log by type in the date range (school, class and exhibit filters do not apply). */
export const activitiesByType = (db: Db, f: DashboardFilter, centerId: string): ActivityTypeFigures[] =>
  db
    .prepare(
      `SELECT type, COUNT(*) AS activities, COALESCE(SUM(audience), 0) AS participants, COALESCE(SUM(volunteer_tenths), 0) AS volunteerTenths
      FROM activities WHERE center_id = @center AND day BETWEEN @from AND @to GROUP BY type ORDER BY type`,
    )
    .all({ ...bind(f), center: centerId }) as ActivityTypeFigures[]
