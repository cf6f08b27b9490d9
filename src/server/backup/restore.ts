import Database from 'better-sqlite3'
import { chmodSync, copyFileSync, existsSync, linkSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { dirname } from 'node:path'
import { MIGRATIONS_DIR, readMigrations } from '../db/database.ts'
import { backupFileName } from './backup-file.ts'
import { deletedPassports, reapplyDeletions } from './reapply-deletions.ts'
import { LOCAL_CENTER_ID } from '../config.ts'

/** A restore that did not happen, with a message for the person at the keyboard (not a stack trace). */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(`${message}\nNothing was changed.`)
    this.name = 'RestoreRefused'
  }
}

export interface BackupInfo {
  events: number
  /** The highest schema migration recorded in the backup. */
  schemaVersion: number
  /** The highest this server knows: a lower backup is upgraded when the server starts. */
  serverSchemaVersion: number
}

const sqliteCode = (e: unknown) => (e instanceof Error && 'code' in e ? String(e.code) : '')
const leftovers = (path: string) => [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]

/**
 * Checks a database file that is about to become the live one: it opens, passes
 * `PRAGMA integrity_check`, holds Sophora's tables, and its migrations are this server's
 * (the same names, none newer). Run on a private copy: the chosen file itself is not touched.
 */
export function inspectBackup(path: string, shownName: string, migrationsDir = MIGRATIONS_DIR): BackupInfo {
  if (statSync(path).size === 0) throw new RestoreRefused(`${shownName} is empty (0 bytes): it is not a backup.`)
  let db: Database.Database | undefined
  try {
    db = new Database(path, { fileMustExist: true })
    const problems = db.pragma('integrity_check(5)', { simple: false }) as { integrity_check: string }[]
    if (problems.length !== 1 || problems[0]?.integrity_check !== 'ok') {
      throw new RestoreRefused(
        `${shownName} is damaged (SQLite's integrity check found: ${problems.map((p) => p.integrity_check).join('; ')}).\nIt cannot be restored; try an older backup.`,
      )
    }
    // `events` is a table before migration 015 and a view of event_store from it on.
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')").pluck().all() as string[])
    if (!tables.has('schema_migrations') || !tables.has('events')) {
      throw new RestoreRefused(`${shownName} is a database, but not one made by Sophora (it has no Sophora tables).`)
    }
    const known = readMigrations(migrationsDir)
    const serverSchemaVersion = Math.max(0, ...known.map((m) => m.version))
    const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[]
    const schemaVersion = Math.max(0, ...applied.map((m) => m.version))
    if (schemaVersion > serverSchemaVersion) {
      throw new RestoreRefused(
        `${shownName} was made by a newer version of Sophora (database schema ${schemaVersion}; this version knows up to ${serverSchemaVersion}).\nUpdate Sophora on this machine first, then restore.`,
      )
    }
    for (const m of applied) {
      const ours = known.find((k) => k.version === m.version)
      if (ours?.name !== m.name) {
        throw new RestoreRefused(
          `${shownName} comes from a different Sophora build: its schema step ${m.version} is "${m.name}", this server's is "${ours?.name ?? 'missing'}".`,
        )
      }
    }
    // Counted in event_store from migration 015 on: a count through the events view reads every row's keys.
    const events = db
      .prepare(`SELECT COUNT(*) FROM ${tables.has('event_store') ? 'event_store' : 'events'}`)
      .pluck()
      .get() as number
    // The live database must be one self-contained file until the server opens it (in WAL mode again).
    db.pragma('journal_mode = DELETE')
    return { events, schemaVersion, serverSchemaVersion }
  } catch (e) {
    if (e instanceof RestoreRefused) throw e
    const code = sqliteCode(e)
    if (code === 'SQLITE_NOTADB') throw new RestoreRefused(`${shownName} is not a backup: it is not a database file at all.`)
    if (code.startsWith('SQLITE_CORRUPT')) {
      throw new RestoreRefused(`${shownName} is damaged (${(e as Error).message}).\nIt cannot be restored; try an older backup.`)
    }
    throw e
  } finally {
    db?.close()
  }
}

export interface RestoreResult {
  info: BackupInfo
  /** Where the database that was replaced now is (null: there was none). */
  keptAside: string | null
  /** Passports deleted in the replaced database after the backup was taken, deleted again (null: the replaced database could not be read). */
  deletedAgain: number | null
  ms: number
}

/**
 * Replaces the database at `dbPath` with the backup `file`, only while no server (or any
 * other program) has it open: the live database is opened in EXCLUSIVE locking mode, which
 * SQLite refuses while another connection holds it (the server always does, even idle),
 * and that lock is held until the backup is in place. The replaced database is checkpointed
 * into one file and kept as `<db>.replaced-<stamp>`; the new one is renamed in, so the
 * path never points at a half-written file. Passports deleted in the replaced database are
 * deleted again in the restored one.
 */
export function restoreBackup(
  file: string,
  dbPath: string,
  { now = Date.now, migrationsDir = MIGRATIONS_DIR, centerId = LOCAL_CENTER_ID } = {},
): RestoreResult {
  const t0 = performance.now()
  if (!existsSync(file) || !statSync(file).isFile())
    throw new RestoreRefused(`There is no backup file at ${file}. Check the name (backups are in data/backups/).`)
  mkdirSync(dirname(dbPath), { recursive: true, mode: 0o700 })
  // The lock first: a running server is reported at once, and none can start meanwhile.
  const hadLive = existsSync(dbPath)
  const live = hadLive ? lockLive(dbPath) : null
  const staged = `${dbPath}.restoring`
  try {
    for (const f of leftovers(staged)) rmSync(f, { force: true })
    copyFileSync(file, staged)
    chmodSync(staged, 0o600)
    const info = inspectBackup(staged, file, migrationsDir)
    let keptAside: string | null = null
    let deletedAgain: number | null = 0
    if (hadLive) {
      keptAside = `${dbPath}.replaced-${backupFileName(now(), 'manual').slice('sophora-'.length, -'.db'.length)}`
      const deleted = live ? readDeleted(live) : null
      deletedAgain = deleted ? reapplyDeletions(staged, deleted, { centerId, now }) : null
      if (live && deleted) {
        live.pragma('wal_checkpoint(TRUNCATE)')
        live.pragma('journal_mode = DELETE')
        // A hard link keeps the old file under a second name, so dbPath is never missing.
        try {
          linkSync(dbPath, keptAside)
        } catch {
          copyFileSync(dbPath, keptAside)
        }
        rmSync(`${dbPath}-wal`, { force: true })
        rmSync(`${dbPath}-shm`, { force: true })
      } else {
        // Too damaged for SQLite to read: keep it (and its WAL) aside exactly as it is.
        for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAside + suffix)
      }
      chmodSync(keptAside, 0o600)
    }
    renameSync(staged, dbPath)
    return { info, keptAside, deletedAgain, ms: performance.now() - t0 }
  } finally {
    live?.close()
    for (const f of leftovers(staged)) rmSync(f, { force: true })
  }
}

/** The deleted passports of the replaced database; null when it cannot be read. */
function readDeleted(live: Database.Database): string[] | null {
  try {
    return deletedPassports(live)
  } catch {
    return null
  }
}

/** An exclusive connection to the live database; refuses while another holds it; null if SQLite cannot read the file at all. */
function lockLive(dbPath: string): Database.Database | null {
  let db: Database.Database
  try {
    db = new Database(dbPath, { fileMustExist: true, timeout: 0 })
  } catch {
    return null
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('BEGIN EXCLUSIVE')
    db.exec('COMMIT')
    return db
  } catch (e) {
    db.close()
    if (sqliteCode(e).startsWith('SQLITE_BUSY')) {
      throw new RestoreRefused(
        `The database ${dbPath} is in use: the Sophora server (or another program) still has it open.\nStop the server first (Ctrl+C in its window, or stop its service), then run the restore again.`,
      )
    }
    return null
  }
}
