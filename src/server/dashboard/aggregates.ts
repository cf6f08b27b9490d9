import type { Db } from '../db/database.ts'
import type { DashboardFilter } from '../../core/dashboard.ts'
import { bind, dayText, EVENT_COLUMNS, keyParams, STORE_COLUMNS, keyWhere, periodSql, prepared, where, type KeyColumns } from './where.ts'

/**
 * The dashboard's figures under the filter, each with the number of distinct students
 * (passports) behind it, which suppression.ts needs. They read the trigger-kept rollups of
 * migration 014 (quiz items and steps: items.ts), not raw events; __tests__/scan-oracle.ts computes the
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
  /** Median and nearest-rank p90 of the completion times (ms); null without any. */
  medianMs: number | null
  p90Ms: number | null
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

const PLAY: KeyColumns = { day: 'r.day', exhibit: 'r.exhibit', station: 'r.station', session: 'r.session', batch: 'r.batch' }

export function visitsByPeriod(db: Db, f: DashboardFilter): PeriodVisits[] {
  const b = bind(f)
  return prepared(
    db,
    `SELECT ${periodSql(dayText('r.day'))[f.bucket ?? 'day']} AS period, SUM(r.starts) AS plays,
      SUM(CASE WHEN r.passport = 0 THEN r.starts ELSE 0 END) AS walkInPlays, COUNT(DISTINCT nullif(r.passport, 0)) AS students
    FROM play_rollup r WHERE r.starts > 0 AND ${keyWhere(b, PLAY)} GROUP BY period ORDER BY period`,
  ).all(keyParams(b)) as PeriodVisits[]
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
  // Core-set stamps from the events_stamps index (passport, stamp, day, session) of event_store
  // (type 6 = stamp-awarded, migration 015): no event row is read.
  const completed = new Map(
    (
      prepared(
        db,
        `SELECT batchId, COUNT(*) AS n FROM (
          SELECT p.batch_id AS batchId FROM event_store e INDEXED BY events_stamps JOIN passports p ON p.code = e.passport_id
          WHERE e.type = 6 AND e.passport_id IS NOT NULL AND p.batch_id IS NOT NULL
            AND e.item_id IN (SELECT value FROM json_each(@core)) AND ${where(b, STORE_COLUMNS)}
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
  const p = keyParams(b)
  // Per class set and exhibit (the rollup's own order), then per exhibit: a passport is in one
  // class set, so distinct students add up across class sets (small distinct sets, no big sort).
  const rows = prepared(
    db,
    `SELECT k.value AS exhibitId, SUM(st) AS starts, SUM(c) AS completions, SUM(v) AS vrStarts, SUM(cr) AS crashes,
      SUM(s) AS students, SUM(cs) AS completers
    FROM (SELECT r.exhibit, SUM(r.starts) AS st, SUM(r.completions) AS c, SUM(r.vr_starts) AS v, SUM(r.crashes) AS cr,
        COUNT(DISTINCT CASE WHEN r.starts > 0 THEN nullif(r.passport, 0) END) AS s,
        COUNT(DISTINCT CASE WHEN r.completions > 0 THEN nullif(r.passport, 0) END) AS cs
      FROM play_rollup r WHERE ${keyWhere(b, PLAY)} GROUP BY r.batch, r.exhibit)
    JOIN dash_keys k ON k.id = exhibit GROUP BY exhibit ORDER BY exhibitId`,
  ).all(p) as Omit<ExhibitFigures, 'medianMs' | 'p90Ms'>[]
  // Exact medians and p90: count the completion times, then read the ones at those ranks from
  // done_rollup (exhibit, duration order) at an offset; no time crosses into JavaScript.
  const done = `FROM done_rollup d WHERE ${keyWhere(b, { day: 'd.day', exhibit: 'd.exhibit', station: 'd.station', session: 'd.session', batch: 'd.batch' })}`
  const counts = prepared(db, `SELECT (SELECT value FROM dash_keys WHERE id = d.exhibit) AS x, d.exhibit AS id, COUNT(*) AS n ${done} GROUP BY d.exhibit`)
  const at = prepared(db, `SELECT d.duration ${done} AND d.exhibit = @id ORDER BY d.duration LIMIT @limit OFFSET @offset`).pluck()
  const times = new Map<string, { medianMs: number | null; p90Ms: number | null }>()
  for (const { x, id, n } of counts.all(p) as { x: string; id: number; n: number }[]) {
    const mid = at.all({ ...p, id, limit: 2 - (n % 2), offset: Math.ceil(n / 2) - 1 }) as number[]
    const [p90] = at.all({ ...p, id, limit: 1, offset: rank(90, n) }) as number[]
    times.set(x, { medianMs: median(mid), p90Ms: p90 ?? null })
  }
  return rows.map((r) => ({ ...r, ...(times.get(r.exhibitId) ?? { medianMs: null, p90Ms: null }) }))
}

/** Median of ascending values: the middle one, or the mean of the middle two. */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length
  if (n === 0) return null
  return n % 2 ? sorted[(n - 1) / 2]! : (sorted[n / 2 - 1]! + sorted[n / 2]!) / 2
}
/** The 0-based index of the nearest-rank percentile p (0–100) among n ascending values. */
export const rank = (p: number, n: number) => Math.max(0, Math.ceil((p / 100) * n) - 1)
/** Nearest-rank percentile of ascending values (p in 0–100). */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null
  return sorted[rank(p, sorted.length)]!
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
