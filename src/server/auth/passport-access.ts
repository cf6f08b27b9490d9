import type { Db } from '../db/database.ts'
import type { Principal } from './guards.ts'

/**
 * Who may read a passport's history (and export or delete it). THE one place that decides:
 *  - an admin: every passport of this center;
 *  - a guide: passports of class sets (batches) they issued; a batch with no issuer (from
 *    before issue 14, or whose issuer was removed) is admin-only. Class sessions a guide
 *    runs will add their passports here once sessions are linked to batches;
 *  - a station token or nobody: never (stations only check a code in).
 * A code this center never issued is admin-only too, so a guide cannot probe which codes exist.
 */
export function createPassportAccess(db: Db, centerId: string) {
  const issuer = db.prepare<[string, string], { created_by: number | null }>(
    `SELECT b.created_by FROM passports p JOIN passport_batches b ON b.id = p.batch_id WHERE p.code = ? AND p.center_id = ?`,
  )
  const batchIssuer = db.prepare<[string, string], { created_by: number | null }>('SELECT created_by FROM passport_batches WHERE id = ? AND center_id = ?')

  return {
    canReadPassport(principal: Principal | null, code: string): boolean {
      if (principal?.kind !== 'user') return false
      if (principal.role === 'admin') return true
      const row = issuer.get(code, centerId)
      return row?.created_by != null && row.created_by === principal.userId
    },
    /** A class set (its print sheet, its session summary): the same rule as its passports. */
    canReadBatch(principal: Principal | null, batchId: string): boolean {
      if (principal?.kind !== 'user') return false
      if (principal.role === 'admin') return true
      const row = batchIssuer.get(batchId, centerId)
      return row?.created_by != null && row.created_by === principal.userId
    },
  }
}
export type PassportAccess = ReturnType<typeof createPassportAccess>
