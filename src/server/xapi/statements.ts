import type { Db } from '../db/database.ts'
import type { VisitEvent } from '../../core/event-schema.ts'
import { toXapiStatement } from '../../core/xapi.ts'
import type { XapiStatement } from '../../core/xapi.ts'

/**
 * Stored events as xAPI statements, read in pages by `seq` (the insertion order), so a
 * year is never held in memory and no read cursor stays open on the server's one
 * connection between pages (better-sqlite3 refuses other statements while one iterates).
 */
export interface EventRow {
  seq: number
  id: string
  time_ms: number
  station_id: string
  session_id: string | null
  passport_id: string | null
  exhibit_id: string
  type: VisitEvent['type']
  data: string
}

const COLUMNS = 'seq, id, time_ms, station_id, session_id, passport_id, exhibit_id, type, data'

/**
 * The event as the statement mapping wants it. The time is the stored instant in UTC
 * (the station's offset is not kept); the passport is what the row holds now: NULL after
 * retention, a deletion, or for a legacy device passport, so such events are the station's.
 */
export function eventOfRow(r: EventRow): VisitEvent {
  // The row was written by ingest from a validated event, so its data matches its type.
  return {
    id: r.id,
    time: new Date(r.time_ms).toISOString(),
    stationId: r.station_id,
    ...(r.session_id !== null ? { sessionId: r.session_id } : {}),
    ...(r.passport_id !== null ? { passportId: r.passport_id } : {}),
    exhibitId: r.exhibit_id,
    type: r.type,
    data: JSON.parse(r.data) as never,
  } as VisitEvent
}

export interface StatementPage {
  /** The highest seq in the page (the position to continue after); null: nothing more. */
  lastSeq: number | null
  rows: EventRow[]
}

export function createStatementReader(db: Db) {
  const after = db.prepare<[number, number], EventRow>(`SELECT ${COLUMNS} FROM events WHERE seq > ? ORDER BY seq LIMIT ?`)
  // No index on day: keyset paging by seq makes the whole export one pass over the table.
  const inDays = db.prepare<[number, string, string, number], EventRow>(
    `SELECT ${COLUMNS} FROM events WHERE seq > ? AND day >= ? AND day <= ? ORDER BY seq LIMIT ?`,
  )
  // Counts read event_store, whose seq and day the events view shows as they are: SQLite drops
  // the view's unused joins for a row query but not for an aggregate (migration 015).
  const maxSeq = db.prepare<[], number>('SELECT COALESCE(MAX(seq), 0) FROM event_store').pluck()
  const countAfter = db.prepare<[number], number>('SELECT COUNT(*) FROM event_store WHERE seq > ?').pluck()
  const firstSeqOfDay = db.prepare<[string], number | null>('SELECT MIN(seq) FROM event_store WHERE day >= ?').pluck()
  const page = (rows: EventRow[]): StatementPage => ({ lastSeq: rows.at(-1)?.seq ?? null, rows })
  return {
    /** Events stored after `seq` (the forwarder's next batch). */
    after: (seq: number, limit: number) => page(after.all(seq, limit)),
    /** Events of the calendar days [from, to] (center's zone) stored after `seq`. */
    inDays: (seq: number, from: string, to: string, limit: number) => page(inDays.all(seq, from, to, limit)),
    maxSeq: (): number => maxSeq.get() ?? 0,
    countAfter: (seq: number): number => countAfter.get(seq) ?? 0,
    /** The first seq stored on or after `day` (seq follows arrival, so later seqs may hold earlier days); past the end if none. */
    firstSeqOfDay: (day: string): number => firstSeqOfDay.get(day) ?? (maxSeq.get() ?? 0) + 1,
  }
}
export type StatementReader = ReturnType<typeof createStatementReader>

export function statementOfRow(r: EventRow, homePage: string): XapiStatement {
  return toXapiStatement(eventOfRow(r), homePage)
}
