import { addDays, nextStart, periodStart, sqlDay } from './dashboard-range.ts'
import type { Span } from './dashboard-range.ts'

/**
 * Students over a range that is not one whole period as N − Q (district migration 008): N
 * a center's students (visitor_counts' all-time counters), Q the pairs of consecutive days
 * (p, d) of one student with p < a and d > b, the students not seen in [a, b]. The pair tables hold counts per
 * month and day, no passports, so a range reads at most about (months before a × months
 * after b) + 31 × months + a few hundred rows per center and exhibit, however many students
 * there are. Kept in the same statement as visitor_history (ingest-statement.ts, privacy.ts), so the
 * tables always hold the pairs of its rows.
 */

/**
 * CTEs adding signed pair counts to the four tables: `deltas` is a CTE of (exhibit_id, p,
 * d, n) for center $1, `name` prefixes the CTEs; deltas that cancel out in the batch write
 * nothing.
 */
export function pairUpserts(deltas: string, name: string): string {
  const m = `${name}m`
  const upsert = (cte: string, table: string, cols: string, select: string, where: string) => `, ${cte} AS (
  INSERT INTO ${table} (center_id, exhibit_id, ${cols}, n)
  SELECT $1, ${select}, sum(n) FROM ${m} WHERE ${where} GROUP BY ${select} HAVING sum(n) <> 0 ORDER BY ${select}
  ON CONFLICT (center_id, exhibit_id, ${cols}) DO UPDATE SET n = ${table}.n + excluded.n
)`
  return (
    `, ${m} AS (SELECT exhibit_id, p, d, month_start(p) AS pm, month_start(d) AS dm, n FROM ${deltas})` +
    upsert(`${name}1`, 'visitor_pair_months', 'p_month, d_month', 'exhibit_id, pm, dm', 'true') +
    upsert(`${name}2`, 'visitor_pair_ends', 'd_day, p_month', 'exhibit_id, d, pm', `d < 'infinity'`) +
    upsert(`${name}3`, 'visitor_pair_starts', 'p_day, d_month', 'exhibit_id, p, dm', `p > '-infinity'`) +
    upsert(`${name}4`, 'visitor_pair_days', 'd_month, p_day, d_day', 'exhibit_id, dm, p, d', `p > '-infinity' AND d < 'infinity'`)
  )
}

/**
 * For the insert statement (ingest-statement.ts), after `ins`: the batch's student-days that are new
 * to the student's visitor_history row, read as it was before this statement (all CTEs
 * share its snapshot; store.ts makes sure no other batch of the center committed since).
 * A new day x, with old days O and new days B: its neighbours in O (prev_o, next_o:
 * ±infinity when none; the bits are searched only for a day between the row's first and
 * last days, one arriving out of order) and in B (prev_b, next_b). Then +(max(prev_o,
 * prev_b), x), and for the last new day before an old one or none (next_o < next_b):
 * +(x, next_o) and −(prev_o, next_o), the pair the new days cut (none for a new student:
 * (-infinity, infinity) is no pair). get_bit only inside the row's days (CASE: an OR may
 * be evaluated in any order, and an error here would reject the batch's events).
 */
export const INGEST_PAIRS = `, vn AS (
  SELECT k.exhibit_id, k.day, lag(k.day) OVER w AS prev_b, lead(k.day) OVER w AS next_b,
    CASE WHEN h.days IS NULL OR k.day < h.first_day THEN date '-infinity' WHEN k.day > h.last_day THEN h.last_day
      ELSE h.first_day + length(rtrim(substring(h.days::text FOR k.day - h.first_day), '0')) - 1 END AS prev_o,
    CASE WHEN h.days IS NULL OR k.day > h.last_day THEN date 'infinity' WHEN k.day < h.first_day THEN h.first_day
      ELSE k.day + position(B'1' IN substring(h.days FROM k.day - h.first_day + 2)) END AS next_o
  FROM (SELECT DISTINCT e.exhibit_id, i.passport_id, i.day FROM ins i CROSS JOIN LATERAL (VALUES (''), (i.exhibit_id)) e(exhibit_id)
    WHERE i.type = 'exhibit-started' AND i.passport_id IS NOT NULL) k
  LEFT JOIN visitor_history h ON h.center_id = $1 AND h.exhibit_id = k.exhibit_id AND h.passport_id = k.passport_id
  WHERE CASE WHEN h.days IS NULL OR k.day NOT BETWEEN h.first_day AND h.last_day THEN true ELSE get_bit(h.days, k.day - h.first_day) = 0 END
  WINDOW w AS (PARTITION BY k.exhibit_id, k.passport_id ORDER BY k.day)
), vpd AS (
  SELECT exhibit_id, greatest(prev_o, prev_b) AS p, day AS d, 1 AS n FROM vn
  UNION ALL SELECT exhibit_id, day, next_o, 1 FROM vn WHERE next_b IS NULL OR next_o < next_b
  UNION ALL SELECT exhibit_id, prev_o, next_o, -1 FROM vn WHERE (next_b IS NULL OR next_o < next_b) AND (prev_o > '-infinity' OR next_o < 'infinity')
)${pairUpserts('vpd', 'vp')}`

/**
 * For a retention cutoff's split (privacy.ts), after its CTE `s` of the rows it splits:
 * the pair across the split, (last day gone, first day kept), becomes (last day gone,
 * infinity) under the token and (-infinity, first day kept) under the code.
 */
export const SPLIT_PAIRS = `, sp AS (
  SELECT exhibit_id, first_day + length(gone) - 1 AS p, cut + length(rest) - length(kept) AS d FROM s WHERE gone <> '' AND kept <> ''
), spd AS (
  SELECT exhibit_id, p, d, -1 AS n FROM sp UNION ALL SELECT exhibit_id, p, date 'infinity', 1 FROM sp UNION ALL SELECT exhibit_id, date '-infinity', d, 1 FROM sp
)${pairUpserts('spd', 'sq')}`

/**
 * The students per `key` over a span, as (key, students), for the rows of visitor_counts
 * `where` picks (center and exhibit). Each of those rows reads its own pair rows (four
 * index ranges), not the students'. a and b in one month is no special case: the four
 * parts still split p < a (months before a's, days of a's month before a) and d > b.
 */
export function studentsFromPairs(s: Span, key: 'center_id' | 'exhibit_id', where: string): string {
  if (s.lo > s.hi) throw new Error(`students from pairs: ${s.lo} is after ${s.hi}`)
  const [ma, mb] = [periodStart('month', s.lo), periodStart('month', s.hi)]
  const [a, b, A, B, afterB] = [s.lo, s.hi, ma, mb, nextStart('month', mb)].map(sqlDay)
  const same = `WHERE center_id = v.center_id AND exhibit_id = v.exhibit_id`
  const q = [`SELECT sum(n) FROM visitor_pair_months ${same} AND p_month < ${A} AND d_month > ${B}`]
  // Days after b in its month (none when b ends it), days before a in its month (none when a starts it).
  if (s.hi < addDays(nextStart('month', mb), -1))
    q.push(`SELECT sum(n) FROM visitor_pair_ends ${same} AND d_day > ${b} AND d_day < ${afterB} AND p_month < ${A}`)
  if (s.lo > ma)
    q.push(
      `SELECT sum(n) FROM visitor_pair_starts ${same} AND p_day >= ${A} AND p_day < ${a} AND d_month > ${B}`,
      `SELECT sum(n) FROM visitor_pair_days ${same} AND d_month = ${B} AND p_day >= ${A} AND p_day < ${a} AND d_day > ${b}`,
    )
  const notSeen = q.map((x) => ` - coalesce((${x}), 0)`).join('')
  // OFFSET 0 keeps the subquery whole: pulled up, its sub-selects would run twice, for sum() and for HAVING.
  return `SELECT ${key}, sum(seen) AS students FROM (SELECT ${key}, n${notSeen} AS seen FROM visitor_counts v
    WHERE scope = 'a' AND start = date '2000-01-01' AND ${where} OFFSET 0) x GROUP BY 1 HAVING sum(seen) > 0`
}
