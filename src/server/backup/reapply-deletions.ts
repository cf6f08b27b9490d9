import type Database from 'better-sqlite3'
import { openDatabase } from '../db/database.ts'
import { createPassportsRepo } from '../db/passports-repo.ts'

/**
 * A passport deleted on a guardian's request (or expired by retention) after a backup was
 * taken must not come back with that backup. The replaced database still knows which
 * codes were deleted: read them before it is set aside.
 */
export function deletedPassports(live: Database.Database): string[] {
  const hasTable = live.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'passports'").get() !== undefined
  return hasTable ? (live.prepare("SELECT code FROM passports WHERE status = 'deleted'").pluck().all() as string[]) : []
}

/**
 * Deletes those codes again in the database about to become the live one, the way the
 * passport API deletes (visitor rows become anonymous counts, events lose the code).
 * Opening it runs the server's migrations, as the server's start would. Returns how many
 * passports were deleted again.
 */
export function reapplyDeletions(path: string, codes: readonly string[], { centerId, now }: { centerId: string; now: () => number }): number {
  if (codes.length === 0) return 0
  const db = openDatabase(path, { now })
  try {
    const active = db.prepare("SELECT status FROM passports WHERE code = ? AND status != 'deleted'").pluck()
    const passports = createPassportsRepo(db, { centerId, now })
    let n = 0
    for (const code of codes) {
      if (active.get(code) === undefined) continue
      passports.delete(code)
      n++
    }
    db.pragma('journal_mode = DELETE')
    return n
  } finally {
    db.close()
  }
}
