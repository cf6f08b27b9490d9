import type { Db } from '../src/server/db/database.ts'

/**
 * Grows a seeded year (`npm run seed`'s 2026) into a center's ten years for the 10 M figures:
 * seeding through ingest takes over an hour here per 10 M events, copying in SQL about as long
 * as the triggers take. Each copy is the year moved back k years (same calendar day, its time
 * moved by as many days), with new event ids (the UUID's first byte) and class sessions of its
 * own (`<id>~k`); passports and stations stay (a child comes back, a kiosk stays). Written to
 * event_store, so the rollup triggers keep every dashboard table as ingest would.
 */
export function copyYearBack(db: Db, k: number, log: (line: string) => void = () => {}): number {
  if (!Number.isInteger(k) || k < 1 || k > 0xfe) throw new Error(`k must be 1…254 (got ${k})`)
  const t = performance.now()
  const n = db.transaction(() => {
    db.prepare(
      `INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'session', value || '~' || @k FROM dash_keys WHERE kind = 'session' AND instr(value, '~') = 0`,
    ).run({ k })
    const shifted = `printf('%04d', 2026 - @k) || substr(day, 5)`
    return db
      .prepare(
        `INSERT INTO event_store (uid, time_ms, day, received_ms, station, session, passport_id, exhibit, type, item_id, correct, duration_ms, data)
        SELECT unhex(printf('%02X', @k + 1) || substr(hex(e.uid), 3)), e.time_ms - e.shift, e.shifted, e.received_ms - e.shift, e.station,
          (SELECT n.id FROM dash_keys o JOIN dash_keys n ON n.kind = 'session' AND n.value = o.value || '~' || @k WHERE o.id = e.session),
          e.passport_id, e.exhibit, e.type, e.item_id, e.correct, e.duration_ms, e.data
        FROM (SELECT *, ${shifted} AS shifted, CAST(round((julianday(day) - julianday(${shifted})) * 86400000) AS INTEGER) AS shift
          FROM event_store WHERE day BETWEEN '2026-01-01' AND '2026-12-31' AND typeof(uid) = 'blob' ORDER BY seq) e`,
      )
      .run({ k }).changes
  })()
  log(`copied 2026 to ${2026 - k}: ${n} events in ${((performance.now() - t) / 1000).toFixed(0)} s`)
  return n
}
