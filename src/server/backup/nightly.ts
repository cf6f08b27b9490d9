import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Db } from '../db/database.ts'
import { backupFileName, ensurePrivateDir, listBackups, rotateNightly, writeBackup } from './backup-file.ts'

export interface NightlyBackupOptions {
  db: Db
  dir: string
  enabled: boolean
  /** Local hour (0–23, in `timeZone`) from which the day's backup is due. */
  hour: number
  /** Nightly backups kept; older ones are deleted after each new one. */
  keep: number
  timeZone: string
  now: () => number
}

export interface NightlyReport {
  file: string
  bytes: number
  ms: number
  deleted: string[]
}

/** Pages per step of the server's own backups (4 MiB at SQLite's default page size): ingest runs between steps. */
const PAGES_PER_STEP = 1024

/**
 * The nightly backup. It is due once per local day, from BACKUP_HOUR on, and "done today"
 * is read from the backup folder's file names, so a restart does not take a second one
 * and a center whose PC is off at night gets its backup when the PC is next on.
 * `tick()` takes it if due; the server calls tick every few minutes, tests call it
 * after moving their clock.
 */
export function createNightlyBackup({ db, dir, enabled, hour, keep, timeZone, now }: NightlyBackupOptions) {
  const fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
  const local = (ms: number) => {
    const p = Object.fromEntries(fmt.formatToParts(ms).map((x) => [x.type, x.value]))
    return { day: `${p.year}-${p.month}-${p.day}`, hour: Number(p.hour) }
  }
  let running: Promise<NightlyReport> | null = null

  const due = (): boolean => {
    if (!enabled) return false
    const t = local(now())
    return t.hour >= hour && !listBackups(dir).some((b) => b.nightly && local(b.takenMs).day === t.day)
  }

  const run = async (): Promise<NightlyReport> => {
    ensurePrivateDir(dir)
    // A nightly backup cut short (power cut, server killed) leaves its .partial file.
    for (const f of readdirSync(dir)) if (/^sophora-.*-nightly\.db\.partial(-wal|-shm|-journal)?$/.test(f)) rmSync(join(dir, f), { force: true })
    const r = await writeBackup(db, join(dir, backupFileName(now(), 'nightly')), { pagesPerStep: PAGES_PER_STEP })
    return { ...r, deleted: rotateNightly(dir, keep) }
  }

  return {
    /** For the start-up log line. */
    describe: enabled ? `from ${hour}:00 ${timeZone}, to ${dir}, keeping the last ${keep}` : 'off',
    due,
    /** Takes the backup if it is due and none is running; null when nothing was done. */
    async tick(): Promise<NightlyReport | null> {
      if (running || !due()) return null
      running = run()
      try {
        return await running
      } finally {
        running = null
      }
    },
    /** Resolves when no backup is running (the server waits for it before closing the database). */
    async idle(): Promise<void> {
      await running?.then(
        () => undefined,
        () => undefined,
      )
    },
  }
}
export type NightlyBackup = ReturnType<typeof createNightlyBackup>

const CHECK_EVERY_MS = 10 * 60_000

/** Checks every 10 minutes (not at start: a server started for a moment never copies its database). */
export function scheduleNightlyBackup(app: FastifyInstance, nightly: NightlyBackup): void {
  app.log.info(`nightly backup: ${nightly.describe}`)
  const timer = setInterval(() => {
    nightly.tick().then(
      (r) => {
        if (r) app.log.info({ backup: { ...r, ms: Math.round(r.ms) } }, 'nightly backup written')
      },
      (err: unknown) => app.log.error({ err }, 'nightly backup failed; it is tried again in 10 minutes'),
    )
  }, CHECK_EVERY_MS)
  timer.unref()
  app.addHook('onClose', async () => {
    clearInterval(timer)
    await nightly.idle()
  })
}
