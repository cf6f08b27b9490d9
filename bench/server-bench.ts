/**
 * Stats server benchmark: `npx tsx bench/server-bench.ts` (also `runServerBench()` for npm run bench).
 *  1. Sustained ingest over HTTP on loopback (real server process, batches of 50, 4 concurrent
 *     clients, ~10 s) next to the raw rate of the same batches inserted straight into SQLite with
 *     the same schema, triggers and durability (WAL, synchronous=FULL, one transaction per batch);
 *     then the same over HTTPS (the built-in CA, keep-alive connections as stations use) and HTTP
 *     again, so the two transports are compared within one run.
 *  2. One million events in a temp DB: the time of each dashboard query and the size on disk.
 * Writes bench/results/server.json.
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { v7 as uuidv7 } from 'uuid'
import { openDatabase } from '../src/server/db/database.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../src/server/ingest.ts'
import { createQueries } from '../src/server/queries.ts'
import { buildApp } from '../src/server/app.ts'
import { loadConfig } from '../src/server/config.ts'
import { createPassportCode } from '../src/core/passport-code.ts'
import type { VisitEvent } from '../src/core/event-schema.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const FIXTURES = join(ROOT, 'tests/server/fixtures/exhibits')
const BATCH = 50,
  CLIENTS = 4,
  HTTP_SECONDS = 10,
  RAW_SECONDS = 4,
  MILLION = 1_000_000,
  PASSPORTS = 40_000
/** A passport the HTTP benchmark's database knows, so its events are stored, not quarantined. */
const BENCH_PASSPORT = '0000000000'
const addPassports = (db: ReturnType<typeof openDatabase>, codes: string[]) => {
  const insert = db.prepare("INSERT OR IGNORE INTO passports (code, center_id, created_ms) VALUES (?, 'local', ?)")
  db.transaction(() => {
    for (const c of codes) insert.run(c, Date.now())
  })()
}

function batchOf(stationId: string): VisitEvent[] {
  const now = new Date().toISOString()
  return Array.from({ length: BATCH }, (_, i): VisitEvent =>
    i % 5 === 0
      ? {
          id: uuidv7(),
          time: now,
          stationId,
          exhibitId: 'fire-escape',
          passportId: BENCH_PASSPORT,
          type: 'answer-given',
          data: { quizId: 'q-exit', choiceId: 'b', correct: i % 2 === 0 },
        }
      : { id: uuidv7(), time: now, stationId, exhibitId: 'fire-escape', passportId: BENCH_PASSPORT, type: 'step-completed', data: { stepId: 'crawl-low' } },
  )
}

type Transport = 'http' | 'https'

/** The server on loopback: `base` is PORT's plain HTTP (registration), `ingest` the transport measured. */
/** CPU seconds a process has used (Linux /proc; null elsewhere): on a busy machine, cost per event is steadier than events per second. */
function cpuSeconds(pid: number | undefined): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
    return (Number(fields[11]) + Number(fields[12])) / 100 // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null
  }
}

async function startServer(
  dbPath: string,
  transport: Transport = 'http',
): Promise<{ base: string; ingest: string; cpu: () => number | null; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_PATH: dbPath,
      EXHIBITS_DIRS: FIXTURES,
      LOG_LEVEL: 'warn',
      INGEST_RATE_MAX: '100000000',
      // The bench's stations enrol at once, as before pairing existed.
      STATION_OPEN_ENROLL: '1',
      STATIC_DIR: join(dbPath, '..', 'none'),
      TLS: transport === 'https' ? 'auto' : 'off',
      TLS_DIR: join(dbPath, '..', 'tls'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let out = ''
  const [base, ingest] = await new Promise<[string, string]>((res, rej) => {
    const on = (d: Buffer) => {
      out += d.toString()
      const m = /running at (\S+)/.exec(out)
      const tls = /HTTPS: (https:\/\/\S+?)\/?\n/.exec(out)
      if (m?.[1] && (transport === 'http' || tls?.[1])) res([m[1], tls?.[1] ?? m[1]])
    }
    child.stdout.on('data', on)
    child.stderr.on('data', on)
    child.once('exit', (c) => rej(new Error(`server exited ${c}: ${out}`)))
  })
  return {
    base,
    ingest,
    cpu: () => cpuSeconds(child.pid),
    stop: () =>
      new Promise((r) => {
        child.once('exit', () => r())
        child.kill('SIGTERM')
      }),
  }
}

/** A lean keep-alive client (undici's fetch costs the shared 2 cores more than the server does). */
function postJson(agent: Agent | HttpsAgent, url: URL, body: string, token: string): Promise<{ status: number; json: { accepted?: number } }> {
  return new Promise((res, rej) => {
    const req = (agent instanceof HttpsAgent ? httpsRequest : request)(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
      },
      (r) => {
        const chunks: Buffer[] = []
        r.on('data', (c: Buffer) => chunks.push(c))
        r.on('end', () => {
          try {
            res({ status: r.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString()) as { accepted?: number } })
          } catch (e) {
            rej(e)
          }
        })
      },
    )
    req.on('error', rej)
    req.end(body)
  })
}

async function httpIngest(dir: string, transport: Transport = 'http', runSeconds = HTTP_SECONDS) {
  const dbPath = join(dir, `${transport}-${Date.now()}.db`)
  const seed = openDatabase(dbPath)
  addPassports(seed, [BENCH_PASSPORT])
  seed.close()
  const server = await startServer(dbPath, transport)
  const stationId = crypto.randomUUID()
  const reg = (await (
    await fetch(`${server.base}/api/stations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stationId }) })
  ).json()) as { token: string }
  // HTTPS trusts the server's own CA only, as a station that installed it.
  const agent =
    transport === 'https'
      ? new HttpsAgent({ keepAlive: true, maxSockets: CLIENTS, ca: readFileSync(join(dbPath, '..', 'tls', 'ca.crt'), 'utf8') })
      : new Agent({ keepAlive: true, maxSockets: CLIENTS })
  const url = new URL(`${server.ingest}/api/events`)
  let events = 0,
    batches = 0,
    errors = 0
  const latencies: number[] = []
  const end = performance.now() + runSeconds * 1000
  const cpu0 = server.cpu()
  const t0 = performance.now()
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (performance.now() < end) {
        const body = JSON.stringify({ events: batchOf(stationId) })
        const s = performance.now()
        const { status, json } = await postJson(agent, url, body, reg.token)
        latencies.push(performance.now() - s)
        if (status === 200 && json.accepted === BATCH) {
          events += BATCH
          batches++
        } else errors++
      }
    }),
  )
  const seconds = (performance.now() - t0) / 1000
  const cpu1 = server.cpu()
  agent.destroy()
  await server.stop()
  latencies.sort((a, b) => a - b)
  return {
    eventsPerSecond: Math.round(events / seconds),
    serverCpuMsPer1000Events: cpu0 === null || cpu1 === null || !events ? null : +(((cpu1 - cpu0) * 1e6) / events).toFixed(1),
    events,
    batches,
    errors,
    seconds: +seconds.toFixed(2),
    batchLatencyMs: { p50: +latencies[Math.floor(latencies.length * 0.5)]!.toFixed(2), p99: +latencies[Math.floor(latencies.length * 0.99)]!.toFixed(2) },
  }
}

function rawIngest(dir: string, synchronous: 'FULL' | 'NORMAL') {
  const db = openDatabase(join(dir, `raw-${synchronous}.db`), { synchronous })
  addPassports(db, [BENCH_PASSPORT])
  const insert = db.prepare(INSERT_EVENT_SQL)
  const dayOf = createDayOf('Asia/Shanghai')
  const tx = db.transaction((rows: unknown[][]) => {
    for (const r of rows) insert.run(r)
  })
  const stationId = crypto.randomUUID()
  let events = 0
  const t0 = performance.now()
  const end = t0 + RAW_SECONDS * 1000
  while (performance.now() < end) {
    const now = Date.now()
    tx(batchOf(stationId).map((e) => eventRow(e, dayOf, now)))
    events += BATCH
  }
  const seconds = (performance.now() - t0) / 1000
  db.close()
  return { eventsPerSecond: Math.round(events / seconds), events, seconds: +seconds.toFixed(2) }
}

/** One million plausible events: a year of days, 10 exhibits, class sessions, 40 000 issued passports. */
export function fillMillion(path: string) {
  const db = openDatabase(path, { synchronous: 'FULL' })
  db.pragma('synchronous = OFF') // generation only; the queries below run on the normal settings
  const insert = db.prepare(INSERT_EVENT_SQL)
  const dayOf = createDayOf('Asia/Shanghai')
  const exhibits = Array.from({ length: 10 }, (_, i) => `exhibit-${i}`)
  const sessions = Array.from({ length: 1000 }, () => crypto.randomUUID())
  const stations = Array.from({ length: 20 }, () => crypto.randomUUID())
  const start = Date.parse('2025-06-01T01:00:00Z')
  let seed = 42
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff
    return seed / 0x7fffffff
  }
  const pick = <T>(a: T[]) => a[Math.floor(rnd() * a.length)]!
  const codes = Array.from({ length: PASSPORTS }, () => createPassportCode((b) => b.map(() => Math.floor(rnd() * 256))))
  addPassports(db, codes)
  const t0 = performance.now()
  const chunk = db.transaction((from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const t = start + Math.floor((i / MILLION) * 365 * 86_400_000)
      const visit = Math.floor(i / 20)
      const passport = codes[visit % PASSPORTS]!
      const session = visit % 3 === 0 ? sessions[Math.floor((i / MILLION) * sessions.length)]! : null
      const exhibit = exhibits[visit % exhibits.length]!
      const k = i % 20
      const type =
        k === 0
          ? 'exhibit-started'
          : k < 12
            ? 'step-completed'
            : k < 16
              ? 'answer-given'
              : k === 16
                ? 'step-mistake'
                : k === 17
                  ? 'exhibit-completed'
                  : k === 18
                    ? 'stamp-awarded'
                    : 'exhibit-exited'
      const correct = type === 'answer-given' ? (rnd() < 0.7 ? 1 : 0) : null
      const duration = type === 'exhibit-completed' ? 60_000 + Math.floor(rnd() * 600_000) : null
      const item = type === 'answer-given' ? `q-${k}` : type === 'stamp-awarded' ? 'stamp' : type.startsWith('step') ? `step-${k}` : null
      insert.run([uuidv7({ msecs: t }), t, dayOf(t), t, pick(stations), session, passport, exhibit, type, item, correct, duration, '{}'])
    }
  })
  for (let i = 0; i < MILLION; i += 100_000) chunk(i, i + 100_000)
  const genSeconds = (performance.now() - t0) / 1000
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.close()
  return { genSeconds: +genSeconds.toFixed(1), samplePassport: codes[12_345]! }
}

function time(fn: () => unknown, runs = 7) {
  fn() // warm the page cache and statement
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const s = performance.now()
    fn()
    ms.push(performance.now() - s)
  }
  ms.sort((a, b) => a - b)
  return { medianMs: +ms[Math.floor(runs / 2)]!.toFixed(2), maxMs: +ms[runs - 1]!.toFixed(2) }
}

export async function runServerBench(): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-bench-'))
  try {
    // Raw runs before and after the HTTP run: fsync cost on this disk drifts within a run.
    const rawBefore = rawIngest(join(dir, 'a'), 'FULL')
    const http = await httpIngest(dir)
    const rawAfter = rawIngest(join(dir, 'b'), 'FULL')
    const https = await httpIngest(dir, 'https')
    const httpAgain = await httpIngest(dir)
    const raw = { eventsPerSecond: Math.round((rawBefore.eventsPerSecond + rawAfter.eventsPerSecond) / 2), before: rawBefore, after: rawAfter }
    const rawNormal = rawIngest(dir, 'NORMAL')
    const path = join(dir, 'million.db')
    const gen = fillMillion(path)
    const sizeBytes = statSync(path).size + (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0)
    const db = openDatabase(path)
    const q = createQueries(db)
    const last30 = { from: '2026-04-01', to: '2026-04-30' }
    const queries = {
      byDay: time(() => q.byDay({})),
      byDayLast30: time(() => q.byDay(last30)),
      bySession: time(() => q.bySession({})),
      byExhibit: time(() => q.byExhibit({})),
      byExhibitLast30: time(() => q.byExhibit(last30)),
      quizItems: time(() => q.quizItems({})),
      passport: time(() => q.passport(gen.samplePassport)),
    }
    const rows = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
    const samplePassportEvents = db.prepare('SELECT COUNT(*) FROM events WHERE passport_id = ?').pluck().get(gen.samplePassport) as number
    const plan = (
      db.prepare('EXPLAIN QUERY PLAN SELECT exhibit_id FROM events WHERE passport_id = ? GROUP BY exhibit_id').all(gen.samplePassport) as { detail: string }[]
    ).map((r) => r.detail)
    db.close()
    // The public passport page end to end (routing, rate limit, lookup, per-exhibit stamps, serialisation), in process.
    const app = await buildApp(
      loadConfig({
        DB_PATH: path,
        EXHIBITS_DIRS: FIXTURES,
        STATIC_DIR: join(dir, 'none'),
        LOG_LEVEL: 'silent',
        PASSPORT_RATE_MAX: '1000000',
        RETENTION_DAYS: '3650',
      }),
    )
    const page = async () => {
      const s = performance.now()
      const res = await app.inject({ url: `/api/passports/${gen.samplePassport}` })
      if (res.statusCode !== 200) throw new Error(`passport page: ${res.statusCode} ${res.body}`)
      return performance.now() - s
    }
    await page()
    const pageMs: number[] = []
    for (let i = 0; i < 51; i++) pageMs.push(await page())
    pageMs.sort((a, b) => a - b)
    await app.close()
    const publicPassportPage = { events: samplePassportEvents, plan, medianMs: +pageMs[25]!.toFixed(2), maxMs: +pageMs[50]!.toFixed(2) }
    const result = {
      machine: { node: process.version, cpus: (await import('node:os')).cpus().length },
      ingest: {
        durability:
          "WAL, synchronous=FULL; raw: one transaction per batch of 50; http: the server's group commit (batches arriving during a commit share the next one)",
        http: { clients: CLIENTS, batch: BATCH, ...http },
        rawSqlite: raw,
        httpShareOfRaw: +(http.eventsPerSecond / raw.eventsPerSecond).toFixed(2),
        // HTTP, HTTPS, HTTP in turn: the ratio is HTTPS over the mean of the HTTP runs around it.
        https: { clients: CLIENTS, batch: BATCH, ...https },
        httpAgain: { clients: CLIENTS, batch: BATCH, ...httpAgain },
        httpsShareOfHttp: +((2 * https.eventsPerSecond) / (http.eventsPerSecond + httpAgain.eventsPerSecond)).toFixed(2),
        rawSqliteSynchronousNormalForReference: rawNormal,
      },
      million: {
        rows,
        generateSeconds: gen.genSeconds,
        dbSizeMiB: +(sizeBytes / 2 ** 20).toFixed(1),
        dbSizeMiBPerMillionEvents: +((sizeBytes / 2 ** 20) * (MILLION / rows)).toFixed(1),
        queries,
        publicPassportPage,
        slowestQueryMs: Math.max(...Object.values(queries).map((v) => v.maxMs)),
      },
    }
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
    writeFileSync(join(ROOT, 'bench/results/server.json'), `${JSON.stringify(result, null, 2)}\n`)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** `npx tsx bench/server-bench.ts transports`: ingest alone, HTTP and HTTPS taking turns (`rounds` each), for docs/https.md. */
export async function compareTransports(rounds = 3) {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-bench-'))
  const runs: Record<Transport, { eventsPerSecond: number; serverCpuMsPer1000Events: number | null }[]> = { http: [], https: [] }
  try {
    await httpIngest(dir, 'http', 3) // warm-up, not counted: the first server of a run pays for cold caches
    for (let i = 0; i < rounds; i++)
      for (const t of ['http', 'https'] as const) {
        const { eventsPerSecond, serverCpuMsPer1000Events } = await httpIngest(dir, t)
        runs[t].push({ eventsPerSecond, serverCpuMsPer1000Events })
      }
    return runs
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const t0 = performance.now()
  const transports = process.argv[2] === 'transports'
  const r = transports ? await compareTransports() : await runServerBench()
  console.log(JSON.stringify(r, null, 2))
  console.log(`total ${((performance.now() - t0) / 1000).toFixed(1)} s${transports ? '' : '; written to bench/results/server.json'}`)
}
