import type { Db } from './database.ts'

/** The `stations` table: enrolled stations and the hash of their current token. */
export function createStationsRepo(db: Db) {
  const upsert = db.prepare<[string, string, string, number]>(`INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash`)
  const byTokenHash = db.prepare<[string], string>('SELECT id FROM stations WHERE token_hash = ?').pluck()

  return {
    /** Enrolls a station, or gives an enrolled one a new token (which voids the old one). */
    enroll(station: { id: string; name: string; tokenHash: string; createdMs: number }): void {
      upsert.run(station.id, station.name, station.tokenHash, station.createdMs)
    },
    idByTokenHash(tokenHash: string): string | undefined {
      return byTokenHash.get(tokenHash)
    },
  }
}
export type StationsRepo = ReturnType<typeof createStationsRepo>
