import type { Db } from './database.ts'

/**
 * Writing events into the compact `event_store` (migration 015). `events` is a view of it that
 * gives every row back as stored; a write through the view works (INSTEAD OF triggers) but
 * reports 0 changes, so every writer that counts what it stored comes here.
 */

/** The values of one event, in the order of INSERT_EVENT_SQL (ingest.ts): what ingest stores and quarantine keeps. */
export type EventValues = readonly unknown[]

const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/**
 * The stored form of an event id: 16 bytes for a UUID written the canonical way (lower case,
 * dashes), which the view turns back into the same text; anything else as sent. Migration 015
 * holds the same rule in SQL.
 */
export function storedUid(id: string): Buffer | string {
  return CANONICAL_UUID.test(id) ? Buffer.from(id.replaceAll('-', ''), 'hex') : id
}

/**
 * INSERT OR IGNORE on the event id, with the dictionary keys of its station, exhibit and class
 * session made first. `run` answers as a statement does: `changes` is 0 for a resent event.
 */
export function prepareEventInsert(db: Db): { run: (...values: unknown[]) => { changes: number } } {
  const keys = db.prepare<[unknown, unknown, unknown]>(`INSERT OR IGNORE INTO dash_keys (kind, value) SELECT k, v FROM (SELECT 'station' AS k, ? AS v
    UNION ALL SELECT 'exhibit', ? UNION ALL SELECT 'session', ?) WHERE v IS NOT NULL`)
  const type = db.prepare<[unknown]>('INSERT OR IGNORE INTO event_types (name) VALUES (?)')
  const insert = db.prepare(`INSERT OR IGNORE INTO event_store
    (uid, time_ms, day, received_ms, station, session, passport_id, exhibit, type, item_id, correct, duration_ms, data)
    VALUES (?, ?, ?, ?, (SELECT id FROM dash_keys WHERE kind = 'station' AND value = ?), (SELECT id FROM dash_keys WHERE kind = 'session' AND value = ?),
      ?, (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = ?), (SELECT code FROM event_types WHERE name = ?), ?, ?, ?, ?)`)
  return {
    /** The 13 values as arguments, or one array of them (as a statement takes them). */
    run(...args) {
      const v: EventValues = args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args
      if (v.length !== 13 || typeof v[0] !== 'string') throw new Error(`an event row has 13 values, the first its id (got ${v.length})`)
      const [id, time, day, received, station, session, passport, exhibit, kind, item, correct, duration, data] = v
      keys.run(station, exhibit, session)
      type.run(kind)
      return { changes: insert.run(storedUid(id), time, day, received, station, session, passport, exhibit, kind, item, correct, duration, data).changes }
    },
  }
}
