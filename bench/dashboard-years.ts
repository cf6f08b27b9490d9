import type { Db } from '../src/server/db/database.ts'

/**
 * Grows a seeded year (`npm run seed`'s 2026) into a center's ten years for the 10 M figures.
 * Seeding through ingest takes over an hour here per 10 M events, and so does copying through
 * the triggers (~50 µs of CPU an event on a shared 2-core machine); so each copy is made as the
 * triggers would make it, but in bulk: the year's events moved back k years (same calendar day,
 * their times moved by as many days, seq + k·10⁸, new event ids: the UUID's first byte) with
 * class sessions of their own (`<id>~k`), and every trigger-kept table gets the year's rows moved
 * the same way. Passports and stations stay (a child comes back, a kiosk stays).
 * `throughTriggers` makes the copy through the triggers instead, to check the bulk copy.
 */
export function copyYearBack(db: Db, k: number, { throughTriggers = false, log = (_: string) => {} } = {}): number {
  if (!Number.isInteger(k) || k < 1 || k > 0xfe) throw new Error(`k must be 1…254 (got ${k})`)
  const t = performance.now()
  const year = (day: string) => `printf('%04d', 2026 - @k) || substr(${day}, 5)`
  const in2026 = (day: string) => `${day} BETWEEN '2026-01-01' AND '2026-12-31'`
  const inYear = (day: string) => `${day} BETWEEN 20260101 AND 20261231`
  const session = (id: string) =>
    `CASE WHEN ${id} = 0 THEN 0 ELSE (SELECT n.id FROM dash_keys o JOIN dash_keys n ON n.kind = 'session' AND n.value = o.value || '~' || @k WHERE o.id = ${id}) END`
  const run = (sql: string) => db.prepare(sql).run({ k }).changes
  const n = db.transaction(() => {
    const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'event_store'").all() as {
      name: string
      sql: string
    }[]
    if (!throughTriggers) for (const tr of triggers) db.exec(`DROP TRIGGER ${tr.name}`)
    run(`INSERT OR IGNORE INTO dash_keys (kind, value) SELECT 'session', value || '~' || @k FROM dash_keys WHERE kind = 'session' AND instr(value, '~') = 0`)
    const copied =
      run(`INSERT INTO event_store (seq, uid, time_ms, day, received_ms, station, session, passport_id, exhibit, type, item_id, correct, duration_ms, data)
      SELECT e.seq + @k * 100000000, unhex(printf('%02X', @k + 1) || substr(hex(e.uid), 3)), e.time_ms - e.shift, e.shifted, e.received_ms - e.shift, e.station,
        (SELECT n.id FROM dash_keys o JOIN dash_keys n ON n.kind = 'session' AND n.value = o.value || '~' || @k WHERE o.id = e.session),
        e.passport_id, e.exhibit, e.type, e.item_id, e.correct, e.duration_ms, e.data
      FROM (SELECT *, ${year('day')} AS shifted, CAST(round((julianday(day) - julianday(${year('day')})) * 86400000) AS INTEGER) AS shift
        FROM event_store WHERE ${in2026('day')} AND typeof(uid) = 'blob' AND seq < 100000000 ORDER BY seq) e`)
    if (!throughTriggers) {
      run(`INSERT INTO play_rollup SELECT batch, exhibit, passport, day - @k * 10000, station, ${session('session')}, starts, vr_starts, completions, crashes
        FROM play_rollup WHERE ${inYear('day')}`)
      run(`INSERT INTO done_rollup SELECT exhibit, duration, batch, day - @k * 10000, station, ${session('session')}, passport, seq + @k * 100000000
        FROM done_rollup WHERE ${inYear('day')}`)
      run(`INSERT INTO answer_rollup SELECT batch, item, passport, day - @k * 10000, station, wrong, choice, n FROM answer_rollup WHERE ${inYear('day')}`)
      run(`INSERT INTO item_rollup SELECT day - @k * 10000, item, station, wrong, choice, n FROM item_rollup WHERE ${inYear('day')}`)
      run(`INSERT INTO item_month_rollup SELECT month - @k * 100, item, station, wrong, choice, n FROM item_month_rollup WHERE month BETWEEN 202601 AND 202612`)
      run(`INSERT INTO daily_counts SELECT ${year('day')}, exhibit_id, type, n FROM daily_counts WHERE ${in2026('day')}`)
      run(`INSERT INTO session_counts SELECT session_id || '~' || @k, exhibit_id, type, n, ${year('first_day')}, ${year('last_day')} FROM session_counts
        WHERE instr(session_id, '~') = 0 AND ${in2026('first_day')} AND ${in2026('last_day')}`)
      run(`INSERT INTO daily_visitors SELECT ${year('day')}, passport_id FROM daily_visitors WHERE ${in2026('day')}`)
      run(`INSERT INTO session_visitors SELECT session_id || '~' || @k, passport_id FROM session_visitors WHERE instr(session_id, '~') = 0`)
      run(`INSERT INTO quiz_counts SELECT ${year('day')}, exhibit_id, quiz_id, answers, wrong FROM quiz_counts WHERE ${in2026('day')}`)
      for (const tr of triggers) db.exec(tr.sql)
    }
    return copied
  })()
  log(`copied 2026 to ${2026 - k}: ${n} events in ${((performance.now() - t) / 1000).toFixed(0)} s`)
  return n
}
