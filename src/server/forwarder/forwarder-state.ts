import type { Db } from '../db/database.ts'
import type { ForwardedEvent, PrivacyRecord } from '../district/protocol.ts'

export interface DistrictForwarderRow {
  district_url: string
  center_id: string
  last_seq: number
  /** The highest district_privacy.seq the district acknowledged (migration 012). */
  privacy_seq: number
  sent: number
  duplicates: number
  rejected: number
  updated_ms: number
  last_error: string | null
  last_error_ms: number | null
}

interface EventRow {
  seq: number
  id: string
  time_ms: number
  day: string
  station_id: string
  session_id: string | null
  passport_id: string | null
  exhibit_id: string
  type: string
  data: string
}

/** The forwarder's cursor (table district_forwarder, migration 011) and the events after it. */
export function createDistrictForwarderState(db: Db, url: string, centerId: string) {
  const ensure = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO district_forwarder (district_url, center_id, updated_ms) VALUES (?, ?, ?)')
  const get = db.prepare<[string, string], DistrictForwarderRow>('SELECT * FROM district_forwarder WHERE district_url = ? AND center_id = ?')
  // Compare-and-set on the position the batch was read from.
  const ack = db.prepare<[number, number, number, number, number, string, string, number]>(
    `UPDATE district_forwarder SET last_seq = ?, sent = sent + ?, duplicates = duplicates + ?, rejected = rejected + ?, updated_ms = ?, last_error = NULL, last_error_ms = NULL
     WHERE district_url = ? AND center_id = ? AND last_seq = ?`,
  )
  const fail = db.prepare<[string, number, string, string]>(
    'UPDATE district_forwarder SET last_error = ?, last_error_ms = ? WHERE district_url = ? AND center_id = ?',
  )
  const after = db.prepare<[number, number], EventRow>(
    'SELECT seq, id, time_ms, day, station_id, session_id, passport_id, exhibit_id, type, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?',
  )

  const privacyAfter = db.prepare<[number, number], { seq: number; kind: string; passport_id: string | null; before_day: string | null }>(
    'SELECT seq, kind, passport_id, before_day FROM district_privacy WHERE seq > ? ORDER BY seq LIMIT ?',
  )
  const ackPrivacy = db.prepare<[number, number, string, string, number]>(
    `UPDATE district_forwarder SET privacy_seq = ?, updated_ms = ?, last_error = NULL, last_error_ms = NULL
     WHERE district_url = ? AND center_id = ? AND privacy_seq = ?`,
  )

  return {
    /** The cursor, created at 0 (migration 011's trigger pulls it down if the newest events are deleted). */
    position(nowMs: number): number {
      ensure.run(url, centerId, nowMs)
      return get.get(url, centerId)!.last_seq
    },
    /** Up to `limit` events after `seq`, in seq (commit) order, as the district wants them. */
    batchAfter(seq: number, limit: number): ForwardedEvent[] {
      return after.all(seq, limit).map((r) => ({
        seq: r.seq,
        id: r.id,
        time: r.time_ms,
        day: r.day,
        stationId: r.station_id,
        sessionId: r.session_id,
        passportId: r.passport_id,
        exhibitId: r.exhibit_id,
        type: r.type,
        data: JSON.parse(r.data) as Record<string, unknown>,
      }))
    },
    /** The district holds every event up to `toSeq`; false when the cursor moved meanwhile. */
    ack(fromSeq: number, toSeq: number, n: { accepted: number; duplicate: number; rejected: number }, nowMs: number): boolean {
      return ack.run(toSeq, n.accepted + n.duplicate, n.duplicate, n.rejected, nowMs, url, centerId, fromSeq).changes === 1
    },
    /** Erasures and retention cutoffs after the privacy cursor, in seq order (district_privacy, migration 012). */
    privacyAfter(limit: number): { from: number; records: PrivacyRecord[] } {
      const from = get.get(url, centerId)?.privacy_seq ?? 0
      const records = privacyAfter
        .all(from, limit)
        .map((r): PrivacyRecord =>
          r.kind === 'erase-passport'
            ? { seq: r.seq, kind: 'erase-passport', passportId: r.passport_id ?? '' }
            : { seq: r.seq, kind: 'anonymise-before', beforeDay: r.before_day ?? '' },
        )
      return { from, records }
    },
    ackPrivacy(fromSeq: number, toSeq: number, nowMs: number): boolean {
      return ackPrivacy.run(toSeq, nowMs, url, centerId, fromSeq).changes === 1
    },
    fail(reason: string, nowMs: number): void {
      fail.run(reason.slice(0, 500), nowMs, url, centerId)
    },
    row: (): DistrictForwarderRow | undefined => get.get(url, centerId),
  }
}
