import type { Db } from './database.ts'

export interface StationRow {
  id: string
  name: string
  createdMs: number
  lastSeenMs: number | null
  /** When the server last saw an event dated outside [CENTER_FIRST_DAY, now + skew] from it; null: clock fine. */
  clockOffMs: number | null
  /** The time that event claimed. */
  clockOffEventMs: number | null
}

/** The `stations` table: enrolled stations and the hash of their current token. */
export function createStationsRepo(db: Db) {
  // A re-enrolment without a secret keeps the one on record.
  const upsert = db.prepare<[string, string, string, string | null, number]>(`INSERT INTO stations (id, name, token_hash, secret_hash, created_ms)
    VALUES (?, ?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash, secret_hash = COALESCE(excluded.secret_hash, secret_hash)`)
  const byTokenHash = db.prepare<[string], string>('SELECT id FROM stations WHERE token_hash = ?').pluck()
  // Ids are UUIDs, which are case-insensitive: 01A2… and 01a2… are one station.
  const byId = db.prepare<[string], { id: string; secretHash: string | null }>('SELECT id, secret_hash AS secretHash FROM stations WHERE id = ? COLLATE NOCASE')
  const all = db.prepare<[], StationRow>(`SELECT id, name, created_ms AS createdMs, last_seen_ms AS lastSeenMs,
    clock_off_ms AS clockOffMs, clock_off_event_ms AS clockOffEventMs FROM stations ORDER BY name, id`)

  return {
    /** Enrolls a station, or gives an enrolled one a new token (which voids the old one). */
    enroll(station: { id: string; name: string; tokenHash: string; secretHash: string | null; createdMs: number }): void {
      upsert.run(station.id, station.name, station.tokenHash, station.secretHash, station.createdMs)
    },
    idByTokenHash(tokenHash: string): string | undefined {
      return byTokenHash.get(tokenHash)
    },
    /** The enrolled station with this id in any letter case (its id as stored). */
    existing(id: string): { id: string; secretHash: string | null } | undefined {
      return byId.get(id)
    },
    /** For the station list: who is enrolled, when each was last heard from, and whose clock is off. */
    list(): StationRow[] {
      return all.all()
    },
  }
}
export type StationsRepo = ReturnType<typeof createStationsRepo>
