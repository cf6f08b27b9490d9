// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../../src/server/db/database.ts'
import { createIngest } from '../../src/server/ingest.ts'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { loadCatalogue } from '../seed/catalogue.ts'
import { withExhibitModules } from '../seed/exhibit-modules.ts'
import { createRng } from '../seed/random.ts'
import { seedYear, type SeedOptions } from '../seed/write.ts'
import { runSeed } from '../seed.ts'
import { exhibitFigures } from '../../src/server/dashboard/aggregates.ts'
import { itemFigures } from '../../src/server/dashboard/items.ts'

const dir = mkdtempSync(join(tmpdir(), 'sophora-seed-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const OPTS: SeedOptions = {
  year: 2026,
  seed: 7,
  scale: 0.04,
  centerId: 'local',
  timeZone: 'Asia/Shanghai',
  exhibitsDirs: ['exhibits'],
  retentionMs: 3650 * 86_400_000,
  maxClockSkewMs: 300_000,
}
const REAL_STATION = '0199aaaa-0000-4000-8000-000000000001'
const open = (name: string) => openDatabase(join(dir, name), { synchronous: 'NORMAL' })
const one = (db: Db, sql: string) => db.prepare<[], number>(sql).pluck().get()!
/** Every row a seed or a clear could touch, without the insertion counter (events.seq). */
const TABLES = [
  'stations',
  'passport_batches',
  'passports',
  'class_sessions',
  'class_session_stations',
  'activities',
  'daily_counts',
  'session_counts',
  'daily_visitors',
  'session_visitors',
  'quiz_counts',
]
const dump = (db: Db) => ({
  events: db
    .prepare(
      'SELECT id, time_ms, day, received_ms, station_id, session_id, passport_id, exhibit_id, type, item_id, correct, duration_ms, data FROM events ORDER BY id',
    )
    .all(),
  ...Object.fromEntries(
    TABLES.map((t) => [
      t,
      db
        .prepare(`SELECT * FROM ${t}`)
        .all()
        .map((r) => JSON.stringify(r))
        .sort(),
    ]),
  ),
})

/** Real rows, as the server makes them: a station, a class batch, an activity, and events through ingest (on `day`, for `exhibit`/`quizId`). */
async function addRealRows(db: Db, tag: string, day: string, quiz: { exhibit: string; quizId: string; choiceId: string }) {
  const rng = createRng(tag.charCodeAt(0))
  const code = createPassportCode((b) => (b.set(rng.bytes(b.length)), b))
  const t = Date.parse(`${day}T02:30:00Z`)
  db.prepare("INSERT OR IGNORE INTO stations (id, name, token_hash, created_ms, center_id) VALUES (?, 'real', 'h', 0, 'local')").run(REAL_STATION)
  db.prepare(
    "INSERT INTO passport_batches (id, request_id, center_id, school, grade, class_name, count, created_ms) VALUES (?, ?, 'local', '真实小学', '四年级', '1班', 1, 0)",
  ).run(`real-${tag}`, `real-${tag}`)
  db.prepare("INSERT INTO passports (code, batch_id, center_id, created_ms) VALUES (?, ?, 'local', 0)").run(code, `real-${tag}`)
  db.prepare(
    `INSERT INTO activities (id, request_id, center_id, topic, type, day, duration_min, guides, audience, volunteer_tenths, created_ms, updated_ms)
    VALUES (?, ?, 'local', '真实讲座', 'lecture', ?, 60, '讲解员', 20, 15, 0, 0)`,
  ).run(`real-${tag}`, `real-${tag}`, day)
  const ingest = createIngest(db, { ...OPTS, exhibitIds: new Set([quiz.exhibit]), firstDay: '2020-01-01', now: () => t + 60_000 })
  const base = (i: number) => ({
    id: rng.uuidv7(t + i),
    time: new Date(t + i).toISOString(),
    stationId: REAL_STATION,
    exhibitId: quiz.exhibit,
    passportId: code,
  })
  const results = await ingest(REAL_STATION, [
    { ...base(1), type: 'exhibit-started', data: { mode: 'flat' } },
    { ...base(2), type: 'answer-given', data: { quizId: quiz.quizId, choiceId: quiz.choiceId, correct: false } },
  ])
  expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted'])
}

describe('npm run seed', () => {
  // Plain tsx (the CLI) cannot import steps.ts: @sophora/sdk and its virtual modules resolve only
  // through Vite. The CLI's loader must read every folder, code and panorama, as Vitest's does.
  it('reads every exhibit folder through the CLI loader as the build does, panorama exhibits included', async () => {
    const viaCli = await withExhibitModules((load) => loadCatalogue(['exhibits'], load))
    expect(viaCli).toEqual(await loadCatalogue(['exhibits']))
    const ids = viaCli.map((e) => e.id)
    expect(ids).toEqual(expect.arrayContaining(['fire-escape', 'mountain-flood']))
    expect(viaCli.find((e) => e.id === 'mountain-flood')?.steps.length).toBeGreaterThan(0)
  })

  it('seeds a plausible year whose wrong answers follow the misconception weights, refuses to seed twice, and --clear leaves only the real rows', async () => {
    const db = open('seeded.db')
    const control = open('control.db')
    const lift = { exhibit: 'fire-escape', quizId: 'lift', choiceId: 'q-take-lift' }
    for (const d of [db, control]) await addRealRows(d, 'A', '2026-03-10', lift)

    const counts = await seedYear(db, OPTS)
    // Scale 0.04 of ~120 sessions / ~5,000 passports / 30–40 activities.
    expect(counts.sessions).toBe(5)
    expect(counts.passports).toBeGreaterThanOrEqual(6 * 30)
    expect(counts.passports).toBeLessThanOrEqual(6 * 45)
    expect(counts.activities).toBeGreaterThanOrEqual(1)
    expect(counts.events).toBeGreaterThan(counts.plays * 10)
    expect(
      one(
        db,
        "SELECT count(*) FROM events WHERE type = 'exhibit-started' AND passport_id IS NULL AND session_id IS NULL AND station_id != '" + REAL_STATION + "'",
      ),
    ).toBeGreaterThan(20)
    expect(one(db, "SELECT count(*) FROM events WHERE type = 'exhibit-started' AND json_extract(data, '$.mode') = 'vr'")).toBeGreaterThan(0)
    expect(one(db, 'SELECT count(*) FROM events WHERE received_ms - time_ms > 3600000')).toBeGreaterThan(0)
    // The triggers ran: the daily totals agree with the events.
    expect(one(db, 'SELECT sum(n) FROM daily_counts')).toBe(one(db, 'SELECT count(*) FROM events'))
    expect(one(db, 'SELECT count(*) FROM session_visitors')).toBeGreaterThan(counts.sessions * 25)
    // No real school or student: every class is a made-up school, and no column names a person.
    expect(one(db, "SELECT count(*) FROM passport_batches WHERE school NOT LIKE '%小学' AND school NOT LIKE '%学校'")).toBe(0)

    // The most chosen wrong answer of each quiz item is the one with the highest weight.
    const wrongs = db
      .prepare<[string], { exhibit_id: string; item_id: string; choice: string; n: number }>(
        "SELECT exhibit_id, item_id, json_extract(data, '$.choiceId') AS choice, count(*) AS n FROM events WHERE type = 'answer-given' AND correct = 0 AND station_id != ? GROUP BY 1, 2, 3",
      )
      .all(REAL_STATION)
    let checked = 0
    for (const ex of await loadCatalogue(['exhibits'])) {
      for (const q of ex.quiz) {
        const rows = wrongs.filter((w) => w.exhibit_id === ex.id && w.item_id === q.id)
        if (rows.reduce((s, r) => s + r.n, 0) < 20) continue
        const top = [...rows].sort((a, b) => b.n - a.n)[0]!.choice
        const heaviest = [...q.wrong].sort((a, b) => b[1] - a[1])[0]![0]
        expect(`${ex.id}/${q.id}: ${top}`).toBe(`${ex.id}/${q.id}: ${heaviest}`)
        checked++
      }
    }
    expect(checked).toBeGreaterThanOrEqual(25)
    const liftShare = one(
      db,
      "SELECT avg(json_extract(data, '$.choiceId') = 'q-take-lift') FROM events WHERE exhibit_id = 'fire-escape' AND item_id = 'lift' AND type = 'answer-given'",
    )
    expect(liftShare).toBeGreaterThan(0.2)
    expect(liftShare).toBeLessThan(0.4)

    await expect(seedYear(db, OPTS)).rejects.toThrow(/already holds seeded data/)

    // Real rows that arrive after the seed, on a day and quiz item the seed also counted.
    const shared = db.prepare<[], { day: string }>("SELECT day FROM events WHERE exhibit_id = 'fire-escape' AND item_id = 'lift' ORDER BY seq LIMIT 1").get()!
    for (const d of [db, control]) await addRealRows(d, 'B', shared.day, lift)
    db.close()
    expect(await runSeed(['--clear'], { DB_PATH: join(dir, 'seeded.db') }, () => {})).toBe(0)
    const cleared = open('seeded.db')
    expect(dump(cleared)).toEqual(dump(control))
    // The dashboard's rollups and their dictionary hold the real rows only, as if never seeded.
    const keys = (d: Db) => d.prepare("SELECT kind, value FROM dash_keys WHERE kind IN ('station', 'session', 'batch', 'passport') ORDER BY 1, 2").all()
    expect(keys(cleared)).toEqual(keys(control))
    for (const view of [exhibitFigures, itemFigures]) expect(view(cleared, { school: '真实小学' })).toEqual(view(control, { school: '真实小学' }))
    expect(one(cleared, "SELECT count(*) FROM sqlite_master WHERE name = 'seed_marks'")).toBe(0)
    cleared.close()
    control.close()
  })

  it('gives the same rows for the same --seed, and others for another', async () => {
    const ids = async (name: string, seed: number) => {
      const db = open(name)
      await seedYear(db, { ...OPTS, seed, scale: 0.01 })
      const r = db
        .prepare("SELECT group_concat(id || passport_id, ',') FROM (SELECT id, coalesce(passport_id, '') AS passport_id FROM events ORDER BY id)")
        .pluck()
        .get()
      db.close()
      return r
    }
    const a = await ids('d1.db', 3)
    expect(await ids('d2.db', 3)).toBe(a)
    expect(await ids('d3.db', 4)).not.toBe(a)
  })
})
