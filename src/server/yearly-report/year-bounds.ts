import { createDayOf } from '../day-key.ts'

const HOUR_MS = 3_600_000

/**
 * The first instant (ms) whose day in `timeZone` is on or after January 1st of `year`.
 * Zones are at most 14 h from UTC, so that instant lies within 15 h of UTC midnight: a binary
 * search over that window finds it exactly, whatever the zone's offset or daylight saving.
 */
export function yearStartMs(year: number, timeZone: string): number {
  const dayOf = createDayOf(timeZone)
  const first = `${String(year).padStart(4, '0')}-01-01`
  const utc = Date.UTC(year, 0, 1)
  let lo = utc - 15 * HOUR_MS
  let hi = utc + 15 * HOUR_MS
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2)
    if (dayOf(mid) >= first) hi = mid
    else lo = mid + 1
  }
  return lo
}

/** `[from, to)` in ms and `[firstDay, lastDay]` as day keys: the calendar year in the center's zone. */
export function yearBounds(year: number, timeZone: string) {
  return {
    fromMs: yearStartMs(year, timeZone),
    toMs: yearStartMs(year + 1, timeZone),
    firstDay: `${year}-01-01`,
    lastDay: `${year}-12-31`,
  }
}
