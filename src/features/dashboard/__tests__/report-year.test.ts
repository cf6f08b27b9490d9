import { afterEach, describe, expect, it, vi } from 'vitest'
import { reportYear } from '../dashboard-page.tsx'

/** The dashboard's link to the yearly report goes to the year the filter starts in. */
describe('reportYear', () => {
  afterEach(() => vi.useRealTimers())
  it("is the filter's start year", () => {
    expect(reportYear('2025-09-01')).toBe(2025)
    expect(reportYear('2026-01-01')).toBe(2026)
  })
  it('is this year without a usable start date', () => {
    vi.useFakeTimers({ now: new Date('2027-03-04T05:00:00Z') })
    expect(reportYear(undefined)).toBe(2027)
    expect(reportYear('')).toBe(2027)
    expect(reportYear('abcd-01-01')).toBe(2027)
  })
})
