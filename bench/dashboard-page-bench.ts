/**
 * Time from opening /admin/dashboard to every chart drawn, in Chromium against the real server,
 * on a seeded year: `SOPHORA_DASH_BENCH_DB=year.db npx tsx bench/dashboard-page-bench.ts`
 * (the database `npm run bench -- dashboard` or `npm run seed -- --year 2026 --scale 1.6234` made; it is
 * copied, not changed). Serves dist-e2e by default (any e2e run makes it; it also loads the test
 * bridge); SOPHORA_DASH_PAGE_BUILDS=after=dist times the production build. Prints the times and
 * writes them (SOPHORA_DASH_PAGE_OUT, default bench/results/dashboard-page.json); a bench, not
 * a timed test. SOPHORA_DASH_PAGE_BUILDS=before=/tmp/dist-old,after=dist compares builds in one run:
 * a server per build on the same database, their runs taking turns (the load changes less
 * between two neighbouring runs than between two runs minutes apart).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createUser } from '../src/server/auth/users.ts'
import { openDatabase } from '../src/server/db/database.ts'
import { launch, startServer, type RunningServer } from '../tests/e2e/harness.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const VIEWS = ['visits', 'passports', 'exhibits', 'misconceptions', 'trend', 'activities']
/**
 * Where each run's time went, from the page's own Resource Timing (ms since navigation start):
 * [first request start, last response end] of the shell's scripts, the dashboard chunk, ECharts,
 * the six views and the filter options; `drawn` is when this was read (just after every chart).
 */
const PHASES = `(() => {
  const r = performance.getEntriesByType('resource')
  const span = (re) => {
    const es = r.filter((e) => re.test(e.name))
    return es.length ? [Math.round(Math.min(...es.map((e) => e.startTime))), Math.round(Math.max(...es.map((e) => e.responseEnd)))] : null
  }
  return {
    html: Math.round(performance.getEntriesByType('navigation')[0].responseEnd),
    shell: span(/\\/assets\\/(index|vendor-react|rolldown-runtime)-[^/]*\\.js$/),
    dashboardChunk: span(/\\/assets\\/dashboard-page-[^/]*\\.js$/),
    echarts: span(/\\/assets\\/echarts-setup-[^/]*\\.js$/),
    views: span(/\\/api\\/dashboard\\/views\\//),
    options: span(/\\/api\\/dashboard\\/options/),
    drawn: Math.round(performance.now()),
  }
})()`
/**
 * CPU, not wall: on the shared 2-core machine (load 10–20) wall time is mostly waiting for a
 * core. The renderer's CPU (CDP Performance metrics: ProcessTime, the renderer process, which
 * the bench's same-site pages share, the others idle meanwhile; the main thread's script,
 * layout and style time, and TaskDuration, its busy wall time) and the server process's
 * (/proc, Linux only). ThreadTime is left out: it went backwards across navigations.
 */
const METRICS = ['ProcessTime', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'TaskDuration'] as const
type Cdp = { send(method: string, params?: object): Promise<unknown> }
async function metrics(cdp: Cdp): Promise<Record<string, number>> {
  const r = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
  return Object.fromEntries(r.metrics.filter((m) => (METRICS as readonly string[]).includes(m.name)).map((m) => [m.name, m.value]))
}
const TICK_MS = 10 // USER_HZ 100
function serverCpuMs(pid: number | undefined): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(f[11]) + Number(f[12])) * TICK_MS // utime, stime
}

const source = process.env.SOPHORA_DASH_BENCH_DB
if (!source) throw new Error('set SOPHORA_DASH_BENCH_DB to a seeded year (npm run bench -- dashboard keeps one)')
const dir = mkdtempSync(join(tmpdir(), 'sophora-dash-page-'))
const dbPath = join(dir, 'year.db')
copyFileSync(source, dbPath)
const db = openDatabase(dbPath)
const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
await createUser(db, 'bench-admin', 'admin', 'bench-password-1')
db.close()

const builds = (process.env.SOPHORA_DASH_PAGE_BUILDS ?? 'current=dist-e2e').split(',').map((b) => {
  const [name, path] = b.split('=') as [string, string]
  return { name, path: resolve(ROOT, path) }
})
const ranges = [
  ['year', '?from=2026-01-01&to=2026-12-31'],
  ['spring', '?from=2026-03-10&to=2026-05-20'],
  ['year', '?from=2026-01-01&to=2026-12-31'],
  ['spring', '?from=2026-03-10&to=2026-05-20'],
  ['year', '?from=2026-01-01&to=2026-12-31'],
] as const

const servers: RunningServer[] = []
const browser = await launch({ width: 1100, height: 900 })
try {
  const pages = []
  for (const b of builds) {
    const server = await startServer({ dbPath, env: { STATIC_DIR: b.path } })
    servers.push(server)
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/admin/dashboard`)
    await page.fill('[data-testid="guide-name"]', 'bench-admin')
    await page.fill('[data-testid="guide-password"]', 'bench-password-1')
    await page.click('[data-testid="guide-signin-submit"]')
    await page.waitForSelector('[data-testid="dashboard"][data-status="ready"]')
    const cdp = await browser.context.newCDPSession(page)
    await cdp.send('Performance.enable')
    pages.push({ build: b.name, url: server.url, pid: server.proc.pid, page, cdp })
  }
  const runs: { build: string; label: string; cache: 'warm' | 'cold'; ms: number; cpuMs: Record<string, number>; phases: unknown }[] = []
  // Warm: the app's files in the HTTP cache (a guide reopening the page); cold: the cache
  // emptied first (the first visit after a new build): every chunk comes over the network.
  for (const cache of ['warm', 'cold'] as const)
    for (const [label, q] of ranges)
      for (const { build, url, pid, page, cdp } of pages) {
        if (cache === 'cold') await cdp.send('Network.clearBrowserCache')
        const [m0, s0] = [await metrics(cdp), serverCpuMs(pid)]
        const start = Date.now()
        await page.goto(`${url}/admin/dashboard${q}`)
        for (const v of VIEWS) await page.waitForSelector(`[data-testid="view-${v}"][data-status="ready"]`, { timeout: 120_000 })
        // Every view that has rows draws a chart: wait until none is still loading. A selector, not
        // a function: the page's CSP forbids eval, and tsx would put a helper (__name) into its copy.
        await page.waitForSelector('[data-testid="chart"]:not([data-status="ready"])', { state: 'detached', timeout: 120_000 })
        const ms = Date.now() - start
        const [m1, s1] = [await metrics(cdp), serverCpuMs(pid)]
        // ProcessTime counts on across a same-site navigation (one renderer); the *Duration ones are the new document's own.
        const cpuMs = Object.fromEntries(METRICS.map((k) => [k, Math.round(((m1[k] ?? 0) - (/Time$/.test(k) ? (m0[k] ?? 0) : 0)) * 1000)]))
        runs.push({ build, label, cache, ms, cpuMs: { ...cpuMs, server: s1 - s0 }, phases: await page.evaluate(PHASES) })
      }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
  const summary = Object.fromEntries(
    builds.flatMap(({ name }) =>
      (['warm', 'cold'] as const).map((cache) => {
        const mine = runs.filter((r) => r.build === name && r.cache === cache)
        const ms = mine.map((r) => r.ms)
        const cpu = Object.fromEntries(Object.keys(mine[0]!.cpuMs).map((k) => [k, med(mine.map((r) => r.cpuMs[k]!))]))
        return [`${name} ${cache}`, { medianMs: med(ms), minMs: Math.min(...ms), maxMs: Math.max(...ms), cpuMedianMs: cpu }]
      }),
    ),
  )
  const result = {
    events,
    summary,
    runs,
    loadAverage: loadavg()
      .map((x) => x.toFixed(1))
      .join(' / '),
    errors: browser.errors,
  }
  writeFileSync(resolve(ROOT, process.env.SOPHORA_DASH_PAGE_OUT ?? 'bench/results/dashboard-page.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log(JSON.stringify(result, null, 2))
} finally {
  await browser.close()
  for (const s of servers) await s.stop()
  rmSync(dir, { recursive: true, force: true })
}
