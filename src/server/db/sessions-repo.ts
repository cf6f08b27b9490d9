import type { Db } from './database.ts'
import type { Role } from '../auth/roles.ts'

export interface SessionUser {
  id: number
  name: string
  role: Role
}

/** The `auth_sessions` table: guide/admin login sessions, keyed by the hash of their token. */
export function createSessionsRepo(db: Db) {
  const insert = db.prepare<[string, number, number]>('INSERT INTO auth_sessions (token_hash, user_id, expires_ms) VALUES (?, ?, ?)')
  const purgeExpired = db.prepare<[number]>('DELETE FROM auth_sessions WHERE expires_ms <= ?')
  const remove = db.prepare<[string]>('DELETE FROM auth_sessions WHERE token_hash = ?')
  const userByTokenHash = db.prepare<[string, number], SessionUser>(
    'SELECT u.id, u.name, u.role FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_ms > ? AND u.disabled_ms IS NULL',
  )

  return {
    /** Starts a session; sessions that expired by `nowMs` are dropped on the way. */
    start(tokenHash: string, userId: number, expiresMs: number, nowMs: number): void {
      purgeExpired.run(nowMs)
      insert.run(tokenHash, userId, expiresMs)
    },
    end(tokenHash: string): void {
      remove.run(tokenHash)
    },
    /** The user of a session that is still valid at `nowMs`. */
    userByTokenHash(tokenHash: string, nowMs: number): SessionUser | undefined {
      return userByTokenHash.get(tokenHash, nowMs)
    },
  }
}
export type SessionsRepo = ReturnType<typeof createSessionsRepo>
