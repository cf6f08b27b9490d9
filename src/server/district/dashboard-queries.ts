import type { Pool } from './database.ts'
import type { DistrictFilter } from '../../core/district.ts'

/**
 * The district dashboard's figures, read from the running totals only (001 and 002
 * migrations), never from `events`: each query's cost follows days × exhibits × centers,
 * not the number of events. Every query takes the same four parameters.
 */
const WHERE = `day BETWEEN $1::date AND $2::date AND ($3::text IS NULL OR center_id = $3) AND ($4::text IS NULL OR exhibit_id = $4)`
const params = (f: DistrictFilter) => [f.from ?? '2000-01-01', f.to ?? '2099-12-31', f.center ?? null, f.exhibit ?? null]
/** The period a day falls in: the day, the Monday of its week, or the month (as at the center). */
const PERIOD = {
  day: `to_char(day, 'YYYY-MM-DD')`,
  week: `to_char(date_trunc('week', day::timestamp), 'YYYY-MM-DD')`,
  month: `to_char(day, 'YYYY-MM')`,
} as const

export interface DistrictPeriod {
  period: string
  plays: number
  walk_ins: number
  students: number
}
export async function visitsByPeriod(pool: Pool, f: DistrictFilter): Promise<DistrictPeriod[]> {
  const p = PERIOD[f.bucket ?? 'day']
  const r = await pool.query<DistrictPeriod>(
    `WITH p AS (SELECT ${p} AS period, sum(n) AS plays FROM daily_counts WHERE type = 'exhibit-started' AND ${WHERE} GROUP BY 1),
      w AS (SELECT ${p} AS period, sum(walk_ins) AS walk_ins FROM start_counts WHERE ${WHERE} GROUP BY 1),
      s AS (SELECT ${p} AS period, count(DISTINCT (center_id, passport_id)) AS students FROM exhibit_visitors WHERE ${WHERE} GROUP BY 1)
    SELECT p.period, p.plays::float8 AS plays, coalesce(w.walk_ins, 0)::float8 AS walk_ins, coalesce(s.students, 0)::float8 AS students
    FROM p LEFT JOIN w USING (period) LEFT JOIN s USING (period) ORDER BY p.period`,
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
  const [counts, hist] = await Promise.all([
    pool.query<Omit<DistrictExhibit, 'durations'>>(
      `WITH c AS (SELECT exhibit_id, sum(n) FILTER (WHERE type = 'exhibit-started') AS starts, sum(n) FILTER (WHERE type = 'exhibit-completed') AS completions,
          sum(n) FILTER (WHERE type = 'exhibit-crashed') AS crashes
        FROM daily_counts WHERE type IN ('exhibit-started', 'exhibit-completed', 'exhibit-crashed') AND ${WHERE} GROUP BY 1),
        v AS (SELECT exhibit_id, sum(vr) AS vr FROM start_counts WHERE ${WHERE} GROUP BY 1),
        s AS (SELECT exhibit_id, count(DISTINCT (center_id, passport_id)) AS students FROM exhibit_visitors WHERE ${WHERE} GROUP BY 1)
      SELECT c.exhibit_id, coalesce(c.starts, 0)::float8 AS starts, coalesce(c.completions, 0)::float8 AS completions, coalesce(c.crashes, 0)::float8 AS crashes,
        coalesce(v.vr, 0)::float8 AS vr, coalesce(s.students, 0)::float8 AS students
      FROM c LEFT JOIN v USING (exhibit_id) LEFT JOIN s USING (exhibit_id) ORDER BY c.exhibit_id`,
      params(f),
    ),
    pool.query<{ exhibit_id: string; seconds: number; n: number }>(
      `SELECT exhibit_id, seconds, sum(n)::float8 AS n FROM duration_counts WHERE ${WHERE} GROUP BY 1, 2 ORDER BY 1, 2`,
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

/** The value at a 1-based rank of an ascending histogram of whole seconds, in ms. */
function atRank(hist: readonly [number, number][], rank: number): number {
  let seen = 0
  for (const [s, n] of hist) {
    seen += n
    if (seen >= rank) return s * 1000
  }
  return (hist.at(-1)?.[0] ?? 0) * 1000
}
const total = (hist: readonly [number, number][]) => hist.reduce((a, [, n]) => a + n, 0)
/** As dashboard/aggregates.ts `median`, on times kept to the whole second. */
export function histMedian(hist: readonly [number, number][]): number | null {
  const n = total(hist)
  if (n === 0) return null
  return n % 2 ? atRank(hist, (n + 1) / 2) : (atRank(hist, n / 2) + atRank(hist, n / 2 + 1)) / 2
}
/** As dashboard/aggregates.ts `percentile` (nearest rank), on times kept to the whole second. */
export function histPercentile(hist: readonly [number, number][], p: number): number | null {
  const n = total(hist)
  return n === 0 ? null : atRank(hist, Math.max(1, Math.ceil((p / 100) * n)))
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
  const r = await pool.query<DistrictItem>(
    `WITH t AS (SELECT exhibit_id, kind, item_id, sum(attempts) AS attempts, sum(wrong) AS wrong FROM item_counts WHERE ${WHERE} GROUP BY 1, 2, 3),
      c AS (SELECT DISTINCT ON (exhibit_id, kind, item_id) exhibit_id, kind, item_id, choice_id, sum(n) AS n FROM wrong_choices WHERE ${WHERE}
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
  const r = await pool.query<DistrictMonthItem>(
    `SELECT to_char(day, 'YYYY-MM') AS month, exhibit_id, item_id, sum(attempts)::float8 AS answers, sum(wrong)::float8 AS wrong
    FROM item_counts WHERE kind = 'quiz' AND ${WHERE} GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
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
  const r = await pool.query<DistrictCenterRow>(
    `WITH c AS (SELECT center_id, sum(n) FILTER (WHERE type = 'exhibit-started') AS plays, sum(n) FILTER (WHERE type = 'exhibit-completed') AS completions,
          sum(n) FILTER (WHERE type = 'exhibit-crashed') AS crashes FROM daily_counts WHERE ${WHERE} GROUP BY 1),
      s AS (SELECT center_id, count(DISTINCT passport_id) AS students FROM exhibit_visitors WHERE ${WHERE} GROUP BY 1),
      q AS (SELECT center_id, sum(attempts) AS answers, sum(wrong) AS wrong FROM item_counts WHERE kind = 'quiz' AND ${WHERE} GROUP BY 1)
    SELECT k.id AS center_id, k.name, coalesce(c.plays, 0)::float8 AS plays, coalesce(s.students, 0)::float8 AS students,
      coalesce(c.completions, 0)::float8 AS completions, coalesce(c.crashes, 0)::float8 AS crashes,
      coalesce(q.answers, 0)::float8 AS answers, coalesce(q.wrong, 0)::float8 AS wrong
    FROM centers k LEFT JOIN c ON c.center_id = k.id LEFT JOIN s ON s.center_id = k.id LEFT JOIN q ON q.center_id = k.id
    WHERE $3::text IS NULL OR k.id = $3 ORDER BY k.id`,
    params(f),
  )
  return r.rows
}
