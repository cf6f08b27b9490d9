import pg from 'pg'
import type { Pool, PoolClient } from 'pg'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readMigrations } from '../db/database.ts'

export type { Pool }

/** The district's numbered SQL files (PostgreSQL), applied like the center's (db/database.ts). */
export const DISTRICT_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations')

/** A pool on DATABASE_URL (e.g. postgres://sophora@/sophora?host=/var/run/postgresql). */
export function openPool(connectionString: string, max = 10): Pool {
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: 30_000 })
  // An idle client whose server went away emits here; without a listener that would crash the process.
  pool.on('error', () => undefined)
  return pool
}

/** Any lock id, held while migrating: two district processes started at once do not both migrate. */
const MIGRATION_LOCK = 7_155_001

async function inTransaction<T>(client: PoolClient, fn: () => Promise<T>): Promise<T> {
  await client.query('BEGIN')
  try {
    const r = await fn()
    await client.query('COMMIT')
    return r
  } catch (e) {
    await client.query('ROLLBACK')
    throw e
  }
}

/** Applies each migration not yet recorded, each in its own transaction. Returns the names applied now. */
export async function runDistrictMigrations(pool: Pool, dir: string = DISTRICT_MIGRATIONS_DIR): Promise<string[]> {
  const client = await pool.connect()
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    )
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations')
    const done = new Set(rows.map((r) => r.version))
    const applied: string[] = []
    for (const m of readMigrations(dir)) {
      if (done.has(m.version)) continue
      await inTransaction(client, async () => {
        await client.query(m.sql)
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
      })
      applied.push(m.name)
    }
    return applied
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    client.release()
  }
}

export { inTransaction }
