/**
 * Forwarding lag under a steady stream (part of `npm run bench -- district`): 20 centers,
 * each a real SQLite file and forwarder (startDistrictForwarder, default batch 500 and
 * poll 1 s), recording BENCH_DISTRICT_LAG_RATE events a second in all (2,000 by default)
 * in ticks of 100 ms, for BENCH_DISTRICT_LAG_SECONDS (20). An event's lag: from its
 * commit at the center to the district's commit of the batch holding it, seen as the
 * center's `last_seq` at the district (written by the same statement), polled every 50 ms
 * (so lags read up to 50 ms long).
 */
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { openDatabase } from '../src/server/db/database.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../src/server/ingest.ts'
import { addCenter } from '../src/server/district/centers.ts'
import { openPool } from '../src/server/district/database.ts'
import { startDistrictForwarder } from '../src/server/forwarder/district-forwarder.ts'

const CENTERS = 20,
  TICK_MS = 100,
  POLL_MS = 50
const RATE = Number(process.env.BENCH_DISTRICT_LAG_RATE ?? 2_000)
const SECONDS = Number(process.env.BENCH_DISTRICT_LAG_SECONDS ?? 20)

type StartDistrict = (url: string) => Promise<{ base: string; stop: () => Promise<void> }>
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function lagBench(url: string, dir: string, startDistrict: StartDistrict) {
  const pool = openPool(url, 2)
  const centers = await Promise.all(Array.from({ length: CENTERS }, (_, i) => addCenter(pool, `lag ${i}`)))
  const dayOf = createDayOf('Asia/Shanghai')
  const district = await startDistrict(url)
  const log = { info: () => undefined, warn: () => undefined, error: (o: object, m: string) => console.error(m, o) }
  const perTick = Math.max(1, Math.round((RATE * TICK_MS) / 1000 / CENTERS))
  const sites = centers.map((c, i) => {
    const db = openDatabase(join(dir, `lag-${i}.db`), { synchronous: 'NORMAL' })
    const stationId = crypto.randomUUID()
    db.prepare('INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)').run(stationId, 's', `lag${i}`, Date.now())
    const insert = db.prepare(INSERT_EVENT_SQL)
    const maxSeq = db.prepare('SELECT max(seq) FROM events').pluck()
    const record = db.transaction((n: number) => {
      for (let k = 0; k < n; k++)
        insert.run(
          eventRow(
            { id: uuidv7(), time: new Date().toISOString(), stationId, exhibitId: 'fire-escape', type: 'step-completed', data: { stepId: 'crawl-low' } },
            dayOf,
            Date.now(),
          ),
        )
      return maxSeq.get() as number
    })
    const forwarder = startDistrictForwarder(
      db,
      {
        url: district.base,
        centerId: c.id,
        secret: c.secret,
        caFile: null,
        batchSize: 500,
        pollMs: 1000,
        retryMs: 1000,
        retryMaxMs: 300_000,
        timeoutMs: 30_000,
      },
      { now: Date.now, log },
    )
    /** Per tick: the last seq it committed and when. */
    const ticks: { seq: number; at: number; n: number }[] = []
    return { id: c.id, db, record, forwarder, ticks }
  })

  const lags: number[] = [] // one per event, in ms
  let producing = true
  const producer = (async () => {
    const end = Date.now() + SECONDS * 1000
    for (let next = Date.now(); Date.now() < end; next += TICK_MS) {
      for (const s of sites) s.ticks.push({ seq: s.record(perTick), at: Date.now(), n: perTick })
      await sleep(Math.max(0, next + TICK_MS - Date.now()))
    }
    producing = false
  })()
  const deadline = Date.now() + (SECONDS + 60) * 1000
  while ((producing || sites.some((s) => s.ticks.length)) && Date.now() < deadline) {
    const r = await pool.query<{ id: string; last_seq: string }>('SELECT id, last_seq FROM centers')
    const now = Date.now()
    const acked = new Map(r.rows.map((row) => [row.id, Number(row.last_seq)]))
    for (const s of sites)
      while (s.ticks[0] && s.ticks[0].seq <= (acked.get(s.id) ?? 0)) {
        const t = s.ticks.shift()!
        for (let k = 0; k < t.n; k++) lags.push(now - t.at)
      }
    await sleep(POLL_MS)
  }
  await producer
  const undelivered = sites.reduce((n, s) => n + s.ticks.reduce((m, t) => m + t.n, 0), 0)
  await Promise.all(sites.map((s) => s.forwarder.stop()))
  for (const s of sites) s.db.close()
  await district.stop()
  await pool.end()
  lags.sort((a, b) => a - b)
  const at = (p: number) => lags[Math.min(lags.length - 1, Math.max(0, Math.ceil((p / 100) * lags.length) - 1))] ?? null
  return {
    centers: CENTERS,
    eventsPerSecond: RATE,
    seconds: SECONDS,
    events: lags.length,
    recordedPerSecond: Math.round(lags.length / SECONDS),
    undelivered,
    p50Ms: at(50),
    p99Ms: at(99),
    maxMs: lags.at(-1) ?? null,
  }
}
