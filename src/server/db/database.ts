import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export type { Db }

/** The numbered SQL files shipped with the server. */
export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

export interface OpenDatabaseOptions {
  /**
   * FULL (default): in WAL mode every commit fsyncs the WAL, so an acknowledged batch
   * survives a power cut. NORMAL would survive a process crash but may lose the last
   * commits on power loss — not good enough for "acknowledged means stored".
   */
  synchronous?: 'FULL' | 'NORMAL'
  migrationsDir?: string
  /** The clock for `applied_ms`; the app passes its own. */
  now?: () => number
  /** Progress of a long migration on a database that holds events (default: a line on stderr). */
  log?: (line: string) => void
}

/**
 * Migrations that rewrite the events into a smaller table (015): the file keeps its size
 * until VACUUM, which runs once, right after such a migration was applied to a database that
 * holds events — never at a later start. VACUUM cannot run inside the migration's transaction.
 */
const VACUUM_AFTER = new Set([15])
const stderrLine = (line: string) => {
  process.stderr.write(`${line}\n`)
}

/**
 * Creates `dir` (and missing parents) readable by the server's user only (0700). An
 * existing folder is left as it is: it may be the working directory or /var/lib.
 * Backups go through this too.
 */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
}

/**
 * The database holds passport histories: it, its WAL and its SHM are the server user's
 * only (0600). SQLite gives the WAL and SHM the mode of the database file, so the file
 * is made 0600 before SQLite opens it; files from an older install are tightened.
 */
function makePrivateDbFile(path: string): void {
  makePrivateDir(dirname(path))
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600))
  for (const f of [path, `${path}-wal`, `${path}-shm`]) if (existsSync(f)) chmodSync(f, 0o600)
}

export function openDatabase(
  path: string,
  { synchronous = 'FULL', migrationsDir = MIGRATIONS_DIR, now = Date.now, log = stderrLine }: OpenDatabaseOptions = {},
): Db {
  if (path !== ':memory:' && path !== '') makePrivateDbFile(path)
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  try {
    const applied = runMigrations(db, migrationsDir, now, log)
    if (applied.some((name) => VACUUM_AFTER.has(Number(name.slice(0, 3)))) && holdsEvents(db)) vacuum(db, log)
  } catch (e) {
    db.close()
    throw e
  }
  return db
}

export interface Migration {
  version: number
  name: string
  sql: string
}

export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
}

const holdsEvents = (db: Db) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events'").get() !== undefined && db.prepare('SELECT 1 FROM events LIMIT 1').get() !== undefined

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

function vacuum(db: Db, log: (line: string) => void): void {
  const pages = () => db.pragma('page_count', { simple: true }) as number
  const size = db.pragma('page_size', { simple: true }) as number
  const mib = (n: number) => `${((n * size) / 1_048_576).toFixed(0)} MiB`
  const before = pages()
  log(`database: VACUUM after the compact events migration, once (${mib(before)}; about a minute per million events)…`)
  const t = performance.now()
  db.exec('VACUUM')
  log(`database: VACUUM done in ${seconds(performance.now() - t)}: ${mib(before)} → ${mib(pages())}`)
}

/**
 * Applies each migration not yet recorded, each in its own transaction. Returns the names applied
 * now. On a database that holds events, each is announced on `log` with its time (015 rewrites them).
 */
export function runMigrations(db: Db, dir: string = MIGRATIONS_DIR, now: () => number = Date.now, log?: (line: string) => void): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)')
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const applied: string[] = []
  for (const m of readMigrations(dir)) {
    if (done.has(m.version)) continue
    const announce = log !== undefined && holdsEvents(db)
    if (announce) log(`database: migration ${m.name}…`)
    const t = performance.now()
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)').run(m.version, m.name, now())
    })()
    if (announce) log(`database: migration ${m.name} done in ${seconds(performance.now() - t)}`)
    applied.push(m.name)
  }
  return applied
}
