import type { Db } from '../../src/server/db/database.ts'
import { createIngest } from '../../src/server/ingest.ts'
import { createPassportCode, CROCKFORD } from '../../src/core/passport-code.ts'
import { loadCatalogue, type ModuleLoader, type SeedExhibit } from './catalogue.ts'
import { daysOf, localMs, planActivities, planClasses, SEED_TAG } from './plan.ts'
import { playEvents, type Play } from './plays.ts'
import { createRng, type Rng } from './random.ts'

export interface SeedOptions {
  year: number
  seed: number
  scale: number
  centerId: string
  timeZone: string
  exhibitsDirs: readonly string[]
  retentionMs: number
  maxClockSkewMs: number
  /** how exhibits' steps.ts/quiz.ts are imported (the CLI passes `withExhibitModules`'s loader) */
  loadModule?: ModuleLoader
}
export type SeedKind = 'run' | 'station' | 'batch' | 'passport' | 'session' | 'activity'

/**
 * What the seed inserted, by kind and id, so `--clear` removes exactly that. Created by the
 * seed only (not a migration): a production database never holds it. Events need no list:
 * every seeded event comes from a seeded station, and no real station has a seeded id.
 */
const MARKS_SQL = 'CREATE TABLE IF NOT EXISTS seed_marks (kind TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (kind, id)) WITHOUT ROWID'
export const hasSeed = (db: Db) =>
  db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'seed_marks'").get() !== undefined &&
  db.prepare("SELECT 1 FROM seed_marks WHERE kind = 'run'").get() !== undefined

const STATIONS: [string, 'touchscreen' | 'pc' | 'headset'][] = [
  ['展台 1', 'touchscreen'],
  ['展台 2', 'touchscreen'],
  ['展台 3', 'touchscreen'],
  ['展台 4', 'pc'],
  ['展台 5', 'pc'],
  ['展台 6', 'pc'],
  ['VR 1', 'headset'],
  ['VR 2', 'headset'],
  ['VR 3', 'headset'],
]

export interface SeedCounts {
  passports: number
  batches: number
  sessions: number
  activities: number
  stations: number
  plays: number
  events: number
  delayedPlays: number
}

export async function seedYear(db: Db, o: SeedOptions): Promise<SeedCounts> {
  if (hasSeed(db)) throw new Error('this database already holds seeded data; run with --clear first (seeding twice is refused, not doubled)')
  const rng = createRng(o.seed)
  const catalogue = await loadCatalogue(o.exhibitsDirs, o.loadModule)
  if (catalogue.length === 0) throw new Error(`no exhibits found in ${o.exhibitsDirs.join(', ')}`)
  const byId = new Map(catalogue.map((e) => [e.id, e]))
  db.exec(MARKS_SQL)
  const mark = db.prepare<[SeedKind, string]>('INSERT INTO seed_marks (kind, id) VALUES (?, ?)')
  const created = Date.UTC(o.year, 0, 1)
  const flat: string[] = []
  const vr: string[] = []
  const stationIds: string[] = []
  const plays: Play[] = []

  db.transaction(() => {
    mark.run('run', JSON.stringify({ year: o.year, seed: o.seed, scale: o.scale }))
    const addStation = db.prepare('INSERT INTO stations (id, name, token_hash, created_ms, center_id, kind) VALUES (?, ?, ?, ?, ?, ?)')
    for (const [name, kind] of STATIONS) {
      const id = rng.markedUuid()
      // A token hash no token has: the seeded stations can never sign in.
      addStation.run(id, `${name}${SEED_TAG}`, `seed:${id}`, created, o.centerId, kind)
      mark.run('station', id)
      stationIds.push(id)
      ;(kind === 'headset' ? vr : flat).push(id)
    }
    const addBatch = db.prepare(
      `INSERT INTO passport_batches (id, request_id, center_id, school, grade, class_name, count, created_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    const addPassport = db.prepare('INSERT OR IGNORE INTO passports (code, batch_id, center_id, created_ms) VALUES (?, ?, ?, ?)')
    const addSession =
      db.prepare(`INSERT INTO class_sessions (id, request_id, center_id, school, grade, class_name, headcount, exhibits, batch_id, join_code, created_ms, ended_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const addSessionStation = db.prepare('INSERT INTO class_session_stations (session_id, station_id, joined_ms) VALUES (?, ?, ?)')
    const { weekend } = daysOf(o.year)
    for (const b of planClasses(rng, o.year, o.scale, [...byId.keys()])) {
      const batchId = rng.markedUuid()
      const at = b.session ? b.session.startMs - 7 * 86_400_000 : localMs(rng.pick(weekend), 9)
      addBatch.run(batchId, `seed:${batchId}`, o.centerId, b.school, b.grade, b.className, b.count, Math.max(at, created))
      mark.run('batch', batchId)
      const codes: string[] = []
      while (codes.length < b.count) {
        const code = createPassportCode((x) => (x.set(rng.bytes(x.length)), x))
        if (addPassport.run(code, batchId, o.centerId, Math.max(at, created)).changes === 0) continue
        mark.run('passport', code)
        codes.push(code)
      }
      const s = b.session
      if (s) {
        const sessionId = rng.markedUuid()
        const joinCode = Array.from({ length: 6 }, () => rng.pick([...CROCKFORD])).join('')
        const end = s.startMs + 100 * 60_000
        addSession.run(
          sessionId,
          `seed:${sessionId}`,
          o.centerId,
          s.school,
          s.grade,
          s.className,
          s.headcount,
          JSON.stringify(s.exhibits),
          batchId,
          joinCode,
          s.startMs,
          end,
        )
        mark.run('session', sessionId)
        for (const st of stationIds) addSessionStation.run(sessionId, st, s.startMs)
        codes.forEach((code) => {
          s.exhibits.forEach((ex, i) => {
            if (rng.chance(0.1)) return
            plays.push(play(rng, byId.get(ex)!, s.startMs + i * 14 * 60_000 + rng.int(0, 8 * 60_000), flat, vr, code, sessionId))
          })
        })
      } else {
        // A class with passports but no guided session: its students come back at weekends with family.
        for (const code of codes) {
          for (let v = rng.int(1, 2); v > 0; v--) {
            const start = localMs(rng.pick(weekend), rng.int(9, 15), rng.int(0, 59))
            for (let i = rng.int(2, 4); i > 0; i--) plays.push(play(rng, rng.pick(catalogue), start + i * 15 * 60_000, flat, vr, code))
          }
        }
      }
    }
    // Walk-ins without passports, at weekends.
    for (const day of weekend) {
      for (let i = Math.round(rng.int(15, 50) * o.scale); i > 0; i--) {
        plays.push(play(rng, rng.pick(catalogue), localMs(day, 9, 30) + rng.int(0, 7 * 60) * 60_000, flat, vr))
      }
    }
    const addActivity =
      db.prepare(`INSERT INTO activities (id, request_id, center_id, topic, type, day, duration_min, guides, audience, volunteer_tenths, created_ms, updated_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    for (const a of planActivities(rng, o.year, o.scale)) {
      const id = rng.markedUuid()
      const at = localMs(a.day, 18)
      addActivity.run(id, `seed:${id}`, o.centerId, a.topic, a.type, a.day, a.durationMin, a.guides, a.audience, a.volunteerTenths, at, at)
      mark.run('activity', id)
    }
  })()

  // Events go through the server's own ingest (validation, passport checks, triggers), with its clock set to when each arrived.
  let clock = 0
  const ingest = createIngest(db, {
    centerId: o.centerId,
    retentionMs: o.retentionMs,
    exhibitIds: new Set(byId.keys()),
    timeZone: o.timeZone,
    firstDay: `${o.year}-01-01`,
    maxClockSkewMs: o.maxClockSkewMs,
    now: () => clock,
  })
  let accepted = 0
  let rejected = 0
  let delayed = 0
  plays.sort((a, b) => a.startMs - b.startMs)
  // Ingest commits every call made in the same turn in one transaction (group commit), and
  // reads its clock when called: so chunks of plays are sent without awaiting each one.
  for (let i = 0; i < plays.length; i += 250) {
    const pending = plays.slice(i, i + 250).map((p) => {
      const { events, endMs } = playEvents(rng, p)
      // Some stations were offline (Wi-Fi down, headset out of range): their events arrive hours later.
      const late = rng.chance(0.03)
      if (late) delayed++
      clock = endMs + (late ? rng.int(1, 20) * 3_600_000 : rng.int(1_000, 10_000))
      return ingest(p.stationId, events)
    })
    for (const results of await Promise.all(pending)) {
      for (const r of results) {
        if (r.status === 'accepted') accepted++
        else rejected++
      }
    }
  }
  if (rejected > 0) throw new Error(`${rejected} seeded events were not accepted by ingest`)
  const n = (kind: SeedKind) => db.prepare<[SeedKind], number>('SELECT count(*) FROM seed_marks WHERE kind = ?').pluck().get(kind) ?? 0
  return {
    passports: n('passport'),
    batches: n('batch'),
    sessions: n('session'),
    activities: n('activity'),
    stations: n('station'),
    plays: plays.length,
    events: accepted,
    delayedPlays: delayed,
  }
}

function play(rng: Rng, exhibit: SeedExhibit, startMs: number, flat: string[], vr: string[], passportId?: string, sessionId?: string): Play {
  const mode = exhibit.vr && rng.chance(0.25) ? 'vr' : 'flat'
  return { exhibit, startMs, mode, stationId: rng.pick(mode === 'vr' ? vr : flat), ...(passportId ? { passportId } : {}), ...(sessionId ? { sessionId } : {}) }
}
