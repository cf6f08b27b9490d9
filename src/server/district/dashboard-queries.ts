import type { Pool } from './database.ts'
import type { DistrictFilter } from '../../core/district.ts'
import { effectiveSpan, singlePeriod, sqlDay, wholePeriods } from './dashboard-range.ts'
import { studentsFromPairs } from './visitor-pairs.ts'
import type { Bucket, Range, Span } from './dashboard-range.ts'

/**
 * The district dashboard's figures, read from the running totals only (migrations 001,
 * 002, 005, 007, 008), never from `events`: sums from the monthly totals for whole months and the
 * daily ones for the edge days, distinct students from the per-period counters or passport
 * sets (dashboard-range.ts). A year over all centers reads ~12 × centers × exhibits rows.
 * Every query takes the same two parameters ($1 centers or null: all registered, $2 exhibit
 * or null); the days, computed and checked here, are written into the SQL.
 */
const CENTER = `center_id = ANY(coalesce($1::text[], (SELECT array_agg(id) FROM centers)))`
const EXHIBIT = `($2::text IS NULL OR exhibit_id = $2)`
const params = (f: DistrictFilter) => [f.center ? [f.center] : null, f.exhibit ?? null]
const between = (col: string, [a, b]: Range) => `${col} BETWEEN ${sqlDay(a)} AND ${sqlDay(b)}`
const anyOf = (col: string, ranges: readonly Range[]) => (ranges.length ? `(${ranges.map((r) => between(col, r)).join(' OR ')})` : 'false')

/** The span a filter covers, with its days checked by PostgreSQL (an impossible day is a 22xxx, a 4xx). */
export async function spanOf(pool: Pool, f: DistrictFilter): Promise<Span> {
  const r = await pool.query<{ first: string | null; last: string | null; lo: string; hi: string }>(
    `SELECT min(month)::text AS first, max(month)::text AS last, $1::date::text AS lo, $2::date::text AS hi FROM monthly_counts`,
    [f.from ?? '2000-01-01', f.to ?? '2099-12-31'],
  )
  const row = r.rows[0]!
  return effectiveSpan(row.lo, row.hi, row.first, row.last)
}

const MONTHLY = {
  daily_counts: 'monthly_counts',
  start_counts: 'monthly_start_counts',
  duration_counts: 'monthly_duration_counts',
  item_counts: 'monthly_item_counts',
  wrong_choices: 'monthly_wrong_choices',
} as const
/**
 * A totals table's rows over a span, as `day` (a month's rows on its first day) and the
 * columns asked for: whole months from the monthly table, edge days from the daily one;
 * per-day or per-week buckets need the daily table throughout.
 */
function rowsOf(table: keyof typeof MONTHLY, cols: string, s: Span, where = 'true', bucket: Bucket = 'month'): string {
  const filter = `${CENTER} AND ${EXHIBIT} AND ${where}`
  if (s.lo > s.hi) return `(SELECT day, ${cols} FROM ${table} WHERE false)`
  if (bucket === 'day' || bucket === 'week') return `(SELECT day, ${cols} FROM ${table} WHERE ${between('day', [s.lo, s.hi])} AND ${filter})`
  const { whole, edges } = wholePeriods('month', s)
  const monthly = whole ? `SELECT month AS day, ${cols} FROM ${MONTHLY[table]} WHERE ${between('month', whole)} AND ${filter} UNION ALL ` : ''
  return `(${monthly}SELECT day, ${cols} FROM ${table} WHERE ${anyOf('day', edges)} AND ${filter})`
}

const SCOPE: Record<Bucket, string> = { day: 'd', week: 'w', month: 'm', year: 'y' }
/**
 * Distinct students over a whole span, per `key` (center_id or exhibit_id), as (key,
 * students): one counter row per center when the span is one period or all the data; else
 * the students of all time less those whose pair of consecutive days seen straddles the
 * span (visitor-pairs.ts, migration 008), read per center and exhibit, not per student. `any`: a
 * passport with any event (the yearly report), only for spans of whole years. Exported for
 * bench/district-dashboard-bench.ts.
 */
export function studentsOver(s: Span, key: 'center_id' | 'exhibit_id', kind: 'started' | 'any' = 'started'): string {
  const ex = key === 'exhibit_id' ? `exhibit_id NOT IN ('', '*') AND ${EXHIBIT}` : kind === 'any' ? `exhibit_id = '*'` : `exhibit_id = coalesce($2::text, '')`
  if (s.lo > s.hi) return `SELECT ${key}, 0::bigint AS students FROM visitor_counts WHERE false`
  const one = singlePeriod(s)
  if (one)
    return `SELECT ${key}, sum(n) AS students FROM visitor_counts WHERE scope = '${SCOPE[one.bucket]}' AND start = ${sqlDay(one.start)} AND ${ex} AND ${CENTER} GROUP BY 1`
  if (kind === 'any') throw new Error('students with any event: one whole year only')
  // Every day with data (no dates over several years): the all-time counters, one row per center.
  if (s.all) return `SELECT ${key}, sum(n) AS students FROM visitor_counts WHERE scope = 'a' AND ${ex} AND ${CENTER} GROUP BY 1`
  // The pair counts: exhibit '' is any exhibit started.
  const exRows = key === 'exhibit_id' ? `exhibit_id <> '' AND ${EXHIBIT}` : `exhibit_id = coalesce($2::text, '')`
  // Any other span, within a year or across years: the students less those with no day in
  // the span, from the counts of consecutive days (migration 008), a few hundred rows per
  // center and exhibit however many students (visitor_days' rows, one per student of the
  // year, took 350 CPU ms per exhibit at 10 M events for a quarter).
  return studentsFromPairs(s, key, `${exRows} AND ${CENTER}`)
}

/**
 * Distinct students per bucket period: counters for whole periods, each edge period (part of
 * one period) from the counts of consecutive days (exhibit '' is any exhibit started).
 */
function studentsPerPeriod(s: Span, b: Bucket, period: (col: string) => string): string {
  const { whole, edges } = wholePeriods(b, s)
  const counters = whole
    ? `SELECT ${period('start')} AS period, sum(n) AS students FROM visitor_counts WHERE scope = '${SCOPE[b]}' AND ${between('start', whole)}
      AND exhibit_id = coalesce($2::text, '') AND ${CENTER} GROUP BY 1`
    : ''
  const parts = edges.map(
    ([lo, hi]) =>
      `SELECT ${period(sqlDay(lo))} AS period, sum(students) AS students FROM (${studentsFromPairs({ lo, hi }, 'center_id', `exhibit_id = coalesce($2::text, '') AND ${CENTER}`)}) e`,
  )
  const all = [counters, ...parts].filter(Boolean)
  return all.length ? all.join(' UNION ALL ') : `SELECT ${period('start')} AS period, 0::numeric AS students FROM visitor_counts WHERE false`
}

/**
 * Starts and walk-ins as (day, plays, walk_ins): per day or week over all exhibits from
 * center_days (one row per center and day), else from start_counts (and its monthly twin).
 */
function startsOf(s: Span, b: Bucket, f: DistrictFilter): string {
  if ((b === 'day' || b === 'week') && !f.exhibit)
    return `(SELECT day, plays, walk_ins FROM center_days WHERE ${between('day', [s.lo, s.hi])} AND ${CENTER} AND $2::text IS NULL)`
  return rowsOf('start_counts', 'starts AS plays, walk_ins', s, 'true', b)
}

/** The period a day falls in: the day, the Monday of its week, or the month (as at the center). */
const PERIOD = {
  day: (c: string) => `to_char(${c}, 'YYYY-MM-DD')`,
  week: (c: string) => `to_char(date_trunc('week', ${c}::timestamp), 'YYYY-MM-DD')`,
  month: (c: string) => `to_char(${c}, 'YYYY-MM')`,
} as const

export interface DistrictPeriod {
  period: string
  plays: number
  walk_ins: number
  students: number
}
export async function visitsByPeriod(pool: Pool, f: DistrictFilter): Promise<DistrictPeriod[]> {
  const b = f.bucket ?? 'day'
  const period = PERIOD[b]
  const s = await spanOf(pool, f)
  const r = await pool.query<DistrictPeriod>(
    `WITH p AS (SELECT ${period('day')} AS period, sum(plays) AS plays, sum(walk_ins) AS walk_ins FROM ${startsOf(s, b, f)} t GROUP BY 1),
      s AS (SELECT period, sum(students) AS students FROM (${studentsPerPeriod(s, b, period)}) x GROUP BY 1)
    SELECT p.period, p.plays::float8 AS plays, p.walk_ins::float8 AS walk_ins, coalesce(s.students, 0)::float8 AS students
    FROM p LEFT JOIN s USING (period) ORDER BY p.period`,
    params(f),
  )
  return r.rows
}

export interface DistrictExhibit {
  exhibit_id: string
  starts: number
  completions: number
  crashes: number
  vr: number
  students: number
  /** [whole seconds, completions] ascending. */
  durations: [number, number][]
}
export async function exhibitFigures(pool: Pool, f: DistrictFilter): Promise<DistrictExhibit[]> {
  const s = await spanOf(pool, f)
  const [counts, hist] = await Promise.all([
    pool.query<Omit<DistrictExhibit, 'durations'>>(
      `WITH c AS (SELECT exhibit_id, sum(n) FILTER (WHERE type = 'exhibit-started') AS starts, sum(n) FILTER (WHERE type = 'exhibit-completed') AS completions,
          sum(n) FILTER (WHERE type = 'exhibit-crashed') AS crashes
        FROM ${rowsOf('daily_counts', 'exhibit_id, type, n', s, `type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed')`)} t GROUP BY 1),
        v AS (SELECT exhibit_id, sum(vr) AS vr FROM ${rowsOf('start_counts', 'exhibit_id, vr', s)} t GROUP BY 1),
        s AS (${studentsOver(s, 'exhibit_id')})
      SELECT c.exhibit_id, coalesce(c.starts, 0)::float8 AS starts, coalesce(c.completions, 0)::float8 AS completions, coalesce(c.crashes, 0)::float8 AS crashes,
        coalesce(v.vr, 0)::float8 AS vr, coalesce(s.students, 0)::float8 AS students
      FROM c LEFT JOIN v USING (exhibit_id) LEFT JOIN s USING (exhibit_id) ORDER BY c.exhibit_id`,
      params(f),
    ),
    pool.query<{ exhibit_id: string; seconds: number; n: number }>(
      `SELECT exhibit_id, seconds, sum(n)::float8 AS n FROM ${rowsOf('duration_counts', 'exhibit_id, seconds, n', s)} t GROUP BY 1, 2 ORDER BY 1, 2`,
      params(f),
    ),
  ])
  const byExhibit = new Map<string, [number, number][]>()
  for (const h of hist.rows) {
    const list = byExhibit.get(h.exhibit_id)
    if (list) list.push([h.seconds, h.n])
    else byExhibit.set(h.exhibit_id, [[h.seconds, h.n]])
  }
  return counts.rows.map((r) => ({ ...r, durations: byExhibit.get(r.exhibit_id) ?? [] }))
}

export interface DistrictItem {
  exhibit_id: string
  kind: 'quiz' | 'step'
  item_id: string
  attempts: number
  wrong: number
  top_choice: string | null
  top_n: number | null
}
/** Per quiz item and step: attempts, wrong ones, and the wrong choice picked most (ties: the smaller id, as at the center). */
export async function itemFigures(pool: Pool, f: DistrictFilter): Promise<DistrictItem[]> {
  const s = await spanOf(pool, f)
  const r = await pool.query<DistrictItem>(
    `WITH t AS (SELECT exhibit_id, kind, item_id, sum(attempts) AS attempts, sum(wrong) AS wrong
        FROM ${rowsOf('item_counts', 'exhibit_id, kind, item_id, attempts, wrong', s)} t GROUP BY 1, 2, 3),
      c AS (SELECT DISTINCT ON (exhibit_id, kind, item_id) exhibit_id, kind, item_id, choice_id, sum(n) AS n
        FROM ${rowsOf('wrong_choices', 'exhibit_id, kind, item_id, choice_id, n', s)} t
        GROUP BY 1, 2, 3, 4 ORDER BY exhibit_id, kind, item_id, sum(n) DESC, choice_id)
    SELECT t.exhibit_id, t.kind, t.item_id, t.attempts::float8 AS attempts, t.wrong::float8 AS wrong, c.choice_id AS top_choice, c.n::float8 AS top_n
    FROM t LEFT JOIN c USING (exhibit_id, kind, item_id) ORDER BY t.exhibit_id, t.kind, t.item_id`,
    params(f),
  )
  return r.rows
}

export interface DistrictMonthItem {
  month: string
  exhibit_id: string
  item_id: string
  answers: number
  wrong: number
}
export async function quizTrend(pool: Pool, f: DistrictFilter): Promise<DistrictMonthItem[]> {
  const s = await spanOf(pool, f)
  const r = await pool.query<DistrictMonthItem>(
    `SELECT to_char(day, 'YYYY-MM') AS month, exhibit_id, item_id, sum(attempts)::float8 AS answers, sum(wrong)::float8 AS wrong
    FROM ${rowsOf('item_counts', 'exhibit_id, item_id, attempts, wrong', s, `kind = 'quiz'`)} t GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    params(f),
  )
  return r.rows
}

export interface DistrictCenterRow {
  center_id: string
  name: string
  plays: number
  students: number
  completions: number
  crashes: number
  answers: number
  wrong: number
}
/** One row per registered center (a center filter keeps one): the comparison view. */
export async function centerComparison(pool: Pool, f: DistrictFilter): Promise<DistrictCenterRow[]> {
  const s = await spanOf(pool, f)
  const r = await pool.query<DistrictCenterRow>(
    `WITH c AS (SELECT center_id, sum(n) FILTER (WHERE type = 'exhibit-started') AS plays, sum(n) FILTER (WHERE type = 'exhibit-completed') AS completions,
          sum(n) FILTER (WHERE type = 'exhibit-crashed') AS crashes FROM ${rowsOf('daily_counts', 'center_id, type, n', s)} t GROUP BY 1),
      s AS (${studentsOver(s, 'center_id')}),
      q AS (SELECT center_id, sum(attempts) AS answers, sum(wrong) AS wrong FROM ${rowsOf('item_counts', 'center_id, attempts, wrong', s, `kind = 'quiz'`)} t GROUP BY 1)
    SELECT k.id AS center_id, k.name, coalesce(c.plays, 0)::float8 AS plays, coalesce(s.students, 0)::float8 AS students,
      coalesce(c.completions, 0)::float8 AS completions, coalesce(c.crashes, 0)::float8 AS crashes,
      coalesce(q.answers, 0)::float8 AS answers, coalesce(q.wrong, 0)::float8 AS wrong
    FROM centers k LEFT JOIN c ON c.center_id = k.id LEFT JOIN s ON s.center_id = k.id LEFT JOIN q ON q.center_id = k.id
    WHERE $1::text[] IS NULL OR k.id = ANY($1) ORDER BY k.id`,
    params(f),
  )
  return r.rows
}
