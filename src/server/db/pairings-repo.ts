import type { Db } from './database.ts'

export type PairingStatus = 'pending' | 'approved' | 'rejected'

export interface PairingRow {
  stationId: string
  name: string
  secretHash: string
  agent: string
  code: string
  codeExpiresMs: number
  wrongTries: number
  status: PairingStatus
  firstSeenMs: number
  lastSeenMs: number
}

const COLUMNS = `station_id AS stationId, name, secret_hash AS secretHash, agent, code, code_expires_ms AS codeExpiresMs,
  wrong_tries AS wrongTries, status, first_seen_ms AS firstSeenMs, last_seen_ms AS lastSeenMs`

/** The `station_pairings` table (migration 009): stations waiting for a guide's approval. */
export function createPairingsRepo(db: Db) {
  const byId = db.prepare<[string], PairingRow>(`SELECT ${COLUMNS} FROM station_pairings WHERE station_id = ?`)
  const pendingRows = db.prepare<[], PairingRow>(`SELECT ${COLUMNS} FROM station_pairings WHERE status = 'pending' ORDER BY first_seen_ms, station_id`)
  const countPending = db.prepare<[], number>(`SELECT COUNT(*) FROM station_pairings WHERE status = 'pending'`).pluck()
  const insert = db.prepare<[string, string, string, string, string, number, number, number]>(`INSERT INTO station_pairings
    (station_id, name, secret_hash, agent, code, code_expires_ms, first_seen_ms, last_seen_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`)
  const newCode = db.prepare<[string, number, number, string]>(
    'UPDATE station_pairings SET code = ?, code_expires_ms = ?, wrong_tries = 0, last_seen_ms = ? WHERE station_id = ?',
  )
  const seen = db.prepare<[number, string]>('UPDATE station_pairings SET last_seen_ms = ? WHERE station_id = ?')
  const wrong = db.prepare<[string]>('UPDATE station_pairings SET wrong_tries = wrong_tries + 1 WHERE station_id = ?')
  const decide = db.prepare<[PairingStatus, number, number, string]>(
    "UPDATE station_pairings SET status = ?, decided_by = ?, decided_ms = ? WHERE station_id = ? AND status = 'pending'",
  )
  const remove = db.prepare<[string]>('DELETE FROM station_pairings WHERE station_id = ?')
  // Requests no station asks about any more, and rejections once they have been seen long enough.
  const prune = db.prepare<[number, number]>(
    "DELETE FROM station_pairings WHERE (status = 'pending' AND last_seen_ms < ?) OR (status <> 'pending' AND decided_ms < ?)",
  )

  return {
    get: (stationId: string): PairingRow | undefined => byId.get(stationId),
    pending: (): PairingRow[] => pendingRows.all(),
    pendingCount: (): number => countPending.get() ?? 0,
    create(p: { stationId: string; name: string; secretHash: string; agent: string; code: string; codeExpiresMs: number; nowMs: number }): void {
      insert.run(p.stationId, p.name, p.secretHash, p.agent, p.code, p.codeExpiresMs, p.nowMs, p.nowMs)
    },
    renewCode(stationId: string, code: string, codeExpiresMs: number, nowMs: number): void {
      newCode.run(code, codeExpiresMs, nowMs, stationId)
    },
    seen(stationId: string, nowMs: number): void {
      seen.run(nowMs, stationId)
    },
    wrongTry(stationId: string): void {
      wrong.run(stationId)
    },
    /** False when the request was no longer pending (decided by someone else meanwhile). */
    decide(stationId: string, status: 'approved' | 'rejected', userId: number, nowMs: number): boolean {
      return decide.run(status, userId, nowMs, stationId).changes === 1
    },
    remove(stationId: string): void {
      remove.run(stationId)
    },
    prune(nowMs: number, idleMs: number, keepDecidedMs: number): void {
      prune.run(nowMs - idleMs, nowMs - keepDecidedMs)
    },
  }
}
export type PairingsRepo = ReturnType<typeof createPairingsRepo>
