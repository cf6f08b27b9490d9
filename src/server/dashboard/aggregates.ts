import type { Db } from '../db/database.ts'
import type { DashboardFilter } from '../../core/dashboard.ts'
import { bind, EVENT_COLUMNS, isScoped, periodSql, prepared, splitMonths, where, type Bound } from './where.ts'

/**
 * The dashboard's figures under the filter, each with the number of distinct students
 * (passports) behind it, which suppression.ts needs. They read the trigger-kept rollups and
 * covering indexes of migration 010, not raw events; __tests__/scan-oracle.ts computes the
 * same by scanning events and the rollup test holds them equal. Plain functions over one
 * database so other pages (the yearly report) can reuse them.
 */
export interface PeriodVisits {
  period: string
  plays: number
  walkInPlays: number
  students: number
}
export interface ClassPassports {
  batchId: string
  school: string
  grade: string
  className: string
  createdMs: number
  issued: number
  active: number
  completed: number
}
export interface ExhibitFigures {
  exhibitId: string
  starts: number
  completions: number
  vrStarts: number
  crashes: number
  students: number
  completers: number
  /** Completion times in ms, ascending. */
  durations: number[]
}
export interface ItemFigures {
  exhibitId: string
  kind: 'quiz' | 'step'
  itemId: string
  /** Answers given (quiz) or steps completed (step). */
  attempts: number
  /** Wrong answers (quiz) or wrong picks (step). */
  wrong: number
  students: number
  topWrong: { choiceId: string; n: number; students: number } | null
}
export interface MonthItem {
  month: string
  exhibitId: string
  itemId: string
  answers: number
  wrong: number
  students: number
}

const PLAY_COLUMNS = { day: 'r.day', exhibit: 'r.exhibit_id', station: 'r.station_id', session: 'r.session_id', passport: 'r.passport_id' }

export function visitsByPeriod(db: Db, f: DashboardFilter): PeriodVisits[] {
  const b = bind(f)
  return prepared(
    db,
    `SELECT ${periodSql('r.day')[f.bucket ?? 'day']} AS period, SUM(r.starts) AS plays,
      SUM(CASE WHEN r.passport_id = '' THEN r.starts ELSE 0 END) AS walkInPlays,
      COUNT(DISTINCT nullif(r.passport_id, '')) AS students
    FROM play_rollup r WHERE r.starts > 0 AND ${where(b, PLAY_COLUMNS)} GROUP BY period ORDER BY period`,
  ).all(b) as PeriodVisits[]
}

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
  const batchTerms = [
    b.school !== null ? 'b.school = @school' : '',
    b.grade !== null ? 'b.grade = @grade' : '',
    b.session !== null ? 'b.id = (SELECT batch_id FROM class_sessions WHERE id = @session)' : '',
  ]
  const batches = prepared(
    db,
    `SELECT b.id AS batchId, b.school, b.grade, b.class_name AS className, b.created_ms AS createdMs,
      (SELECT COUNT(*) FROM passports p WHERE p.batch_id = b.id) AS issued
    FROM passport_batches b WHERE ${['b.center_id = @center', ...batchTerms.filter(Boolean)].join(' AND ')}
    ORDER BY b.school, b.grade, b.class_name, b.created_ms`,
  ).all({ ...b, center: o.centerId }) as Omit<ClassPassports, 'active' | 'completed'>[]
  // Without a session filter, the trigger-kept daily_visitors (one row per passport and day)
  // says who was active; with one, the session's own events (events_session index).
  const activeSql =
    b.session === null
      ? `SELECT p.batch_id AS batchId, COUNT(DISTINCT v.passport_id) AS n FROM daily_visitors v JOIN passports p ON p.code = v.passport_id
          WHERE p.batch_id IS NOT NULL AND v.day BETWEEN @from AND @to GROUP BY p.batch_id`
      : `SELECT p.batch_id AS batchId, COUNT(DISTINCT e.passport_id) AS n FROM events e JOIN passports p ON p.code = e.passport_id
          WHERE p.batch_id IS NOT NULL AND ${where(b, EVENT_COLUMNS)} GROUP BY p.batch_id`
  const active = new Map((prepared(db, activeSql).all(b) as { batchId: string; n: number }[]).map((r) => [r.batchId, r.n]))
  // Core-set stamps from the events_stamps index (passport, stamp, day, session): no event row is read.
  const completed = new Map(
    (
      prepared(
        db,
        `SELECT batchId, COUNT(*) AS n FROM (
          SELECT p.batch_id AS batchId FROM events e INDEXED BY events_stamps JOIN passports p ON p.code = e.passport_id
          WHERE e.type = 'stamp-awarded' AND e.passport_id IS NOT NULL AND p.batch_id IS NOT NULL
            AND e.item_id IN (SELECT value FROM json_each(@core)) AND ${where(b, EVENT_COLUMNS)}
          GROUP BY e.passport_id HAVING COUNT(DISTINCT e.item_id) = json_array_length(@core)) GROUP BY batchId`,
      ).all({ ...b, from: '0000-00-00', core: JSON.stringify(o.coreSet) }) as { batchId: string; n: number }[]
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
  // Three passes over play_rollup_exhibit (exhibit, passport order): distinct passports are counted without a sort.
  const sql = (select: string, only = '') =>
    `SELECT r.exhibit_id AS exhibitId, ${select} FROM play_rollup r INDEXED BY play_rollup_exhibit WHERE ${only}${where(b, PLAY_COLUMNS)} GROUP BY r.exhibit_id ORDER BY r.exhibit_id`
  const rows = prepared(db, sql('SUM(r.starts) AS starts, SUM(r.completions) AS completions, SUM(r.vr_starts) AS vrStarts, SUM(r.crashes) AS crashes')).all(
    b,
  ) as Omit<ExhibitFigures, 'durations' | 'students' | 'completers'>[]
  const distinct = (flag: string) =>
    new Map(
      (prepared(db, sql('COUNT(DISTINCT r.passport_id) AS n', `r.${flag} > 0 AND r.passport_id <> '' AND `)).all(b) as { exhibitId: string; n: number }[]).map(
        (r) => [r.exhibitId, r.n],
      ),
    )
  const students = distinct('starts')
  const completers = distinct('completions')
  // Exact medians: completion times in order from the covering index events_completed.
  const durations = new Map<string, number[]>()
  const it = prepared(
    db,
    `SELECT e.exhibit_id AS x, e.duration_ms AS d FROM events e INDEXED BY events_completed
    WHERE e.type = 'exhibit-completed' AND e.duration_ms IS NOT NULL AND ${where(b, EVENT_COLUMNS)} ORDER BY x, d`,
  )
    .raw()
    .iterate(b) as IterableIterator<[string, number]>
  for (const [x, d] of it) {
    const list = durations.get(x)
    if (list) list.push(d)
    else durations.set(x, [d])
  }
  return rows.map((r) => ({
    ...r,
    students: students.get(r.exhibitId) ?? 0,
    completers: completers.get(r.exhibitId) ?? 0,
    durations: durations.get(r.exhibitId) ?? [],
  }))
}

/**
 * item_rollup rows in the range: whole months from item_month_rollup, the other days from
 * item_rollup (a year reads ~1/15 of the daily rows). `month` is the row's month.
 */
function itemRows(b: Bound): string {
  if (b.school !== null || b.grade !== null || b.session !== null) throw new Error('item rollups hold no class or session')
  const cols = 'exhibit_id, kind, item_id, station_id, wrong, choice_id, n'
  const and = [
    b.exhibit !== null ? ' AND exhibit_id = @exhibit' : '',
    b.kind !== null ? ' AND station_id IN (SELECT id FROM stations WHERE kind = @kind)' : '',
  ].join('')
  return `SELECT month, ${cols} FROM item_month_rollup WHERE month BETWEEN @monthFrom AND @monthTo${and}
    UNION ALL SELECT substr(day, 1, 7), ${cols} FROM item_rollup
    WHERE (day BETWEEN @from AND @daysTo OR day BETWEEN @daysFrom AND @to)${and}`
}
const ITEM_SQL = `CASE WHEN e.type = 'answer-given' THEN 'quiz' ELSE 'step' END`

/**
 * Per quiz item and per step: how often it went wrong and the wrong choice picked most (ties:
 * the smaller choice id, so the answer is the same on every run). Distinct students are needed
 * for small cells only (a school, grade or session scope): those read the events of the scope
 * through an index; the rest reads the item rollups, with `students` 0.
 */
export function itemFigures(db: Db, f: DashboardFilter, { students = true } = {}): ItemFigures[] {
  const b = bind(f)
  let totals: Omit<ItemFigures, 'topWrong'>[]
  let choices: { exhibitId: string; kind: string; itemId: string; choiceId: string | null; n: number; students: number }[]
  if (students || isScoped(f)) {
    const distinct = students ? 'COUNT(DISTINCT e.passport_id)' : '0'
    // A school or grade reads events_items_by_passport; a session, events_session; the whole center (rare: an API caller asking for students) scans.
    const scope = `e.type IN ('answer-given', 'step-completed', 'step-mistake') AND e.item_id IS NOT NULL AND ${where(b, EVENT_COLUMNS)}${b.school !== null || b.grade !== null ? ' AND e.passport_id IS NOT NULL' : ''}`
    totals = prepared(
      db,
      `SELECT e.exhibit_id AS exhibitId, ${ITEM_SQL} AS kind, e.item_id AS itemId,
        COUNT(CASE WHEN e.type <> 'step-mistake' THEN 1 END) AS attempts,
        COUNT(CASE WHEN e.type = 'step-mistake' OR e.correct = 0 THEN 1 END) AS wrong,
        ${distinct} AS students
      FROM events e WHERE ${scope} GROUP BY e.exhibit_id, kind, e.item_id ORDER BY e.exhibit_id, kind, e.item_id`,
    ).all(b) as Omit<ItemFigures, 'topWrong'>[]
    choices = prepared(
      db,
      `SELECT e.exhibit_id AS exhibitId, ${ITEM_SQL} AS kind, e.item_id AS itemId,
        json_extract(e.data, '$.choiceId') AS choiceId, COUNT(*) AS n, ${distinct} AS students
      FROM events e WHERE ${scope} AND (e.type = 'step-mistake' OR e.correct = 0)
      GROUP BY e.exhibit_id, kind, e.item_id, choiceId ORDER BY n DESC, choiceId`,
    ).all(b) as typeof choices
  } else {
    const p = { ...b, ...splitMonths(b.from, b.to) }
    const rows = itemRows(b)
    totals = prepared(
      db,
      `SELECT exhibit_id AS exhibitId, kind, item_id AS itemId, SUM(CASE WHEN kind = 'step' AND wrong THEN 0 ELSE n END) AS attempts,
        SUM(CASE WHEN wrong THEN n ELSE 0 END) AS wrong, 0 AS students
      FROM (${rows}) GROUP BY exhibit_id, kind, item_id ORDER BY exhibit_id, kind, item_id`,
    ).all(p) as Omit<ItemFigures, 'topWrong'>[]
    choices = prepared(
      db,
      `SELECT exhibit_id AS exhibitId, kind, item_id AS itemId, nullif(choice_id, '') AS choiceId, SUM(n) AS n, 0 AS students
      FROM (${rows}) WHERE wrong GROUP BY exhibit_id, kind, item_id, choice_id ORDER BY n DESC, choiceId`,
    ).all(p) as typeof choices
  }
  const top = new Map<string, ItemFigures['topWrong']>()
  for (const c of choices) {
    const k = `${c.exhibitId}\n${c.kind}\n${c.itemId}`
    if (!top.has(k) && c.choiceId !== null) top.set(k, { choiceId: c.choiceId, n: c.n, students: c.students })
  }
  return totals.map((t) => ({ ...t, topWrong: top.get(`${t.exhibitId}\n${t.kind}\n${t.itemId}`) ?? null }))
}

/** Quiz items month by month: whether a misconception fades over the year. */
export function quizTrend(db: Db, f: DashboardFilter, { students = true } = {}): MonthItem[] {
  const b = bind(f)
  const distinct = students ? 'COUNT(DISTINCT e.passport_id)' : '0'
  if (students || isScoped(f))
    return prepared(
      db,
      `SELECT substr(e.day, 1, 7) AS month, e.exhibit_id AS exhibitId, e.item_id AS itemId, COUNT(*) AS answers, COUNT(CASE WHEN e.correct = 0 THEN 1 END) AS wrong,
        ${distinct} AS students
      FROM events e WHERE e.type = 'answer-given' AND e.item_id IS NOT NULL AND ${where(b, EVENT_COLUMNS)}${b.school !== null || b.grade !== null ? ' AND e.passport_id IS NOT NULL' : ''}
      GROUP BY month, e.exhibit_id, e.item_id ORDER BY month, e.exhibit_id, e.item_id`,
    ).all(b) as MonthItem[]
  return prepared(
    db,
    `SELECT month, exhibit_id AS exhibitId, item_id AS itemId, SUM(n) AS answers, SUM(CASE WHEN wrong THEN n ELSE 0 END) AS wrong, 0 AS students
    FROM (${itemRows(b)}) WHERE kind = 'quiz' GROUP BY month, exhibit_id, item_id ORDER BY month, exhibit_id, item_id`,
  ).all({ ...b, ...splitMonths(b.from, b.to) }) as MonthItem[]
}

/** Median of ascending values: the middle one, or the mean of the middle two. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length
  if (n === 0) return null
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
}
/** Nearest-rank percentile of ascending values (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export interface ActivityTypeFigures {
  type: string
  activities: number
  participants: number
  volunteerTenths: number
}
/** The programme log by type in the date range (school, class and exhibit filters do not apply). */
export const activitiesByType = (db: Db, f: DashboardFilter, centerId: string): ActivityTypeFigures[] =>
  prepared(
    db,
    `SELECT type, COUNT(*) AS activities, COALESCE(SUM(audience), 0) AS participants, COALESCE(SUM(volunteer_tenths), 0) AS volunteerTenths
      FROM activities WHERE center_id = @center AND day BETWEEN @from AND @to GROUP BY type ORDER BY type`,
  ).all({ ...bind(f), center: centerId }) as ActivityTypeFigures[]
