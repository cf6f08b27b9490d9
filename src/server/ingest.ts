import type { Db } from './db/database.ts'
import { VisitEventSchema, formatIssues, isLegacyDevicePassport } from '../core/event-schema.ts'
import type { VisitEvent } from '../core/event-schema.ts'
import type { IngestResult } from './schemas/events.ts'
import { createDayOf } from './day-key.ts'
import { prepareEventInsert } from './db/event-store.ts'

export { createDayOf }

export interface IngestOptions {
  centerId: string
  /** Events older than this arrive anonymised: their day's visitors may already be rolled up. */
  retentionMs: number
  exhibitIds: ReadonlySet<string>
  timeZone: string
  /** YYYY-MM-DD in timeZone: events dated before it are refused (the station's clock is off). */
  firstDay: string
  maxClockSkewMs: number
  now: () => number
  /** Called after a commit that stored at least one new event (the forwarders' wake-up). */
  onStored?: () => void
}

type Row = [string, number, string, number, string, string | null, string | null, string, string, string | null, number | null, number | null, string]

export function eventRow(e: VisitEvent, dayOf: (ms: number) => string, receivedMs: number): Row {
  const t = Date.parse(e.time)
  let item: string | null = null,
    correct: number | null = null,
    duration: number | null = null
  switch (e.type) {
    case 'step-completed':
    case 'step-mistake':
      item = e.data.stepId
      break
    case 'answer-given':
      item = e.data.quizId
      correct = e.data.correct ? 1 : 0
      break
    case 'stamp-awarded':
      item = e.data.stampId
      break
    case 'exhibit-completed':
      duration = e.data.durationMs
      break
    default:
      break
  }
  return [
    e.id,
    t,
    dayOf(t),
    receivedMs,
    e.stationId,
    e.sessionId ?? null,
    e.passportId ?? null,
    e.exhibitId,
    e.type,
    item,
    correct,
    duration,
    JSON.stringify(e.data),
  ]
}

/**
 * One event as a statement on the `events` view (migration 015): for tests and tools. A
 * statement on a view reports 0 changes, so the server stores with prepareEventInsert.
 */
export const INSERT_EVENT_SQL = `INSERT OR IGNORE INTO events
  (id, time_ms, day, received_ms, station_id, session_id, passport_id, exhibit_id, type, item_id, correct, duration_ms, data)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

interface Stored {
  changes: number
  quarantined: boolean
}
/** What this batch says about the station's clock: an event dated out of bounds, or one dated about now. */
type ClockNote = { off: number } | 'ok' | null
interface Job {
  rows: Row[]
  stationId: string
  at: number
  clock: ClockNote
  resolve: (stored: Stored[]) => void
  reject: (e: unknown) => void
}
const PASSPORT = 6

const LEGACY_NOTE = 'passportId: a device passport (SP-…) from before class-set passports; stored as a walk-in event without it'
const OLD_NOTE = 'passportId: older than the retention period; stored without it'
const QUARANTINE_NOTE = 'passportId: not issued by this server; kept aside (not counted) until it is'

/**
 * Validates each event on its own and stores the good ones with INSERT OR IGNORE on the
 * unique id, so a resent event is a harmless duplicate. The promise resolves only after
 * COMMIT, i.e. after the WAL fsync (synchronous=FULL): accepted/duplicate means on disk.
 *
 * Group commit: batches that arrive while a commit is running (the event loop is
 * blocked in fsync) are committed together in the next turn — one fsync for all of
 * them. Each request still gets its own per-event answer.
 */
export function createIngest(db: Db, { centerId, retentionMs, exhibitIds, timeZone, firstDay, maxClockSkewMs, now, onStored }: IngestOptions) {
  const insert = prepareEventInsert(db)
  const touch = db.prepare('UPDATE stations SET last_seen_ms = ? WHERE id = ?')
  const flagClock = db.prepare('UPDATE stations SET clock_off_ms = ?, clock_off_event_ms = ? WHERE id = ?')
  const clearClock = db.prepare('UPDATE stations SET clock_off_ms = NULL, clock_off_event_ms = NULL WHERE id = ? AND clock_off_ms IS NOT NULL')
  const passportStatus = db.prepare<[string, string], string>('SELECT status FROM passports WHERE code = ? AND center_id = ?').pluck()
  const quarantine = db.prepare(`INSERT OR IGNORE INTO quarantined_events (id, center_id, passport_code, station_id, time_ms, received_ms, row)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
  const dayOf = createDayOf(timeZone)
  /**
   * A passport's events count only while it is active here. Unknown code: quarantined
   * (acknowledged, so the station stops resending, but not counted). Deleted or revoked:
   * stored without the id, so a station that was offline cannot bring the passport back.
   */
  const storeRow = (r: Row): Stored => {
    const code = r[PASSPORT]
    if (code !== null) {
      const status = passportStatus.get(code, centerId)
      if (status === undefined) return { changes: quarantine.run(r[0], centerId, code, r[4], r[1], r[3], JSON.stringify(r)).changes, quarantined: true }
      if (status !== 'active') r[PASSPORT] = null
    }
    return { changes: insert.run(r).changes, quarantined: false }
  }
  const commit = db.transaction((jobs: Job[]) =>
    jobs.map((job) => {
      const changes = job.rows.map(storeRow)
      touch.run(job.at, job.stationId)
      if (job.clock === 'ok') clearClock.run(job.stationId)
      else if (job.clock) flagClock.run(job.at, job.clock.off, job.stationId)
      return changes
    }),
  )
  let queue: Job[] = []
  const flush = () => {
    const jobs = queue
    queue = []
    let changes: Stored[][]
    try {
      changes = commit(jobs)
    } catch (e) {
      for (const job of jobs) job.reject(e)
      return
    }
    jobs.forEach((job, i) => job.resolve(changes[i]!))
    // Quarantined events wait outside `events`: nothing to forward for them yet.
    if (changes.some((c) => c.some((s) => s.changes === 1 && !s.quarantined))) onStored?.()
  }
  const store = (rows: Row[], stationId: string, at: number, clock: ClockNote) =>
    new Promise<Stored[]>((resolve, reject) => {
      queue.push({ rows, stationId, at, clock, resolve, reject })
      if (queue.length === 1) setImmediate(flush)
    })

  return async function ingest(stationId: string, items: readonly unknown[]): Promise<IngestResult[]> {
    const at = now()
    const results: IngestResult[] = new Array(items.length)
    const rows: Row[] = []
    const rowIndex: number[] = []
    const sentIds: string[] = []
    const notes = new Map<number, string>()
    let clock = null as ClockNote
    items.forEach((item, i) => {
      const rawId =
        typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id.slice(0, 64) : null
      const parsed = VisitEventSchema.safeParse(item)
      if (!parsed.success) {
        results[i] = { id: rawId, status: 'rejected', reason: formatIssues(parsed.error).join('; ') }
        return
      }
      const e = parsed.data
      // UUIDs are case-insensitive: one event sent as 01A2… and as 01a2… is one event (xAPI: send lower case).
      e.id = e.id.toLowerCase()
      if (e.sessionId !== undefined) e.sessionId = e.sessionId.toLowerCase()
      if (e.stationId.toLowerCase() !== stationId.toLowerCase()) {
        results[i] = { id: rawId, status: 'rejected', reason: "stationId: does not match the token's station" }
        return
      }
      if (!exhibitIds.has(e.exhibitId)) {
        results[i] = { id: rawId, status: 'rejected', reason: `exhibitId: unknown exhibit ${e.exhibitId}` }
        return
      }
      const t = Date.parse(e.time)
      const tooLate = t > at + maxClockSkewMs
      if (tooLate || dayOf(t) < firstDay) {
        clock = { off: t }
        results[i] = {
          id: rawId,
          status: 'rejected',
          reason: tooLate
            ? `time: more than the allowed clock skew in the future (${e.time}); check this station's clock`
            : `time: before the center's first day ${firstDay} (${e.time}); check this station's clock`,
        }
        return
      }
      if (clock === null && t >= at - maxClockSkewMs) clock = 'ok'
      const row = eventRow({ ...e, stationId }, dayOf, at)
      if (e.passportId !== undefined && isLegacyDevicePassport(e.passportId)) {
        row[PASSPORT] = null
        notes.set(i, LEGACY_NOTE)
      }
      if (row[PASSPORT] !== null && row[1] < at - retentionMs) {
        row[PASSPORT] = null
        notes.set(i, OLD_NOTE)
      }
      rows.push(row)
      rowIndex.push(i)
      sentIds.push(rawId ?? e.id)
    })
    const stored = rows.length || clock ? await store(rows, stationId, at, clock) : []
    stored.forEach(({ changes, quarantined }, k) => {
      const i = rowIndex[k]!
      const note = quarantined ? QUARANTINE_NOTE : notes.get(i)
      // The id as the station sent it: the station matches answers to its outbox by it.
      results[i] = { id: sentIds[k]!, status: changes === 1 ? 'accepted' : 'duplicate', ...(note ? { reason: note } : {}) }
    })
    return results
  }
}
export type Ingest = ReturnType<typeof createIngest>
