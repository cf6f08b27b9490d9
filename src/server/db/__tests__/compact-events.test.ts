// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { INSERT_EVENT_SQL } from '../../ingest.ts'
import { openDatabase, readMigrations } from '../database.ts'
import { prepareEventInsert } from '../event-store.ts'

/**
 * Migration 015 converts a database in place: every event reads back through the `events` view
 * exactly as it was stored before (each field, with its SQL type), ids that are not canonical
 * UUIDs included; VACUUM runs once, after the migration, and is logged; writers keep their
 * exactly-once answer afterwards.
 */
const TYPES = ['exhibit-started', 'step-completed', 'step-mistake', 'answer-given', 'exhibit-completed', 'stamp-awarded', 'exhibit-crashed', 'exhibit-exited']
const uuid = (i: number) => `019f0714-${(0x1000 + i).toString(16)}-7${(i % 4096).toString(16).padStart(3, '0')}-8abc-${i.toString(16).padStart(12, '0')}`

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

function eventValues(i: number): unknown[] {
  const type = TYPES[i % TYPES.length]!
  const day = `2026-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`
  const item = type === 'exhibit-started' || type === 'exhibit-crashed' || type === 'exhibit-exited' || type === 'exhibit-completed' ? null : `item-${i % 5}`
  // Ids as ingest writes them, plus the spellings only a direct write makes: upper case, not a UUID.
  const id = i % 17 === 3 ? uuid(i).toUpperCase() : i % 23 === 5 ? `legacy-${i}` : uuid(i)
  return [
    id,
    Date.parse(`${day}T02:00:00Z`) + i,
    day,
    Date.parse(`${day}T02:00:00Z`) + i * 7,
    `5eed5eed-5eed-4c23-91b8-74c5fe3dc1${String(i % 3).padStart(2, '0')}`,
    i % 4 === 0 ? null : `0190aaaa-bbbb-7ccc-8ddd-00000000000${i % 4}`,
    i % 5 === 0 ? null : `P${String(i % 40).padStart(5, '0')}`,
    ['fire-escape', 'earthquake', 'flood-typhoon'][i % 3],
    type,
    item,
    type === 'answer-given' ? i % 2 : null,
    type === 'exhibit-completed' ? 60_000 + i : null,
    JSON.stringify({ n: i, text: '中文', ...(type === 'step-mistake' || type === 'answer-given' ? { choiceId: `c${i % 3}` } : {}) }),
  ]
}

describe('migration 015 (compact events)', () => {
  it('converts a database in place: every event reads back field by field; VACUUM once, logged', () => {
    dir = mkdtempSync(join(tmpdir(), 'sophora-015-'))
    const before015 = join(dir, 'migrations-014')
    mkdirSync(before015)
    for (const m of readMigrations().filter((m) => m.version < 15)) writeFileSync(join(before015, m.name), m.sql)
    const path = join(dir, 'center.db')
    const lines: string[] = []
    const log = (line: string) => lines.push(line)

    const old = openDatabase(path, { migrationsDir: before015, log })
    expect(old.prepare("SELECT type FROM sqlite_master WHERE name = 'events'").pluck().get()).toBe('table')
    const insert = old.prepare(INSERT_EVENT_SQL)
    for (let i = 0; i < 400; i++) insert.run(eventValues(i))
    const read = (db: typeof old) =>
      db
        .prepare(
          `SELECT *, typeof(id) || typeof(time_ms) || typeof(day) || typeof(received_ms) || typeof(station_id) || typeof(session_id) || typeof(passport_id)
            || typeof(exhibit_id) || typeof(type) || typeof(item_id) || typeof(correct) || typeof(duration_ms) || typeof(data) AS types FROM events ORDER BY seq`,
        )
        .all()
    const stored = read(old)
    expect(stored).toHaveLength(400)
    old.close()
    expect(lines).toEqual([])

    const db = openDatabase(path, { log })
    expect(db.prepare("SELECT type FROM sqlite_master WHERE name = 'events'").pluck().get()).toBe('view')
    expect(read(db)).toEqual(stored)
    // Canonical UUIDs are 16 bytes; the other spellings are kept as sent.
    expect(db.prepare("SELECT COUNT(*) FROM event_store WHERE typeof(uid) = 'blob' AND length(uid) = 16").pluck().get()).toBe(
      stored.filter((r) => /^[0-9a-f-]{36}$/.test((r as { id: string }).id)).length,
    )
    expect(lines.filter((l) => l.includes('015-compact-events.sql'))).toHaveLength(2)
    expect(lines.filter((l) => l.startsWith('database: VACUUM done'))).toHaveLength(1)

    // Exactly once afterwards: a resent event (either spelling) changes nothing, a new one is stored.
    const store = prepareEventInsert(db)
    expect(store.run(eventValues(7)).changes).toBe(0)
    expect(store.run(eventValues(3)).changes).toBe(0)
    expect(store.run(eventValues(5)).changes).toBe(0)
    expect(store.run(eventValues(400)).changes).toBe(1)
    db.prepare(INSERT_EVENT_SQL).run(eventValues(401))
    const after = read(db)
    expect(after).toHaveLength(402)
    expect(after.slice(400).map((r) => (r as { id: string }).id)).toEqual([uuid(400), uuid(401)])
    db.close()

    // Not at every start: a later open neither migrates nor vacuums.
    lines.length = 0
    openDatabase(path, { log }).close()
    expect(lines).toEqual([])
  })
})
