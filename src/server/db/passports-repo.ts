import type { Db } from './database.ts'
import { createPassportCode } from '../../core/passport-code.ts'
import { prepareEventInsert } from './event-store.ts'

export type PassportStatus = 'active' | 'revoked' | 'deleted'

export interface BatchRow {
  id: string
  request_id: string
  school: string
  grade: string
  class_name: string
  count: number
  created_ms: number
}
export interface NewBatch {
  requestId: string
  school: string
  grade: string
  className: string
  count: number
  createdBy: number
}
export interface ExhibitActivity {
  exhibitId: string
  stampedMs: number | null
  bestScore: number | null
  maxScore: number | null
  starts: number
  completions: number
}
export interface StoredEvent {
  id: string
  time_ms: number
  received_ms: number
  station_id: string
  session_id: string | null
  exhibit_id: string
  type: string
  data: string
}

const MAX_CODE_TRIES = 20

/**
 * The `passports` and `passport_batches` tables, and the events read per passport.
 * Every query is scoped to this server's center. Stamps are not stored here: they are
 * read from the passport's events (index events_passport), so a stamp earned offline
 * counts as soon as its event arrives.
 */
export function createPassportsRepo(
  db: Db,
  {
    centerId,
    now,
    newCode = () => createPassportCode(),
    onStored,
  }: {
    centerId: string
    now: () => number
    newCode?: () => string
    /** Called after a commit that moved quarantined events into `events` (the forwarders' wake-up). */
    onStored?: () => void
  },
) {
  const batchByRequest = db.prepare<[string, string], BatchRow>('SELECT * FROM passport_batches WHERE request_id = ? AND center_id = ?')
  const batchById = db.prepare<[string, string], BatchRow>('SELECT * FROM passport_batches WHERE id = ? AND center_id = ?')
  const codesOfBatch = db.prepare<[string], string>('SELECT code FROM passports WHERE batch_id = ? ORDER BY created_ms, rowid').pluck()
  const insertBatch = db.prepare(`INSERT INTO passport_batches (id, request_id, center_id, school, grade, class_name, count, created_by, created_ms)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
  // A code held by any center (or only seen in quarantine of another) is a collision: draw again.
  const insertPassport = db.prepare<[string, string, string, number]>(
    'INSERT OR IGNORE INTO passports (code, batch_id, center_id, created_ms) VALUES (?, ?, ?, ?)',
  )
  const passportRow = db.prepare<[string], { center_id: string; status: PassportStatus; batch_id: string | null; created_ms: number }>(
    'SELECT center_id, status, batch_id, created_ms FROM passports WHERE code = ?',
  )
  const quarantined = db.prepare<[string, string], { id: string; row: string }>(
    'SELECT id, row FROM quarantined_events WHERE passport_code = ? AND center_id = ?',
  )
  const unquarantine = db.prepare<[string]>('DELETE FROM quarantined_events WHERE id = ?')
  const insertEvent = prepareEventInsert(db)
  const activity = db.prepare<[string], ExhibitActivity>(`SELECT exhibit_id AS exhibitId,
      MIN(CASE WHEN type = 'stamp-awarded' THEN time_ms END) AS stampedMs,
      MAX(CASE WHEN type = 'exhibit-completed' THEN json_extract(data, '$.score') END) AS bestScore,
      MAX(CASE WHEN type = 'exhibit-completed' THEN json_extract(data, '$.maxScore') END) AS maxScore,
      COUNT(CASE WHEN type = 'exhibit-started' THEN 1 END) AS starts,
      COUNT(CASE WHEN type = 'exhibit-completed' THEN 1 END) AS completions
    FROM events WHERE passport_id = ? GROUP BY exhibit_id ORDER BY exhibit_id`)
  const eventsOf = db.prepare<[string], StoredEvent>(`SELECT id, time_ms, received_ms, station_id, session_id, exhibit_id, type, data
    FROM events WHERE passport_id = ? ORDER BY time_ms, seq`)
  // Deleting keeps every count: the passport's visitor rows become anonymous +1s first.
  const rollDays = db.prepare<[string, string]>(`INSERT INTO visitor_day_rollup (center_id, day, n)
    SELECT ?, day, 1 FROM daily_visitors WHERE passport_id = ? ON CONFLICT DO UPDATE SET n = n + 1`)
  const rollSessions = db.prepare<[string, string]>(`INSERT INTO visitor_session_rollup (center_id, session_id, n)
    SELECT ?, session_id, 1 FROM session_visitors WHERE passport_id = ? ON CONFLICT DO UPDATE SET n = n + 1`)
  const dropDays = db.prepare<[string]>('DELETE FROM daily_visitors WHERE passport_id = ?')
  const dropSessions = db.prepare<[string]>('DELETE FROM session_visitors WHERE passport_id = ?')
  const anonymise = db.prepare<[string]>('UPDATE event_store SET passport_id = NULL WHERE passport_id = ?')
  const markDeleted = db.prepare<[string]>("UPDATE passports SET status = 'deleted', batch_id = NULL WHERE code = ?")
  const dropEmptyBatch = db.prepare<[string, string]>('DELETE FROM passport_batches WHERE id = ? AND NOT EXISTS (SELECT 1 FROM passports WHERE batch_id = ?)')

  /** Events that waited in quarantine for this code join the statistics (trigger-counted once). */
  function adoptQuarantined(code: string): number {
    let n = 0
    for (const q of quarantined.all(code, centerId)) {
      n += insertEvent.run(JSON.parse(q.row) as unknown[]).changes
      unquarantine.run(q.id)
    }
    return n
  }

  const issue = db.transaction((b: NewBatch & { id: string }): { batch: BatchRow; created: boolean; adopted: number } => {
    const existing = batchByRequest.get(b.requestId, centerId)
    if (existing) return { batch: existing, created: false, adopted: 0 }
    const t = now()
    let adopted = 0
    insertBatch.run(b.id, b.requestId, centerId, b.school, b.grade, b.className, b.count, b.createdBy, t)
    for (let i = 0; i < b.count; i++) {
      let tries = 0
      let code: string
      do {
        if (++tries > MAX_CODE_TRIES) throw new Error('could not draw a free passport code')
        code = newCode()
      } while (insertPassport.run(code, b.id, centerId, t).changes === 0)
      adopted += adoptQuarantined(code)
    }
    return { batch: batchById.get(b.id, centerId)!, created: true, adopted }
  })

  return {
    /** Issues a batch, or returns the batch already issued for this request id (`created: false`). */
    issue(b: NewBatch): { batch: BatchRow; codes: string[]; created: boolean } {
      const { adopted, ...r } = issue.immediate({ ...b, id: crypto.randomUUID() })
      if (adopted) onStored?.()
      return { ...r, codes: codesOfBatch.all(r.batch.id) }
    },
    batch(id: string): { batch: BatchRow; codes: string[] } | undefined {
      const batch = batchById.get(id, centerId)
      return batch && { batch, codes: codesOfBatch.all(id) }
    },
    /** This center's passport with that code; another center's counts as unknown here. */
    find(code: string) {
      const p = passportRow.get(code)
      return p && p.center_id === centerId ? p : undefined
    },
    activity(code: string): ExhibitActivity[] {
      return activity.all(code)
    },
    exportOf(code: string) {
      const p = passportRow.get(code)
      if (!p || p.center_id !== centerId) return undefined
      return { passport: p, batch: p.batch_id ? (batchById.get(p.batch_id, centerId) ?? null) : null, events: eventsOf.all(code) }
    },
    /** Removes every trace of the code but the code itself (kept as `deleted`, so it is never reissued). */
    delete: db.transaction((code: string): void => {
      const p = passportRow.get(code)
      rollDays.run(centerId, code)
      rollSessions.run(centerId, code)
      dropDays.run(code)
      dropSessions.run(code)
      anonymise.run(code)
      markDeleted.run(code)
      if (p?.batch_id) dropEmptyBatch.run(p.batch_id, p.batch_id)
    }),
    adoptQuarantined,
  }
}
export type PassportsRepo = ReturnType<typeof createPassportsRepo>
