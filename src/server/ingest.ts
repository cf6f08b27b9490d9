import type { Db } from './db/database.ts'
import { VisitEventSchema, formatIssues, isLegacyDevicePassport } from '../core/event-schema.ts'
import type { VisitEvent } from '../core/event-schema.ts'
import type { IngestResult } from './schemas/events.ts'

export interface IngestOptions {
  centerId: string
  /** Events older than this arrive anonymised: their day's visitors may already be rolled up. */
  retentionMs: number
  exhibitIds: ReadonlySet<string>
  timeZone: string
  maxClockSkewMs: number
  now: () => number
}

/** Calendar day (YYYY-MM-DD) of an instant in the center's zone, cached per half hour. */
export function createDayOf(timeZone: string): (ms: number) => string {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
  const cache = new Map<number, string>()
  return (ms) => {
    const slot = Math.floor(ms / 1_800_000)
    let day = cache.get(slot)
    if (day === undefined) {
      day = fmt.format(ms)
      if (cache.size > 10_000) cache.clear()
      cache.set(slot, day)
    }
    return day
  }
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

export const INSERT_EVENT_SQL = `INSERT OR IGNORE INTO events
  (id, time_ms, day, received_ms, station_id, session_id, passport_id, exhibit_id, type, item_id, correct, duration_ms, data)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`

interface Stored {
  changes: number
  quarantined: boolean
}
interface Job {
  rows: Row[]
  stationId: string
  at: number
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
export function createIngest(db: Db, { centerId, retentionMs, exhibitIds, timeZone, maxClockSkewMs, now }: IngestOptions) {
  const insert = db.prepare(INSERT_EVENT_SQL)
  const touch = db.prepare('UPDATE stations SET last_seen_ms = ? WHERE id = ?')
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
      return changes
    }),
  )
  let queue: Job[] = []
  const flush = () => {
    const jobs = queue
    queue = []
    try {
      const changes = commit(jobs)
      jobs.forEach((job, i) => job.resolve(changes[i]!))
    } catch (e) {
      for (const job of jobs) job.reject(e)
    }
  }
  const store = (rows: Row[], stationId: string, at: number) =>
    new Promise<Stored[]>((resolve, reject) => {
      queue.push({ rows, stationId, at, resolve, reject })
      if (queue.length === 1) setImmediate(flush)
    })

  return async function ingest(stationId: string, items: readonly unknown[]): Promise<IngestResult[]> {
    const at = now()
    const results: IngestResult[] = new Array(items.length)
    const rows: Row[] = []
    const rowIndex: number[] = []
    const notes = new Map<number, string>()
    items.forEach((item, i) => {
      const rawId =
        typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id.slice(0, 64) : null
      const parsed = VisitEventSchema.safeParse(item)
      if (!parsed.success) {
        results[i] = { id: rawId, status: 'rejected', reason: formatIssues(parsed.error).join('; ') }
        return
      }
      const e = parsed.data
      if (e.stationId !== stationId) {
        results[i] = { id: e.id, status: 'rejected', reason: "stationId: does not match the token's station" }
        return
      }
      if (!exhibitIds.has(e.exhibitId)) {
        results[i] = { id: e.id, status: 'rejected', reason: `exhibitId: unknown exhibit ${e.exhibitId}` }
        return
      }
      if (Date.parse(e.time) > at + maxClockSkewMs) {
        results[i] = { id: e.id, status: 'rejected', reason: 'time: more than the allowed clock skew in the future' }
        return
      }
      const row = eventRow(e, dayOf, at)
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
    })
    const stored = rows.length ? await store(rows, stationId, at) : []
    stored.forEach(({ changes, quarantined }, k) => {
      const i = rowIndex[k]!
      const note = quarantined ? QUARANTINE_NOTE : notes.get(i)
      results[i] = { id: rows[k]![0], status: changes === 1 ? 'accepted' : 'duplicate', ...(note ? { reason: note } : {}) }
    })
    return results
  }
}
export type Ingest = ReturnType<typeof createIngest>
