import type { Db } from './db/database.ts'
import { createDayOf } from './ingest.ts'

const DAY_MS = 86_400_000

export interface RetentionOptions {
  centerId: string
  retentionDays: number
  /** Audit entries older than this are deleted by the same job. */
  auditRetentionDays: number
  timeZone: string
  now: () => number
}
export interface RetentionReport {
  cutoffDay: string
  visitorDaysRolled: number
  sessionVisitorsRolled: number
  eventsAnonymised: number
  quarantinedDropped: number
  passportsExpired: number
  batchesDropped: number
  auditEntriesDropped: number
}

/**
 * The retention job. Per-passport records from before the cutoff (whole days in the
 * center's zone) become anonymous counts and lose their passport id, in one transaction:
 *  - daily_visitors rows (day, passport) → visitor_day_rollup (day, n);
 *  - session_visitors rows of sessions that ended before the cutoff → visitor_session_rollup;
 *  - events keep every column the statistics read except passport_id (set to NULL), so
 *    daily/exhibit/quiz totals and medians do not change;
 *  - quarantined events (never counted) are dropped;
 *  - passports issued before the cutoff with no remaining activity expire (status
 *    'deleted', batch link removed), and batches left without passports are deleted;
 *  - audit entries older than AUDIT_RETENTION_DAYS are deleted.
 * Idempotent: a second run the same day changes nothing.
 */
export function createRetention(db: Db, { centerId, retentionDays, auditRetentionDays, timeZone, now }: RetentionOptions) {
  const dayOf = createDayOf(timeZone)
  const endedSessions = `SELECT session_id FROM session_counts GROUP BY session_id HAVING MAX(last_day) < ?`
  const rollDays = db.prepare(`INSERT INTO visitor_day_rollup (center_id, day, n)
    SELECT ?, day, COUNT(*) FROM daily_visitors WHERE day < ? GROUP BY day
    ON CONFLICT DO UPDATE SET n = n + excluded.n`)
  const dropDays = db.prepare('DELETE FROM daily_visitors WHERE day < ?')
  const rollSessions = db.prepare(`INSERT INTO visitor_session_rollup (center_id, session_id, n)
    SELECT ?, session_id, COUNT(*) FROM session_visitors WHERE session_id IN (${endedSessions}) GROUP BY session_id
    ON CONFLICT DO UPDATE SET n = n + excluded.n`)
  const dropSessions = db.prepare(`DELETE FROM session_visitors WHERE session_id IN (${endedSessions})`)
  const anonymise = db.prepare('UPDATE event_store SET passport_id = NULL WHERE passport_id IS NOT NULL AND day < ?')
  const dropQuarantined = db.prepare('DELETE FROM quarantined_events WHERE center_id = ? AND time_ms < ?')
  const expire = db.prepare(`UPDATE passports SET status = 'deleted', batch_id = NULL
    WHERE center_id = ? AND status != 'deleted' AND created_ms < ?
      AND NOT EXISTS (SELECT 1 FROM event_store WHERE passport_id = passports.code)
      AND NOT EXISTS (SELECT 1 FROM quarantined_events WHERE passport_code = passports.code)`)
  const dropBatches = db.prepare(`DELETE FROM passport_batches WHERE center_id = ? AND created_ms < ?
    AND NOT EXISTS (SELECT 1 FROM passports WHERE batch_id = passport_batches.id)`)

  const dropAudit = db.prepare<[number]>('DELETE FROM audit_log WHERE time_ms < ?')
  // The district (if any) anonymises what this center forwarded before the same day (docs/district.md).
  const tellDistrict = db.prepare<[string, number]>("INSERT INTO district_privacy (kind, before_day, created_ms) VALUES ('anonymise-before', ?, ?)")

  const run = db.transaction((cutoffMs: number, auditCutoffMs: number): RetentionReport => {
    const cutoffDay = dayOf(cutoffMs)
    rollDays.run(centerId, cutoffDay)
    const visitorDaysRolled = dropDays.run(cutoffDay).changes
    rollSessions.run(centerId, cutoffDay)
    const sessionVisitorsRolled = dropSessions.run(cutoffDay).changes
    const eventsAnonymised = anonymise.run(cutoffDay).changes
    if (eventsAnonymised + visitorDaysRolled + sessionVisitorsRolled > 0) tellDistrict.run(cutoffDay, cutoffMs)
    return {
      cutoffDay,
      visitorDaysRolled,
      sessionVisitorsRolled,
      eventsAnonymised,
      quarantinedDropped: dropQuarantined.run(centerId, cutoffMs).changes,
      passportsExpired: expire.run(centerId, cutoffMs).changes,
      batchesDropped: dropBatches.run(centerId, cutoffMs).changes,
      auditEntriesDropped: dropAudit.run(auditCutoffMs).changes,
    }
  })
  /** Runs the job for the app's clock now. */
  return (): RetentionReport => {
    const t = now()
    return run.immediate(t - retentionDays * DAY_MS, t - auditRetentionDays * DAY_MS)
  }
}
export type Retention = ReturnType<typeof createRetention>
