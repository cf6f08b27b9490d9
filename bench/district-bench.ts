/**
 * District benchmark: `npm run bench -- district` (also `runDistrictBench()`), beside the
 * single-center figures. Needs PostgreSQL installed (a throwaway cluster, fsync on).
 *  1. Ingest over HTTP on loopback into the real district process: 20 simulated center
 *     forwarders, each POSTing 500-event batches back to back (keep-alive), ~10 s after a
 *     warm-up of 6 batches each.
 *  2. Backlog drain: 20 centers' SQLite files holding 50,000 events each (1 M), drained by
 *     20 real forwarders (startDistrictForwarder) in this one process into a fresh district.
 *  3. Storage: events partitions + indexes, and the totals (of which the pair counts), per million events.
 *  4. The dashboard's queries over totals the size of 10 M events (district-dashboard-bench.ts).
 * Writes bench/results/district.json. Everything shares the 2 cores: the district, PostgreSQL
 * and the clients (and, in 2, all 20 "centers"), so these are floors, not ceilings.
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { v7 as uuidv7 } from 'uuid'
import { createPassportCode } from '../src/core/passport-code.ts'
import { openDatabase } from '../src/server/db/database.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../src/server/ingest.ts'
import { addCenter } from '../src/server/district/centers.ts'
import { openPool, runDistrictMigrations } from '../src/server/district/database.ts'
import type { Pool } from '../src/server/district/database.ts'
import type { ForwardedEvent } from '../src/server/district/protocol.ts'
import { startDistrictForwarder } from '../src/server/forwarder/district-forwarder.ts'
import { findPgBin, startPgCluster } from '../tests/district/pg-cluster.ts'
import { runAndSaveDashboardBench } from './district-dashboard-bench.ts'
import { lagBench } from './district-lag-bench.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FIXTURES = join(ROOT, 'tests/server/fixtures/exhibits')
const CENTERS = 20,
  BATCH = 500,
  INGEST_SECONDS = 10,
  WARM_UP_BATCHES = 6,
  /** 50,000 × 20 = the 1 M backlog; BENCH_DISTRICT_BACKLOG scales it down on a busy machine. */
  BACKLOG_PER_CENTER = Math.round(Number(process.env.BENCH_DISTRICT_BACKLOG ?? 1_000_000) / CENTERS)
const MiB = 1024 * 1024
/** BENCH_DISTRICT_PARTS=ingest,drain,lag,dashboard (all by default). */
const PARTS = new Set((process.env.BENCH_DISTRICT_PARTS ?? 'ingest,drain,lag,dashboard').split(','))

/** utime + stime of a process and its (live) children, in seconds (Linux /proc; 0 elsewhere). */
function cpuOf(pids: Set<number>): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')
      if (pids.has(Number(entry)) || pids.has(Number(f[1]))) ticks += Number(f[11]) + Number(f[12])
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100
}

/**
 * CPU seconds the district (node) and PostgreSQL spent, so a figure measured on a shared,
 * busy machine can be read as events per CPU second (what two idle cores would give at
 * best: twice that). PostgreSQL backends that ended meanwhile are not counted: the
 * district's pool keeps its connections for the whole run.
 */
function cpuMeter(districtPid: () => number | undefined, postmaster: number) {
  const read = () => ({ district: cpuOf(new Set([districtPid() ?? -1])), pg: cpuOf(new Set([postmaster])) })
  const start = read()
  return () => {
    const now = read()
    return { districtCpuS: Math.round((now.district - start.district) * 100) / 100, postgresCpuS: Math.round((now.pg - start.pg) * 100) / 100 }
  }
}

async function startDistrict(url: string): Promise<{ base: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/district/cli.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, PORT: '0', HOST: '127.0.0.1', EXHIBITS_DIRS: FIXTURES, LOG_LEVEL: 'warn', DATABASE_POOL_MAX: '20' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const base = await new Promise<string>((res, rej) => {
    const on = (d: Buffer) => {
      out += d.toString()
      const m = /running at (\S+)/.exec(out)
      if (m?.[1]) res(m[1])
    }
    child.stdout.on('data', on)
    child.stderr.on('data', on)
    child.once('exit', (c) => rej(new Error(`district exited ${c}: ${out}`)))
  })
  return { base, pid: child.pid, stop: () => new Promise((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))) }
}

function post(agent: Agent, url: URL, body: string, secret: string): Promise<number> {
  return new Promise((res, rej) => {
    const req = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${secret}` },
      },
      (r) => {
        r.resume()
        r.on('end', () => res(r.statusCode ?? 0))
      },
    )
    req.on('error', rej)
    req.end(body)
  })
}

/**
 * What a batch holds. 'plays' (the default): whole plays of 10 events (a start, 60 % with
 * a passport from the center's 2,500 students, 4 steps and a wrong pick, 2 answers, a
 * completion, a stamp), so every running total, monthly total and student set is written.
 * 'simple': steps and answers only, no passport (the mix slice 1 and 2 were measured with).
 */
const MIX = process.env.BENCH_DISTRICT_MIX === 'simple' ? 'simple' : 'plays'
const STUDENTS = Array.from({ length: 2_500 }, () => createPassportCode())
const PLAY = [
  'exhibit-started',
  'step-completed',
  'step-completed',
  'step-mistake',
  'step-completed',
  'step-completed',
  'answer-given',
  'answer-given',
  'exhibit-completed',
  'stamp-awarded',
] as const
function playEvent(k: number): Pick<ForwardedEvent, 'type' | 'data' | 'passportId' | 'exhibitId'> {
  const play = Math.floor(k / PLAY.length)
  const exhibitId = play % 2 ? 'fire-escape' : 'quake-drill'
  const passportId = play % 5 < 3 ? STUDENTS[(play * 7919) % STUDENTS.length]! : null
  const type = PLAY[k % PLAY.length]!
  const data: Record<string, unknown> =
    type === 'exhibit-started'
      ? { mode: play % 10 ? 'flat' : 'vr' }
      : type === 'step-completed'
        ? { stepId: `s${k % 4}` }
        : type === 'step-mistake'
          ? { stepId: 's1', choiceId: `w${play % 3}` }
          : type === 'answer-given'
            ? { quizId: `q${k % 2}`, choiceId: `c${(play + k) % 3}`, correct: (play + k) % 3 === 0 }
            : type === 'exhibit-completed'
              ? { score: play % 4, maxScore: 3, passed: play % 4 > 1, durationMs: 60_000 + ((play * 977) % 180_000) }
              : { stampId: exhibitId }
  return { type, data, passportId, exhibitId }
}

function forwardedBatch(firstSeq: number, stationId: string, day: string): ForwardedEvent[] {
  const t = Date.now()
  return Array.from({ length: BATCH }, (_, i): ForwardedEvent => ({
    seq: firstSeq + i,
    id: uuidv7(),
    time: t,
    day,
    stationId,
    sessionId: null,
    passportId: null,
    exhibitId: 'fire-escape',
    ...(i % 5 === 0
      ? { type: 'answer-given', data: { quizId: 'q-exit', choiceId: 'b', correct: i % 2 === 0 } }
      : { type: 'step-completed', data: { stepId: 'crawl-low' } }),
  }))
}

/**
 * The simulated forwarders' request bodies, made cheaply: real forwarders run on the
 * centers' own machines, so here on the district's two cores their cost is kept small
 * (and measured: forwardersCpuS). Each event is written as JSON once per position in a
 * cycle of 2,500 plays (every student once) and reused with a fresh seq, time and id; an
 * id is a UUIDv7 from the uuid package with its last 12 hex digits replaced by a counter
 * of this process, so no two are the same.
 */
function bodyMaker(centerId: string, stationId: string, day: string) {
  const cycle = MIX === 'plays' ? STUDENTS.length * PLAY.length : BATCH
  const tails: string[] = []
  for (let k = 0; k < cycle; k++) {
    const { type, data, passportId, exhibitId } = MIX === 'plays' ? playEvent(k) : forwardedBatch(1, stationId, day)[k]!
    tails.push(JSON.stringify({ day, stationId, sessionId: null, passportId, exhibitId, type, data }).slice(1))
  }
  return (firstSeq: number) => {
    const t = Date.now()
    const prefix = uuidv7().slice(0, 24)
    const parts = new Array<string>(BATCH)
    for (let i = 0; i < BATCH; i++) {
      const seq = firstSeq + i
      parts[i] = `{"seq":${seq},"id":"${prefix}${(idCounter++).toString(16).padStart(12, '0')}","time":${t},${tails[(seq - 1) % cycle]}`
    }
    return `{"centerId":"${centerId}","events":[${parts.join(',')}]}`
  }
}
let idCounter = 0

async function storage(pool: Pool): Promise<{ events: number; eventsMiB: number; perMillionMiB: number; totalsMiB: number; pairsKiB: number }> {
  const r = await pool.query<{ events: string; bytes: string; totals: string; pairs: string }>(`SELECT
    (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE 'visitor_pair_%') AS pairs,
    (SELECT count(*) FROM events) AS events,
    (SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits WHERE inhparent = 'events'::regclass) AS bytes,
    (SELECT sum(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'events%' AND c.relname NOT IN ('centers', 'schema_migrations')) AS totals`)
  const row = r.rows[0]!
  const events = Number(row.events)
  const mib = Number(row.bytes) / MiB
  return {
    events,
    eventsMiB: Math.round(mib),
    perMillionMiB: Math.round((mib / events) * 1e6),
    totalsMiB: Math.round((Number(row.totals) / MiB) * 10) / 10,
    // The counts of consecutive days (migration 008), part of the totals.
    pairsKiB: Math.round(Number(row.pairs) / 1024),
  }
}

async function ingestBench(url: string, postmaster: number) {
  const pool = openPool(url, 2)
  const centers = await Promise.all(Array.from({ length: CENTERS }, (_, i) => addCenter(pool, `bench ${i}`)))
  const district = await startDistrict(url)
  const target = new URL('/api/district/events', district.base)
  const day = new Date().toISOString().slice(0, 10)
  let events = 0
  const bodies = centers.map((c) => bodyMaker(c.id, crypto.randomUUID(), day))
  const agents = centers.map(() => new Agent({ keepAlive: true, maxSockets: 1 }))
  const seqs = centers.map(() => 1)
  /**
   * Warm-up, not counted: each of the district's 20 connections loads its catalog caches
   * and runs the insert five times before PostgreSQL keeps a generic plan for it; the
   * figure is the steady state a district is in after its first minute.
   */
  const send = async (i: number) => {
    const status = await post(agents[i]!, target, bodies[i]!(seqs[i]!), centers[i]!.secret)
    if (status !== 200) throw new Error(`district answered ${status}`)
    seqs[i]! += BATCH
  }
  for (let round = 0; round < WARM_UP_BATCHES; round++) await Promise.all(centers.map((_, i) => send(i)))
  const end = Date.now() + INGEST_SECONDS * 1000
  const cpu = cpuMeter(() => district.pid, postmaster)
  const t0 = performance.now()
  const clientCpu0 = process.cpuUsage()
  await Promise.all(
    centers.map(async (_, i) => {
      while (Date.now() < end) {
        await send(i)
        events += BATCH
      }
      agents[i]!.destroy()
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const used = cpu()
  const client = process.cpuUsage(clientCpu0)
  await district.stop()
  const stored = await storage(pool)
  await pool.end()
  const perCpuS = Math.round(events / (used.districtCpuS + used.postgresCpuS))
  return {
    forwarders: CENTERS,
    batch: BATCH,
    seconds: Math.round(seconds * 10) / 10,
    events,
    eventsPerSecond: Math.round(events / seconds),
    ...used,
    forwardersCpuS: Math.round((client.user + client.system) / 1e4) / 100,
    eventsPerCpuSecond: perCpuS,
    loadAverage1m: loadavg()[0],
    storage: stored,
  }
}

async function drainBench(url: string, dir: string, postmaster: number) {
  const pool = openPool(url, 2)
  const centers = await Promise.all(Array.from({ length: CENTERS }, (_, i) => addCenter(pool, `backlog ${i}`)))
  const dayOf = createDayOf('Asia/Shanghai')
  const t = Date.now()
  const dbs = centers.map((c, i) => {
    const db = openDatabase(join(dir, `center-${i}.db`), { synchronous: 'NORMAL' })
    const stationId = crypto.randomUUID()
    db.prepare('INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)').run(stationId, 's', `h${i}`, t)
    const insert = db.prepare(INSERT_EVENT_SQL)
    db.transaction(() => {
      for (let k = 0; k < BACKLOG_PER_CENTER; k++)
        insert.run(
          eventRow(
            k % 5 === 0
              ? {
                  id: uuidv7(),
                  time: new Date(t - k * 1000).toISOString(),
                  stationId,
                  exhibitId: 'fire-escape',
                  type: 'answer-given',
                  data: { quizId: 'q-exit', choiceId: 'b', correct: k % 2 === 0 },
                }
              : {
                  id: uuidv7(),
                  time: new Date(t - k * 1000).toISOString(),
                  stationId,
                  exhibitId: 'fire-escape',
                  type: 'step-completed',
                  data: { stepId: 'crawl-low' },
                },
            dayOf,
            t,
          ),
        )
    })()
    return { db, center: c }
  })
  const before = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n)
  const district = await startDistrict(url)
  const log = { info: () => undefined, warn: () => undefined, error: (o: object, m: string) => console.error(m, o) }
  const cpu = cpuMeter(() => district.pid, postmaster)
  const benchCpu0 = process.cpuUsage()
  const t0 = performance.now()
  const forwarders = dbs.map(({ db, center }) =>
    startDistrictForwarder(
      db,
      {
        url: district.base,
        centerId: center.id,
        secret: center.secret,
        caFile: null,
        batchSize: BATCH,
        pollMs: 200,
        retryMs: 200,
        retryMaxMs: 2000,
        timeoutMs: 60_000,
      },
      { now: Date.now, log },
    ),
  )
  const total = CENTERS * BACKLOG_PER_CENTER
  for (;;) {
    const n = Number((await pool.query<{ n: string }>('SELECT count(*) AS n FROM events')).rows[0]!.n) - before
    if (n >= total) break
    await new Promise((r) => setTimeout(r, 250))
  }
  const seconds = (performance.now() - t0) / 1000
  const used = cpu()
  const c = process.cpuUsage(benchCpu0)
  const forwardersCpuS = Math.round((c.user + c.system) / 1e5) / 10
  await Promise.all(forwarders.map((f) => f.stop()))
  for (const { db } of dbs) db.close()
  await district.stop()
  const stored = await storage(pool)
  await pool.end()
  return {
    centers: CENTERS,
    events: total,
    seconds: Math.round(seconds * 10) / 10,
    eventsPerSecond: Math.round(total / seconds),
    ...used,
    forwardersCpuS,
    eventsPerCpuSecond: Math.round(total / (used.districtCpuS + used.postgresCpuS)),
    storage: stored,
  }
}

export async function runDistrictBench(): Promise<Record<string, unknown>> {
  const bin = findPgBin()
  if (!bin) {
    console.log('district bench: PostgreSQL is not installed (apt-get install postgresql); skipped')
    return { skipped: 'PostgreSQL not installed' }
  }
  const cluster = startPgCluster(bin, { durable: true })
  const dir = mkdtempSync(join(tmpdir(), 'sophora-district-bench-'))
  try {
    const setup = openPool(cluster.url, 1)
    await runDistrictMigrations(setup)
    await setup.end()
    const parts: Record<string, unknown> = {}
    if (PARTS.has('ingest')) console.log('district ingest', (parts.ingest = { mix: MIX, ...(await ingestBench(cluster.url, cluster.pid())) }))
    if (PARTS.has('drain')) console.log('district backlog drain', (parts.drain = await drainBench(cluster.url, dir, cluster.pid())))
    if (PARTS.has('lag'))
      console.log('district forwarding lag', (parts.lag = await lagBench(cluster.url, dir, startDistrict, (pid) => cpuMeter(() => pid, cluster.pid()))))
    // Its own cluster and results file (bench/results/district-dashboard.json).
    if (PARTS.has('dashboard')) console.log('district dashboard queries', (parts.dashboard = await runAndSaveDashboardBench()))
    // Parts run alone (BENCH_DISTRICT_PARTS) replace theirs in the last results, the rest stay.
    const file = join(ROOT, 'bench/results/district.json')
    const previous = (() => {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
      } catch {
        return {}
      }
    })()
    const result = { ...previous, when: new Date().toISOString(), node: process.version, loadAverage1m: loadavg()[0], ...parts }
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
    writeFileSync(file, JSON.stringify(result, null, 2) + '\n')
    return result
  } finally {
    cluster.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await runDistrictBench()
