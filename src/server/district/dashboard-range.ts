/**
 * How a dashboard range is read from the totals (dashboard-queries.ts): sums from whole
 * months (monthly tables) plus the edge days (daily tables); distinct students from one
 * period's counter when the range is exactly one day, week, month or year, else from the
 * passport sets of the whole years, whole months and edge days it is made of. Dates are
 * ISO days ('YYYY-MM-DD'), computed in UTC so no time zone moves them.
 */
export type Bucket = 'day' | 'week' | 'month' | 'year'
export type Range = readonly [string, string]
export interface Span {
  lo: string
  hi: string
  /** The span holds every day with data (students: visitor_counts' all-time counters, migration 007). */
  all?: boolean
}

const DAY_MS = 86_400_000
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/
const ms = (day: string) => Date.parse(`${day}T00:00:00Z`)
const iso = (t: number) => new Date(t).toISOString().slice(0, 10)
export const addDays = (day: string, n: number) => iso(ms(day) + n * DAY_MS)

/** A day as SQL, checked: only days this module made or the filter's schema let through are ever inlined. */
export function sqlDay(day: string): string {
  if (!ISO_DAY.test(day)) throw new Error(`not an ISO day: ${day}`)
  return `'${day}'::date`
}

/** The first day of the period a day falls in (weeks start on Monday, as date_trunc('week')). */
export function periodStart(b: Bucket, day: string): string {
  if (b === 'day') return day
  if (b === 'month') return `${day.slice(0, 7)}-01`
  if (b === 'year') return `${day.slice(0, 4)}-01-01`
  const weekday = (new Date(ms(day)).getUTCDay() + 6) % 7 // Monday 0
  return addDays(day, -weekday)
}
/** The first day of the next period. */
export function nextStart(b: Bucket, start: string): string {
  if (b === 'day') return addDays(start, 1)
  if (b === 'week') return addDays(start, 7)
  const d = new Date(ms(start))
  if (b === 'month') d.setUTCMonth(d.getUTCMonth() + 1)
  else d.setUTCFullYear(d.getUTCFullYear() + 1)
  return iso(d.getTime())
}
const periodEnd = (b: Bucket, start: string) => addDays(nextStart(b, start), -1)

/**
 * The filter's range, widened or narrowed over days no event can fall in, so "no dates"
 * over a year of data is that whole year (one counter per center), not 2000–2099. `first`
 * and `last` are the first days of the first and last months with data (null: none).
 */
export function effectiveSpan(from: string, to: string, first: string | null, last: string | null): Span {
  if (!first || !last) return { lo: from, hi: to }
  const all = from <= first && to >= periodEnd('month', last)
  return {
    lo: from <= first ? periodStart('year', first) : from,
    hi: to >= periodEnd('month', last) ? periodEnd('year', periodStart('year', last)) : to,
    ...(all && { all }),
  }
}

/** The whole periods of a bucket inside a span (their first starts) and the days left at its edges. */
export function wholePeriods(b: Bucket, s: Span): { whole: Range | null; edges: Range[] } {
  if (s.lo > s.hi) return { whole: null, edges: [] }
  const firstStart = periodStart(b, s.lo) === s.lo ? s.lo : nextStart(b, periodStart(b, s.lo))
  const lastStart = periodStart(b, s.hi)
  const lastWhole = periodEnd(b, lastStart) === s.hi ? lastStart : periodStart(b, addDays(lastStart, -1))
  if (firstStart > lastWhole) {
    const split = periodStart(b, s.lo) !== lastStart
    return {
      whole: null,
      edges: split
        ? [
            [s.lo, addDays(lastStart, -1)],
            [lastStart, s.hi],
          ]
        : [[s.lo, s.hi]],
    }
  }
  const edges: Range[] = []
  if (s.lo < firstStart) edges.push([s.lo, addDays(firstStart, -1)])
  const end = periodEnd(b, lastWhole)
  if (s.hi > end) edges.push([addDays(end, 1), s.hi])
  return { whole: [firstStart, lastWhole], edges }
}

/** The one period a span is exactly, if any (the largest first). */
export function singlePeriod(s: Span): { bucket: Bucket; start: string } | null {
  for (const b of ['year', 'month', 'week', 'day'] as const) {
    const start = periodStart(b, s.lo)
    if (start === s.lo && periodEnd(b, start) === s.hi) return { bucket: b, start }
  }
  return null
}

/** A span as whole years, the whole months outside them, and the edge days. */
export function yearsMonthsDays(s: Span): { years: Range | null; months: Range[]; days: Range[] } {
  const m = wholePeriods('month', s)
  if (!m.whole) return { years: null, months: [], days: m.edges }
  const [m1, m2] = m.whole
  const y = wholePeriods('year', { lo: m1, hi: periodEnd('month', m2) })
  if (!y.whole) return { years: null, months: [m.whole], days: m.edges }
  // The edges of the years are whole months here: as ranges of month starts.
  const months = y.edges.map(([a, b]): Range => [a, periodStart('month', b)])
  return { years: y.whole, months, days: m.edges }
}
