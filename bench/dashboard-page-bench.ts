/**
 * Time from opening /admin/dashboard to every chart drawn, in Chromium against the real server,
 * on a seeded year: `SOPHORA_DASH_BENCH_DB=year.db npx tsx bench/dashboard-page-bench.ts`
 * (the database `npm run bench -- dashboard` kept; it is copied, not changed). Needs the e2e
 * build (dist-e2e: any e2e run makes it). Prints the times; a bench, not a timed test.
 * SOPHORA_DASH_PAGE_BUILDS=before=/tmp/dist-old,after=dist-e2e compares builds in one run:
 * a server per build on the same database, their runs taking turns (the load changes less
 * between two neighbouring runs than between two runs minutes apart).
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
    pages.push({ build: b.name, url: server.url, page, cdp: await browser.context.newCDPSession(page) })
  }
  const runs: { build: string; label: string; cache: 'warm' | 'cold'; ms: number; phases: unknown }[] = []
  // Warm: the app's files in the HTTP cache (a guide reopening the page); cold: the cache
  // emptied first (the first visit after a new build): every chunk comes over the network.
  for (const cache of ['warm', 'cold'] as const)
    for (const [label, q] of ranges)
      for (const { build, url, page, cdp } of pages) {
        if (cache === 'cold') await cdp.send('Network.clearBrowserCache')
        const start = Date.now()
        await page.goto(`${url}/admin/dashboard${q}`)
        for (const v of VIEWS) await page.waitForSelector(`[data-testid="view-${v}"][data-status="ready"]`, { timeout: 120_000 })
        // Every view that has rows draws a chart: wait until none is still loading. A selector, not
        // a function: the page's CSP forbids eval, and tsx would put a helper (__name) into its copy.
        await page.waitForSelector('[data-testid="chart"]:not([data-status="ready"])', { state: 'detached', timeout: 120_000 })
        runs.push({ build, label, cache, ms: Date.now() - start, phases: await page.evaluate(PHASES) })
      }
  const summary = Object.fromEntries(
    builds.flatMap(({ name }) =>
      (['warm', 'cold'] as const).map((cache) => {
        const ms = runs.filter((r) => r.build === name && r.cache === cache).map((r) => r.ms)
        return [`${name} ${cache}`, { medianMs: [...ms].sort((a, b) => a - b)[Math.floor(ms.length / 2)], minMs: Math.min(...ms), maxMs: Math.max(...ms) }]
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
