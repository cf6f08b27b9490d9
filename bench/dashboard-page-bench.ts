/**
 * Time from opening /admin/dashboard to every chart drawn, in Chromium against the real server,
 * on a seeded year: `SOPHORA_DASH_BENCH_DB=year.db npx tsx bench/dashboard-page-bench.ts`
 * (the database `npm run bench -- dashboard` kept; it is copied, not changed). Needs the e2e
 * build (dist-e2e: any e2e run makes it). Prints the times; a bench, not a timed test.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createUser } from '../src/server/auth/users.ts'
import { openDatabase } from '../src/server/db/database.ts'
import { launch, startServer } from '../tests/e2e/harness.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const VIEWS = ['visits', 'passports', 'exhibits', 'misconceptions', 'trend', 'activities']
const source = process.env.SOPHORA_DASH_BENCH_DB
if (!source) throw new Error('set SOPHORA_DASH_BENCH_DB to a seeded year (npm run bench -- dashboard keeps one)')
const dir = mkdtempSync(join(tmpdir(), 'sophora-dash-page-'))
const dbPath = join(dir, 'year.db')
copyFileSync(source, dbPath)
const db = openDatabase(dbPath)
const events = db.prepare('SELECT COUNT(*) FROM events').pluck().get() as number
await createUser(db, 'bench-admin', 'admin', 'bench-password-1')
db.close()

const [server, browser] = await Promise.all([startServer({ dbPath }), launch({ width: 1100, height: 900 })])
try {
  const { page } = browser
  await page.goto(`${server.url}/admin/dashboard`)
  await page.fill('[data-testid="guide-name"]', 'bench-admin')
  await page.fill('[data-testid="guide-password"]', 'bench-password-1')
  await page.click('[data-testid="guide-signin-submit"]')
  await page.waitForSelector('[data-testid="dashboard"][data-status="ready"]')
  const runs: { label: string; ms: number }[] = []
  const ranges = [
    ['year', '?from=2026-01-01&to=2026-12-31'],
    ['spring', '?from=2026-03-10&to=2026-05-20'],
    ['year', '?from=2026-01-01&to=2026-12-31'],
    ['spring', '?from=2026-03-10&to=2026-05-20'],
    ['year', '?from=2026-01-01&to=2026-12-31'],
  ] as const
  for (const [label, q] of ranges) {
    const start = Date.now()
    await page.goto(`${server.url}/admin/dashboard${q}`)
    for (const v of VIEWS) await page.waitForSelector(`[data-testid="view-${v}"][data-status="ready"]`, { timeout: 120_000 })
    // Every view that has rows draws a chart: wait until none is still loading.
    // A string, not a function: tsx's transform would put a helper (__name) into the page's copy.
    await page.waitForFunction(`[...document.querySelectorAll('[data-testid="chart"]')].every((c) => c.getAttribute('data-status') === 'ready')`, undefined, {
      timeout: 120_000,
    })
    runs.push({ label, ms: Date.now() - start })
  }
  const result = {
    events,
    runs,
    loadAverage: loadavg()
      .map((x) => x.toFixed(1))
      .join(' / '),
    errors: browser.errors,
  }
  writeFileSync(join(ROOT, 'bench/results/dashboard-page.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log(JSON.stringify(result, null, 2))
} finally {
  await browser.close()
  await server.stop()
  rmSync(dir, { recursive: true, force: true })
}
