import { describe, expect, it } from 'vitest'
import { addDays, effectiveSpan, singlePeriod, wholePeriods, yearsMonthsDays } from '../../src/server/district/dashboard-range.ts'
import type { Bucket, Range } from '../../src/server/district/dashboard-range.ts'

/** Every day of [a, b]. */
const daysOf = ([a, b]: Range) => {
  const out: string[] = []
  for (let d = a; d <= b; d = addDays(d, 1)) out.push(d)
  return out
}
const startsOf = (b: Bucket, [a, z]: Range) => {
  const out: string[] = []
  for (let d = a; d <= z; d = addDays(d, 1)) if (isStart(b, d)) out.push(d)
  return out
}
const isStart = (b: Bucket, d: string) =>
  b === 'day' || (b === 'week' ? new Date(`${d}T00:00:00Z`).getUTCDay() === 1 : b === 'month' ? d.endsWith('-01') : d.endsWith('-01-01'))
const lengthOf = (b: Bucket, start: string) => {
  let n = 1
  while (!isStart(b, addDays(start, n))) n++
  return n
}

// Spans chosen around the awkward days: leap years, month and year ends, weeks across years.
const EDGES = ['2023-12-25', '2023-12-31', '2024-01-01', '2024-02-28', '2024-02-29', '2024-03-01', '2024-06-30', '2024-12-30', '2025-01-05', '2025-12-31']
const SPANS: Range[] = EDGES.flatMap((lo) => [0, 1, 6, 27, 30, 59, 366, 400].map((n): Range => [lo, addDays(lo, n)]))

describe('district dashboard ranges', () => {
  it('splits a span into whole periods and edge days that cover each of its days exactly once', () => {
    for (const [lo, hi] of SPANS)
      for (const b of ['day', 'week', 'month', 'year'] as const) {
        const { whole, edges } = wholePeriods(b, { lo, hi })
        const covered = [...edges.flatMap(daysOf), ...(whole ? startsOf(b, whole).flatMap((s) => daysOf([s, addDays(s, lengthOf(b, s) - 1)])) : [])]
        expect(covered.sort(), `${b} ${lo}..${hi}`).toEqual(daysOf([lo, hi]))
        if (whole) expect(isStart(b, whole[0]) && isStart(b, whole[1])).toBe(true)
      }
  })

  it('reads a span as whole years, the months outside them and the edge days, each day once', () => {
    for (const [lo, hi] of SPANS) {
      const { years, months, days } = yearsMonthsDays({ lo, hi })
      const covered = [
        ...days.flatMap(daysOf),
        ...months.flatMap((m) => startsOf('month', m).flatMap((s) => daysOf([s, addDays(s, lengthOf('month', s) - 1)]))),
        ...(years ? startsOf('year', years).flatMap((s) => daysOf([s, addDays(s, lengthOf('year', s) - 1)])) : []),
      ]
      expect(covered.sort(), `${lo}..${hi}`).toEqual(daysOf([lo, hi]))
    }
  })

  it('knows a span that is exactly one period, and widens or narrows only over days without data', () => {
    expect(singlePeriod({ lo: '2024-01-01', hi: '2024-12-31' })).toEqual({ bucket: 'year', start: '2024-01-01' })
    expect(singlePeriod({ lo: '2024-02-01', hi: '2024-02-29' })).toEqual({ bucket: 'month', start: '2024-02-01' })
    expect(singlePeriod({ lo: '2026-03-02', hi: '2026-03-08' })).toEqual({ bucket: 'week', start: '2026-03-02' })
    expect(singlePeriod({ lo: '2026-03-03', hi: '2026-03-03' })).toEqual({ bucket: 'day', start: '2026-03-03' })
    expect(singlePeriod({ lo: '2026-03-03', hi: '2026-03-09' })).toBeNull()
    // Data from March to April 2026: no dates is that whole year; a bound inside the data stays.
    expect(effectiveSpan('2000-01-01', '2099-12-31', '2026-03-01', '2026-04-01')).toEqual({ lo: '2026-01-01', hi: '2026-12-31', all: true })
    expect(effectiveSpan('2000-01-01', '2026-04-29', '2025-11-01', '2026-04-01')).toEqual({ lo: '2025-01-01', hi: '2026-04-29' })
    expect(effectiveSpan('2026-03-05', '2026-04-29', '2026-03-01', '2026-04-01')).toEqual({ lo: '2026-03-05', hi: '2026-04-29' })
    expect(effectiveSpan('2026-02-10', '2026-04-30', '2026-03-01', '2026-04-01')).toEqual({ lo: '2026-01-01', hi: '2026-12-31', all: true })
    expect(effectiveSpan('2026-01-01', '2026-12-31', null, null)).toEqual({ lo: '2026-01-01', hi: '2026-12-31' })
  })
})
