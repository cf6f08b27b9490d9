import Database from 'better-sqlite3'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { backupDirOf } from '../config.ts'
import type { AppConfig } from '../config.ts'
import { backupFileName, ensurePrivateDir, formatSize, writeBackup } from './backup-file.ts'
import { restoreBackup } from './restore.ts'

/**
 * `npm run admin -- backup [file]` and `npm run admin -- restore <file>`. The messages are
 * for whoever looks after the center's PC, not for programmers.
 */
export async function backupCommand(file: string | undefined, config: AppConfig, out: (s: string) => void, now = Date.now): Promise<number> {
  const { dbPath } = config
  if (dbPath === ':memory:' || !existsSync(dbPath)) throw new Error(`There is no database at ${dbPath} (DB_PATH): nothing to back up.`)
  let target: string
  if (file === undefined) {
    ensurePrivateDir(backupDirOf(config))
    target = join(backupDirOf(config), backupFileName(now(), 'manual'))
  } else {
    if (!existsSync(dirname(file))) throw new Error(`The folder ${dirname(file)} does not exist; create it first or choose another place.`)
    target = file
  }
  // Read-only: a backup never changes the live database, and the running server keeps writing.
  const db = new Database(dbPath, { readonly: true, fileMustExist: true, timeout: 5000 })
  let r
  try {
    r = await writeBackup(db, target)
  } finally {
    db.close()
  }
  const copy = new Database(target, { readonly: true })
  // event_store from migration 015 on (a count through the events view reads every row's keys).
  const compact = copy.prepare("SELECT 1 FROM sqlite_master WHERE name = 'event_store'").get() !== undefined
  const events = copy
    .prepare(`SELECT COUNT(*) FROM ${compact ? 'event_store' : 'events'}`)
    .pluck()
    .get() as number
  copy.close()
  out(`Backup written: ${target} (${events} events, ${formatSize(r.bytes)}, ${(r.ms / 1000).toFixed(1)} s).`)
  out('Keep a copy off this machine too (USB stick, another computer): see docs/backups.md.')
  return 0
}

export function restoreCommand(file: string | undefined, config: AppConfig, out: (s: string) => void, now = Date.now): number {
  if (!file) {
    out('usage: npm run admin -- restore <backup file>   (stop the server first)')
    return 2
  }
  const { info, keptAside, deletedAgain, ms } = restoreBackup(file, config.dbPath, { now, centerId: config.centerId })
  const upgrade = info.schemaVersion < info.serverSchemaVersion ? `; it is upgraded to schema ${info.serverSchemaVersion} when the server starts` : ''
  out(`Restored ${file} into ${config.dbPath}: ${info.events} events, database schema ${info.schemaVersion}${upgrade} (${(ms / 1000).toFixed(1)} s).`)
  if (deletedAgain === null) {
    out('The database it replaced could not be read: passports deleted after this backup was taken may be back; delete them again.')
  } else if (deletedAgain > 0) out(`${deletedAgain} passports deleted after this backup was taken were deleted again.`)
  if (keptAside) out(`The database it replaced is kept as ${keptAside}; delete it once the restored data looks right.`)
  out('Start the server again: npm start')
  return 0
}
