import Database from 'better-sqlite3'
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '../db/database.ts'

/**
 * Backup files: `sophora-<UTC stamp>.db` (taken by hand) and `sophora-<UTC stamp>-nightly.db`
 * (taken by the server). Only nightly ones are rotated; a backup someone took on purpose
 * stays until they delete it. Stamps sort as text, and have no colons (Windows, USB sticks).
 */
const NAME = /^sophora-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})Z(-nightly)?\.db$/

export function backupFileName(ms: number, kind: 'manual' | 'nightly'): string {
  const stamp = new Date(ms).toISOString().slice(0, 19).replaceAll(':', '-')
  return `sophora-${stamp}Z${kind === 'nightly' ? '-nightly' : ''}.db`
}

export interface BackupEntry {
  file: string
  name: string
  takenMs: number
  nightly: boolean
}

/** The finished backups in `dir` (oldest first); partial files and anything else are not listed. */
export function listBackups(dir: string): BackupEntry[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .flatMap((name) => {
      const m = NAME.exec(name)
      if (!m) return []
      return [{ file: join(dir, name), name, takenMs: Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`), nightly: m[5] !== undefined }]
    })
    .sort((a, b) => a.takenMs - b.takenMs || a.name.localeCompare(b.name))
}

/** Deletes all but the newest `keep` nightly backups; returns the names deleted. */
export function rotateNightly(dir: string, keep: number): string[] {
  const nightly = listBackups(dir).filter((b) => b.nightly)
  const drop = nightly.slice(0, Math.max(0, nightly.length - keep))
  for (const b of drop) rmSync(b.file, { force: true })
  return drop.map((b) => b.name)
}

/**
 * The backup folder, created readable by the server's user only (it holds every passport's
 * records); a folder that already exists (BACKUP_DIR chosen by the admin) keeps its mode.
 */
export function ensurePrivateDir(dir: string): void {
  // chmod as well: mkdir's mode is filtered through the umask.
  if (mkdirSync(dir, { recursive: true, mode: 0o700 }) !== undefined) chmodSync(dir, 0o700)
}

export interface BackupOptions {
  /**
   * Pages copied per step, between which other work runs. SQLite restarts a backup when
   * ANOTHER connection writes between steps, so a backup taken from a second process
   * (the CLI, next to a running server) copies everything in one step (the default):
   * one read transaction, a consistent snapshot, WAL included; the server keeps writing
   * to the WAL meanwhile. The server's own nightly backup runs on the connection that
   * writes, whose writes SQLite copies into the backup as they happen, so it can go in
   * small steps and never stall ingest.
   */
  pagesPerStep?: number
}

export interface BackupResult {
  file: string
  bytes: number
  ms: number
}

/**
 * Copies the open database `db` to `file` with SQLite's online backup API. The copy is
 * written to `<file>.partial` (mode 0600) and renamed when complete, so a crash never
 * leaves something that looks like a backup; the result is switched out of WAL mode, so
 * the one file is the whole backup (copy it anywhere, open it read-only).
 */
export async function writeBackup(db: Db, file: string, { pagesPerStep = 0x7fffffff }: BackupOptions = {}): Promise<BackupResult> {
  const t0 = performance.now()
  if (existsSync(file)) throw new Error(`${file} already exists; choose another file name (a backup never overwrites a file)`)
  const partial = `${file}.partial`
  // Created empty with the final mode first: SQLite keeps an existing file's mode.
  closeSync(openSync(partial, 'w', 0o600))
  chmodSync(partial, 0o600)
  try {
    await db.backup(partial, { progress: () => pagesPerStep })
    const copy = new Database(partial)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    renameSync(partial, file)
  } catch (e) {
    for (const f of [partial, `${partial}-wal`, `${partial}-shm`, `${partial}-journal`]) rmSync(f, { force: true })
    throw e
  }
  return { file, bytes: statSync(file).size, ms: performance.now() - t0 }
}

/** `12.3 MiB` */
export function formatSize(bytes: number): string {
  return bytes < 2 ** 20 ? `${(bytes / 1024).toFixed(1)} KiB` : `${(bytes / 2 ** 20).toFixed(1)} MiB`
}
