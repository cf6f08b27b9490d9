/**
 * Backup and restore benchmark: `npx tsx bench/backup.ts`. One million plausible events
 * (the server bench's generator), then:
 *  - the CLI's backup (`npm run admin -- backup`: a second, read-only connection, one step);
 *  - the server's nightly backup (its own connection, 1024-page steps), with the longest
 *    step, i.e. the longest the server's event loop waits for it;
 *  - the restore (`npm run admin -- restore`: copy, integrity_check, checks, rename) into an
 *    empty folder.
 * Writes bench/results/backup.json. Not a test: nothing passes or fails on timing.
 */
import Database from 'better-sqlite3'
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { cpus, loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openDatabase } from '../src/server/db/database.ts'
import { writeBackup } from '../src/server/backup/backup-file.ts'
import { restoreBackup } from '../src/server/backup/restore.ts'
import { fillMillion } from './server-bench.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const MiB = (bytes: number) => +(bytes / 2 ** 20).toFixed(1)
const s = (ms: number) => +(ms / 1000).toFixed(2)
const RUNS = 3

export async function runBackupBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-backup-bench-'))
  try {
    const live = join(dir, 'data', 'sophora.db')
    mkdirSync(dirname(live))
    const gen = fillMillion(live)
    const liveBytes = statSync(live).size + (existsSync(`${live}-wal`) ? statSync(`${live}-wal`).size : 0)

    const cli: number[] = []
    let backupBytes = 0
    for (let i = 0; i < RUNS; i++) {
      const db = new Database(live, { readonly: true, fileMustExist: true })
      const r = await writeBackup(db, join(dir, `cli-${i}.db`))
      db.close()
      cli.push(r.ms)
      backupBytes = r.bytes
      if (i > 0) rmSync(r.file)
    }

    const nightly: number[] = []
    let longestStepMs = 0
    for (let i = 0; i < RUNS; i++) {
      const db = openDatabase(live)
      // The event loop's longest wait while the backup runs, sampled by a 1 ms timer.
      let last = performance.now()
      const probe = setInterval(() => {
        const t = performance.now()
        longestStepMs = Math.max(longestStepMs, t - last)
        last = t
      }, 1)
      const r = await writeBackup(db, join(dir, `nightly-${i}.db`), { pagesPerStep: 1024 })
      clearInterval(probe)
      db.close()
      nightly.push(r.ms)
      rmSync(r.file)
    }

    const restore: number[] = []
    let events = 0
    for (let i = 0; i < RUNS; i++) {
      const target = join(dir, `fresh-${i}`, 'data', 'sophora.db')
      const r = restoreBackup(join(dir, 'cli-0.db'), target)
      restore.push(r.ms)
      events = r.info.events
      rmSync(dirname(dirname(target)), { recursive: true })
    }

    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    const result = {
      machine: { node: process.version, cpus: cpus().length, loadAverageAtEnd: loadavg().map((x) => +x.toFixed(1)) },
      events,
      generateSeconds: gen.genSeconds,
      liveDbMiB: MiB(liveBytes),
      backupMiB: MiB(backupBytes),
      cliBackupSeconds: { median: s(median(cli)), runs: cli.map(s) },
      nightlyBackupSeconds: { median: s(median(nightly)), runs: nightly.map(s), pagesPerStep: 1024, longestEventLoopWaitMs: +longestStepMs.toFixed(1) },
      restoreSeconds: { median: s(median(restore)), runs: restore.map(s), includes: 'copy, integrity_check, schema checks, event count, rename' },
    }
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
    writeFileSync(join(ROOT, 'bench/results/backup.json'), `${JSON.stringify(result, null, 2)}\n`)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now()
  console.log(JSON.stringify(await runBackupBench(), null, 2))
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s; written to bench/results/backup.json`)
}
