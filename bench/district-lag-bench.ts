/**
 * Forwarding lag under a steady stream (part of `npm run bench -- district`):
 * BENCH_DISTRICT_LAG_CENTERS centers (20), each a real SQLite file and forwarder
 * (startDistrictForwarder, default batch 500 and poll 1 s, woken by each commit as ingest
 * wakes it), recording BENCH_DISTRICT_LAG_RATE events a second in all (2,000 by default)
 * in ticks of 100 ms, for BENCH_DISTRICT_LAG_SECONDS (20). BENCH_DISTRICT_LAG_WAKE=0
 * leaves the wake out (the poll alone, as before issue 15); BENCH_DISTRICT_LAG_GATHER_MS
 * sets DISTRICT_GATHER_MS (100, its default). An event's lag: from its commit at the center to the
 * district's commit of the batch holding it, seen as the center's `last_seq` at the
 * district (written by the same statement), polled every 20 ms (so lags read up to 20 ms
 * long). Batches: the district's updates of `centers` (one per batch), read once it stopped.
 */
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { openDatabase } from '../src/server/db/database.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../src/server/ingest.ts'
import { addCenter } from '../src/server/district/centers.ts'
import { openPool } from '../src/server/district/database.ts'
import { startDistrictForwarder } from '../src/server/forwarder/district-forwarder.ts'
import { createStoredSignal } from '../src/server/stored-signal.ts'

const TICK_MS = 100,
  POLL_MS = 20
const CENTERS = Number(process.env.BENCH_DISTRICT_LAG_CENTERS ?? 20)
const RATE = Number(process.env.BENCH_DISTRICT_LAG_RATE ?? 2_000)
const SECONDS = Number(process.env.BENCH_DISTRICT_LAG_SECONDS ?? 20)
const WAKE = process.env.BENCH_DISTRICT_LAG_WAKE !== '0'
const GATHER_MS = Number(process.env.BENCH_DISTRICT_LAG_GATHER_MS ?? 100)

type StartDistrict = (url: string) => Promise<{ base: string; pid: number | undefined; stop: () => Promise<void> }>
/** Starts counting the CPU seconds of the district process and PostgreSQL; the function returned reads them. */
type CpuMeter = (districtPid: number | undefined) => () => { districtCpuS: number; postgresCpuS: number }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

export async function lagBench(url: string, dir: string, startDistrict: StartDistrict, meter: CpuMeter) {
  const pool = openPool(url, 2)
  // Other parts of the bench ran districts on this cluster before: count from here.
  const centerUpdates = async () =>
    Number((await pool.query<{ n: string }>("SELECT n_tup_upd AS n FROM pg_stat_user_tables WHERE relname = 'centers'")).rows[0]?.n ?? NaN)
  const updates0 = await centerUpdates()
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
    const stored = createStoredSignal()
    const forwarder = startDistrictForwarder(
      db,
      {
        url: district.base,
        centerId: c.id,
        secret: c.secret,
        caFile: null,
        batchSize: 500,
        pollMs: 1000,
        gatherMs: GATHER_MS,
        retryMs: 1000,
        retryMaxMs: 300_000,
        timeoutMs: 30_000,
      },
      { now: Date.now, log, ...(WAKE ? { stored } : {}) },
    )
    /** Per tick: the last seq it committed and when. */
    const ticks: { seq: number; at: number; n: number }[] = []
    return { id: c.id, db, record, stored, forwarder, ticks }
  })

  const lags: number[] = [] // one per event, in ms
  const load0 = loadavg()[0]!
  const cpu = meter(district.pid)
  const centerCpu0 = process.cpuUsage()
  let producing = true
  const producer = (async () => {
    const end = Date.now() + SECONDS * 1000
    for (let next = Date.now(); Date.now() < end; next += TICK_MS) {
      for (const s of sites) {
        s.ticks.push({ seq: s.record(perTick), at: Date.now(), n: perTick })
        s.stored.notify() // as ingest does after its commit
      }
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
  const used = cpu()
  const centerCpu = process.cpuUsage(centerCpu0)
  const load1 = loadavg()[0]!
  await Promise.all(sites.map((s) => s.forwarder.stop()))
  for (const s of sites) s.db.close()
  await district.stop()
  // The district's connections have ended, so their statistics are flushed.
  const batches = (await centerUpdates()) - updates0
  await pool.end()
  lags.sort((a, b) => a - b)
  const at = (p: number) => lags[Math.min(lags.length - 1, Math.max(0, Math.ceil((p / 100) * lags.length) - 1))] ?? null
  return {
    centers: CENTERS,
    wake: WAKE,
    gatherMs: GATHER_MS,
    eventsPerSecond: RATE,
    seconds: SECONDS,
    events: lags.length,
    recordedPerSecond: Math.round(lags.length / SECONDS),
    undelivered,
    p50Ms: at(50),
    p90Ms: at(90),
    p99Ms: at(99),
    maxMs: lags.at(-1) ?? null,
    batches,
    eventsPerBatch: Math.round(lags.length / batches),
    ...used,
    centersCpuS: Math.round((centerCpu.user + centerCpu.system) / 1e4) / 100,
    loadAverage1m: [Math.round(load0 * 10) / 10, Math.round(load1 * 10) / 10],
  }
}
