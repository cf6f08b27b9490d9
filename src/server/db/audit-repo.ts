import type { AuditAction } from '../../core/user-admin.ts'
import type { Db } from './database.ts'
import type { UserPrincipal } from '../auth/guards.ts'

export interface AuditTarget {
  passportCode?: string
  batchId?: string
  targetUser?: string
  detail?: string
}
export interface AuditFilter {
  user?: string | undefined
  passportCode?: string | undefined
  /** Inclusive days (YYYY-MM-DD) in the center's zone. */
  from?: string | undefined
  to?: string | undefined
  before?: number | undefined
  limit: number
}
export interface AuditRow {
  id: number
  time_ms: number
  day: string
  user_id: number | null
  user_name: string
  role: string
  action: AuditAction
  passport_code: string | null
  batch_id: string | null
  target_user: string | null
  detail: string | null
}

/**
 * The `audit_log` table. `record` runs on the caller's connection, so a route that changes
 * data calls it inside the same transaction: the action and its entry commit or fail together.
 * The retention job deletes old entries; nothing else deletes or updates (a trigger refuses updates).
 */
export function createAuditRepo(db: Db, now: () => number, dayOf: (ms: number) => string) {
  const insert = db.prepare(`INSERT INTO audit_log (time_ms, day, user_id, user_name, role, action, passport_code, batch_id, target_user, detail)
    VALUES (@time, @day, @userId, @userName, @role, @action, @passportCode, @batchId, @targetUser, @detail)`)

  return {
    record(who: Pick<UserPrincipal, 'userId' | 'name' | 'role'>, action: AuditAction, target: AuditTarget = {}): void {
      const time = now()
      insert.run({
        time,
        day: dayOf(time),
        userId: who.userId,
        userName: who.name,
        role: who.role,
        action,
        passportCode: target.passportCode ?? null,
        batchId: target.batchId ?? null,
        targetUser: target.targetUser ?? null,
        detail: target.detail ?? null,
      })
    },
    /** Newest first; `before` is the id the previous page ended at. */
    list(f: AuditFilter): AuditRow[] {
      const conds: [string, (string | number)[]][] = []
      if (f.user !== undefined) conds.push(['(user_name = ? OR target_user = ?)', [f.user, f.user]])
      if (f.passportCode !== undefined) conds.push(['passport_code = ?', [f.passportCode]])
      if (f.from !== undefined) conds.push(['day >= ?', [f.from]])
      if (f.to !== undefined) conds.push(['day <= ?', [f.to]])
      if (f.before !== undefined) conds.push(['id < ?', [f.before]])
      const where = conds.map(([c]) => c)
      const args = conds.flatMap(([, a]) => a)
      const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`
      return db.prepare<(string | number)[], AuditRow>(sql).all(...args, f.limit)
    },
  }
}
export type AuditRepo = ReturnType<typeof createAuditRepo>
