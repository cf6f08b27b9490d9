/**
 * Calendar day (YYYY-MM-DD) of an instant in the center's zone. Formatting with Intl is
 * the slow part of ingest, so days are cached per 15-minute slot of UTC time — but only
 * for a slot that lies wholly inside one day: a slot that holds a local midnight (any
 * offset, :30 and :45 ones included, or a DST jump) is formatted per call, never cached.
 */
const SLOT_MS = 900_000
const MAX_CACHED = 10_000

export function createDayOf(timeZone: string): (ms: number) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  // formatToParts, not format: en-CA writes year 1 as "1", and the key must sort as text.
  const format = (ms: number) => {
    let y = '',
      m = '',
      d = ''
    for (const p of fmt.formatToParts(ms)) {
      if (p.type === 'year') y = p.value
      else if (p.type === 'month') m = p.value
      else if (p.type === 'day') d = p.value
    }
    return `${y.padStart(4, '0')}-${m}-${d}`
  }
  const cache = new Map<number, string>()
  return (ms) => {
    const slot = Math.floor(ms / SLOT_MS)
    const hit = cache.get(slot)
    if (hit !== undefined) return hit
    const day = format(ms)
    const start = slot * SLOT_MS
    if (format(start) === day && format(start + SLOT_MS - 1) === day) {
      if (cache.size >= MAX_CACHED) cache.clear()
      cache.set(slot, day)
    }
    return day
  }
}
