// @vitest-environment node
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../db/database.ts'
import type { Db } from '../../db/database.ts'
import { backupFileName, listBackups, writeBackup } from '../backup-file.ts'
import { createNightlyBackup } from '../nightly.ts'
import { restoreBackup } from '../restore.ts'
import { runCli } from '../../cli.ts'

let dir = ''
const open: Db[] = []
afterEach(() => {
  for (const db of open.splice(0)) if (db.open) db.close()
  rmSync(dir, { recursive: true, force: true })
})
function liveDb(path: string): Db {
  const db = openDatabase(path)
  open.push(db)
  return db
}
let n = 0
function addEvents(db: Db, count: number, passportId: string | null = null) {
  const insert = db.prepare(
    "INSERT INTO events (id, time_ms, day, received_ms, station_id, passport_id, exhibit_id, type, data) VALUES (?, 1, '2026-03-01', 1, 's', ?, 'fire-escape', 'exhibit-started', '{}')",
  )
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(`event-${n++}`, passportId)
  })()
}
const PASSPORT = 'K7QM2XHD9W'
const countIn = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
  } finally {
    db.close()
  }
}
const mode = (path: string) => statSync(path).mode & 0o777
const HOUR = 3_600_000

describe('nightly backup', () => {
  it('is due once per local day from BACKUP_HOUR, keeps the newest N nightly files and every manual one, 0600 in a 0700 folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sophora-backup-'))
    const db = liveDb(join(dir, 'sophora.db'))
    const backups = join(dir, 'backups')
    // 01:00 in Shanghai (UTC+8) on 1 March.
    let t = Date.parse('2026-02-28T17:00:00Z')
    const nightly = () => createNightlyBackup({ db, dir: backups, enabled: true, hour: 3, keep: 3, timeZone: 'Asia/Shanghai', now: () => t })
    const job = nightly()
    addEvents(db, 10)
    expect(await job.tick()).toBeNull() // before 03:00
    expect(existsSync(backups)).toBe(false)
    t += 2 * HOUR + 5 * 60_000 // 03:05
    const first = await job.tick()
    expect(first?.file).toBe(join(backups, backupFileName(t, 'nightly')))
    expect(countIn(first!.file)).toBe(10)
    expect(mode(backups)).toBe(0o700)
    expect(mode(first!.file)).toBe(0o600)
    t += 10 * 60_000
    expect(await job.tick()).toBeNull() // done today
    expect(await nightly().tick()).toBeNull() // a restarted server reads "done today" from the folder

    const manual = join(backups, backupFileName(t, 'manual'))
    await writeBackup(db, manual)
    // Four more days; the PC is off at night on the last one and backs up when switched on at 09:00.
    for (let day = 1; day <= 4; day++) {
      t += 24 * HOUR
      if (day === 4) t += 6 * HOUR
      addEvents(db, 1)
      expect((await job.tick())?.deleted.length, `day ${day}`).toBe(day >= 3 ? 1 : 0)
    }
    const left = listBackups(backups)
    expect(left.filter((b) => b.nightly).map((b) => new Date(b.takenMs).toISOString())).toEqual([
      '2026-03-02T19:15:00.000Z',
      '2026-03-03T19:15:00.000Z',
      '2026-03-05T01:15:00.000Z',
    ])
    expect(left.filter((b) => !b.nightly).map((b) => b.file)).toEqual([manual])
    expect(countIn(left.at(-1)!.file)).toBe(14)
    expect(createNightlyBackup({ db, dir: backups, enabled: false, hour: 0, keep: 1, timeZone: 'UTC', now: () => t + 48 * HOUR }).due()).toBe(false)
  })
})

describe('restore', () => {
  async function setup() {
    dir = mkdtempSync(join(tmpdir(), 'sophora-restore-'))
    const livePath = join(dir, 'data', 'sophora.db')
    const source = liveDb(join(dir, 'source.db'))
    source.prepare("INSERT INTO passports (code, center_id, created_ms) VALUES (?, 'local', 1)").run(PASSPORT)
    addEvents(source, 47)
    addEvents(source, 3, PASSPORT)
    const backup = join(dir, 'good.db')
    await writeBackup(source, backup)
    const live = liveDb(livePath)
    addEvents(live, 7)
    // After the backup, a guardian asked for the passport's deletion.
    live.prepare("INSERT INTO passports (code, center_id, status, created_ms) VALUES (?, 'local', 'deleted', 1)").run(PASSPORT)
    return { livePath, live, backup }
  }

  it('refuses while the database is open elsewhere; once it is closed, replaces it, keeps the old one aside and deletes again the passports deleted since the backup', async () => {
    const { livePath, live, backup } = await setup()
    expect(() => restoreBackup(backup, livePath)).toThrow(/is in use[\s\S]*Stop the server first[\s\S]*Nothing was changed/)
    expect(live.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(7)
    live.close()
    const r = restoreBackup(backup, livePath, { now: () => Date.parse('2026-03-01T10:00:00Z') })
    expect(r.info).toMatchObject({ events: 50, schemaVersion: r.info.serverSchemaVersion })
    expect(r.deletedAgain).toBe(1)
    expect(r.keptAside).toBe(`${livePath}.replaced-2026-03-01T10-00-00Z`)
    expect(countIn(r.keptAside!)).toBe(7)
    expect(mode(livePath)).toBe(0o600)
    expect(existsSync(`${livePath}-wal`)).toBe(false)
    const reopened = liveDb(livePath)
    expect(reopened.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(50)
    // The deleted passport did not come back with the backup; its events stay, without the code.
    expect(reopened.prepare('SELECT status FROM passports WHERE code = ?').pluck().get(PASSPORT)).toBe('deleted')
    expect(reopened.prepare('SELECT COUNT(*) FROM events WHERE passport_id IS NOT NULL').pluck().get()).toBe(0)
  })

  it('replaces a live database too damaged to open, keeping it aside byte for byte', async () => {
    const { livePath, live, backup } = await setup()
    live.close()
    writeFileSync(livePath, 'disk error '.repeat(1000))
    const r = restoreBackup(backup, livePath)
    expect(r.deletedAgain).toBeNull()
    expect(readFileSync(r.keptAside!, 'utf8')).toBe('disk error '.repeat(1000))
    expect(countIn(livePath)).toBe(50)
  })

  it('refuses a missing, empty, foreign, damaged or newer file with a message a non-programmer can act on', async () => {
    const { livePath, live, backup } = await setup()
    live.close()
    const before = readFileSync(livePath)
    const bad = (name: string, write: (path: string) => void) => {
      const path = join(dir, name)
      write(path)
      return path
    }
    const damaged = bad('damaged.db', (p) => {
      writeFileSync(p, readFileSync(backup))
      truncateSync(p, Math.floor(statSync(p).size * 0.6))
    })
    const foreign = bad('foreign.db', (p) => {
      const db = new Database(p)
      db.exec('CREATE TABLE photos (id INTEGER PRIMARY KEY)')
      db.close()
    })
    const newer = bad('newer.db', (p) => {
      writeFileSync(p, readFileSync(backup))
      const db = new Database(p)
      db.prepare("INSERT INTO schema_migrations VALUES (999, '999-future.sql', 0)").run()
      db.close()
    })
    const cases: [string, RegExp][] = [
      [join(dir, 'nope.db'), /There is no backup file at/],
      [bad('empty.db', (p) => writeFileSync(p, '')), /is empty/],
      [bad('notes.txt', (p) => writeFileSync(p, 'backup notes\n'.repeat(500))), /not a database file at all/],
      [foreign, /not one made by Sophora/],
      [damaged, /is damaged[\s\S]*try an older backup/],
      [newer, /newer version of Sophora \(database schema 999; this version knows up to \d+\)/],
    ]
    for (const [file, message] of cases) {
      expect(() => restoreBackup(file, livePath), file).toThrow(message)
      expect(() => restoreBackup(file, livePath), file).toThrow(/Nothing was changed\.$/)
      expect(readFileSync(livePath).equals(before), file).toBe(true)
    }
    expect(listBackups(dir)).toEqual([])
    expect(existsSync(`${livePath}.restoring`)).toBe(false)

    const printed: string[] = []
    const out = (l: string) => printed.push(l)
    expect(await runCli(['restore'], { DB_PATH: livePath }, out)).toBe(2)
    expect(printed).toEqual([expect.stringMatching(/^usage: npm run admin -- restore <backup file> +\(stop the server first\)$/)])
    await expect(runCli(['backup'], { DB_PATH: join(dir, 'elsewhere', 'sophora.db') }, out)).rejects.toThrow(
      /There is no database at .*elsewhere.*: nothing to back up/,
    )
    await expect(runCli(['backup', join(dir, 'no-such-folder', 'b.db')], { DB_PATH: livePath }, out)).rejects.toThrow(
      /The folder .*no-such-folder does not exist/,
    )
    await expect(runCli(['backup', backup], { DB_PATH: livePath }, out)).rejects.toThrow(/already exists; choose another file name/)
    expect(readFileSync(livePath).equals(before)).toBe(true)
  })
})
