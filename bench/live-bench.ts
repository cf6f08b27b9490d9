/**
 * `npx tsx bench/live-bench.ts`: the guide console's live channel, measured on loopback
 * against the real server (a child process, so its memory is its own):
 *  - command latency guide → station: POST a command, time until the station's stream has it
 *    (100 commands, median and p95), with 200 stations connected;
 *  - 200 simulated stations' streams: the server's RSS before, with them open, and after
 *    broadcasting 20 commands to all of them (flat memory = the streams cost little each);
 *  - the guide console page's weight: the JS/CSS the page loads, gzip -9 (from the e2e build
 *    in dist-e2e, or dist/ when it exists).
 * Writes bench/results/live.json. Not a test: nothing here fails on a number.
 */
import { execFileSync, spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import Database from 'better-sqlite3'
import { createToken, hashToken } from '../src/server/auth/secrets.ts'
import { launchChromium } from '../tests/e2e/chromium.ts'
import { openStream } from '../tests/server/sse-client.ts'

const STATIONS = 200
const COMMANDS = 100
const GUIDE = { name: 'bench-guide', password: 'bench-password-1' }
const staticDir = existsSync('dist/index.html') ? 'dist' : 'dist-e2e'
const port = 18_000 + Math.floor(Math.random() * 1000)
const url = `http://127.0.0.1:${port}`
const dbPath = join(mkdtempSync(join(tmpdir(), 'sophora-live-bench-')), 'bench.db')
const env = {
  ...process.env,
  PORT: String(port),
  HOST: '127.0.0.1',
  DB_PATH: dbPath,
  STATIC_DIR: staticDir,
  LOG_LEVEL: 'warn',
  INGEST_RATE_MAX: '100000',
  TLS: 'off',
  STATION_OPEN_ENROLL: '1',
}

execFileSync(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'create-user', '--name', GUIDE.name, '--role', 'guide'], {
  env: { ...env, SOPHORA_PASSWORD: GUIDE.password },
})
// 200 stations enrolled straight into the database (enrolment is rate-limited per address, as it should be).
const stations: { stationId: string; token: string }[] = Array.from({ length: STATIONS }, () => ({
  stationId: crypto.randomUUID(),
  token: createToken('station'),
}))
{
  const db = new Database(dbPath)
  const insert = db.prepare('INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)')
  stations.forEach((s, i) => insert.run(s.stationId, `s${i}`, hashToken(s.token), Date.now()))
  db.close()
}
const server = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], { env, stdio: 'inherit' })
const rssMB = () => Math.round(Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 102.4) / 10
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))
const post = async (path: string, body: unknown, token?: string) => {
  const r = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`)
  return r.status === 204 ? null : ((await r.json()) as Record<string, unknown>)
}
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!

try {
  for (let i = 0; ; i++) {
    if ((await fetch(`${url}/api/health`).catch(() => null))?.ok) break
    if (i > 200) throw new Error('server did not start')
    await sleep(100)
  }
  const { token } = (await post('/api/auth/login', GUIDE)) as { token: string }
  for (const s of stations)
    await post('/api/station/state', { showing: null, inRun: false, passport: null, outbox: 0, held: false, waiting: null, cursor: 0 }, s.token)
  const session = (await post(
    '/api/class-sessions',
    { requestId: crypto.randomUUID(), school: 'bench', grade: 'g', className: 'c', headcount: 40, exhibits: ['fire-escape'], stations: [] },
    token,
  )) as { sessionId: string }
  for (const s of stations) await post(`/api/class-sessions/${session.sessionId}/stations`, { stationId: s.stationId }, token)
  await sleep(1000)
  const rssBefore = rssMB()

  const streams = await Promise.all(stations.map((s) => openStream(`${url}/api/station/stream`, s.token)))
  for (const st of streams) {
    await st.next('hello', 30_000)
    await st.next('command', 30_000) // join
  }
  await sleep(2000)
  const rssOpen = rssMB()
  const broadcast = async (n: number) => {
    for (let i = 0; i < n; i++) {
      await post(`/api/class-sessions/${session.sessionId}/commands`, { requestId: crypto.randomUUID(), command: { type: i % 2 ? 'resume' : 'pause' } }, token)
      for (const st of streams) await st.next('command', 30_000)
    }
  }
  await broadcast(20)
  await sleep(2000)
  const rssAfter = rssMB()

  const target = stations[0]!
  const latencies: number[] = []
  for (let i = 0; i < COMMANDS; i++) {
    const t0 = performance.now()
    await post(
      `/api/class-sessions/${session.sessionId}/commands`,
      { requestId: crypto.randomUUID(), command: { type: 'lobby' }, stations: [target.stationId] },
      token,
    )
    await streams[0]!.next('command', 10_000)
    latencies.push(performance.now() - t0)
  }
  for (const st of streams) st.close()

  // The console page's weight, as a tablet loads it (signed in, stations listed).
  const browser = await launchChromium()
  const page = await browser.newPage()
  const files = new Set<string>()
  page.on('request', (r) => {
    const u = new URL(r.url())
    if (u.pathname.startsWith('/assets/') && /\.(js|css)$/.test(u.pathname)) files.add(u.pathname)
  })
  await page.goto(`${url}/guide/console`)
  await page.fill('[data-testid="guide-name"]', GUIDE.name)
  await page.fill('[data-testid="guide-password"]', GUIDE.password)
  await page.click('[data-testid="guide-signin-submit"]')
  await page.waitForSelector('[data-testid="stations"]')
  await page.waitForLoadState('networkidle')
  await browser.close()
  const gz = [...files].map((f) => gzipSync(readFileSync(join(staticDir, f)), { level: 9 }).length)
  const result = {
    loopback: true,
    stations: STATIONS,
    latencyMs: { median: Math.round(pct(latencies, 50) * 10) / 10, p95: Math.round(pct(latencies, 95) * 10) / 10, n: latencies.length },
    serverRssMB: { before: rssBefore, with200Streams: rssOpen, after20Broadcasts: rssAfter },
    consolePage: { build: staticDir, files: files.size, gzipKB: Math.round(gz.reduce((a, b) => a + b, 0) / 102.4) / 10 },
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync('bench/results/live.json', `${JSON.stringify(result, null, 2)}\n`)
  console.log(JSON.stringify(result, null, 2))
} finally {
  server.kill('SIGTERM')
}
