import Database from 'better-sqlite3'
import type { Database as Db } from 'better-sqlite3'
import { mkdirSync, readdirSync, readFileSync } from 'node:fs'
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
}

export function openDatabase(path: string, { synchronous = 'FULL', migrationsDir = MIGRATIONS_DIR, now = Date.now }: OpenDatabaseOptions = {}): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${synchronous}`)
  db.pragma('foreign_keys = ON')
  db.pragma('busy_timeout = 5000')
  try {
    runMigrations(db, migrationsDir, now)
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

/** Applies each migration not yet recorded, each in its own transaction. Returns the names applied now. */
export function runMigrations(db: Db, dir: string = MIGRATIONS_DIR, now: () => number = Date.now): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_ms INTEGER NOT NULL)')
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[])
  const applied: string[] = []
  for (const m of readMigrations(dir)) {
    if (done.has(m.version)) continue
    db.transaction(() => {
      db.exec(m.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_ms) VALUES (?, ?, ?)').run(m.version, m.name, now())
    })()
    applied.push(m.name)
  }
  return applied
}
