/**
 * How students over ranges across years scale with the events: only the student tables
 * the dashboard bench generates (daily_visitors, exhibit_visitors: its model, a student
 * coming about 4 times a year), 007's back-fill (visitor_history) and 008's (the counts of
 * consecutive days, timed on its own), at 1 M, 10 M and 100 M events (BENCH_SCALE_EVENTS),
 * then the dashboard's students query (dashboard-queries.ts: the pair counts, 008) and the
 * one it replaced (visitor_history's rows, 007), per center and per exhibit, CPU ms of this
 * process and PostgreSQL per run as in district-dashboard-bench.ts; both must give the same
 * counts. The other totals a view reads are keyed by center, period and exhibit and do not
 * grow with the events (see that bench).
 * `BENCH_DASHBOARD_DAYS=730 npx tsx bench/district-students-scale.ts` (2025 and 2026)
 * writes bench/results/district-students-scale.json; with BENCH_STUDENTS=random (students
 * at random gaps, the pair tables' worst case) district-students-scale-random.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openPool, runDistrictMigrations } from '../src/server/district/database.ts'
import { studentsOver } from '../src/server/district/dashboard-queries.ts'
import type { Span } from '../src/server/district/dashboard-range.ts'
import { findPgBin, startPgCluster } from '../tests/district/pg-cluster.ts'
import { DAYS, RANDOM_STUDENTS, backfill007, backfill008, historyAcrossYears, insertCenters, time, visitorSteps } from './district-dashboard-bench.ts'

const SPANS: Record<string, Span> = {
  'whole months (2025-10 to 2026-03)': { lo: '2025-10-01', hi: '2026-03-31' },
  'edge days (2025-11-15 to 2026-08-20)': { lo: '2025-11-15', hi: '2026-08-20' },
  'all data (counters)': { lo: '2025-01-01', hi: '2026-12-31', all: true },
  // Within one year (visitor_days' rows before the pairs served these too):
  'a quarter (2026-04 to 2026-06)': { lo: '2026-04-01', hi: '2026-06-30' },
  'a year but its first day (2026-01-02 to 2026-12-31)': { lo: '2026-01-02', hi: '2026-12-31' },
  'ten days (2026-05-10 to 2026-05-20)': { lo: '2026-05-10', hi: '2026-05-20' },
}

const PAIRS = ['visitor_pair_months', 'visitor_pair_ends', 'visitor_pair_starts', 'visitor_pair_days']

const bin = findPgBin()
if (!bin) throw new Error('PostgreSQL not installed')
const cluster = startPgCluster(bin)
const pool = openPool(cluster.url, 2)
const results: Record<string, unknown>[] = []
try {
  await runDistrictMigrations(pool)
  await insertCenters(pool)
  for (const events of (process.env.BENCH_SCALE_EVENTS ?? '1000000,10000000,100000000').split(',').map(Number)) {
    await pool.query(`TRUNCATE daily_visitors, exhibit_visitors, visitor_history, visitor_counts, ${PAIRS.join(', ')}`)
    const t0 = performance.now()
    for (const [table, select] of visitorSteps(events)) await pool.query(`INSERT INTO ${table} ${select}`)
    await backfill007(pool)
    await pool.query('VACUUM ANALYZE visitor_history')
    const t1 = performance.now()
    await backfill008(pool)
    const backfill008S = Math.round(performance.now() - t1) / 1000
    await pool.query('VACUUM ANALYZE')
    const generateS = Math.round(performance.now() - t0) / 1000
    const size = async (t: string) =>
      (await pool.query<{ rows: string; bytes: string }>(`SELECT (SELECT count(*) FROM ${t}) AS rows, pg_total_relation_size('${t}') AS bytes`)).rows[0]!
    const tables: Record<string, { rows: number; bytes: number }> = {}
    for (const t of ['exhibit_visitors', 'visitor_history', ...PAIRS]) {
      const { rows, bytes } = await size(t)
      tables[t] = { rows: Number(rows), bytes: Number(bytes) }
    }
    const ms: Record<string, unknown> = {}
    for (const [name, s] of Object.entries(SPANS))
      for (const key of ['center_id', 'exhibit_id'] as const) {
        const counts = async (sql: string) =>
          JSON.stringify((await pool.query(`${sql} ORDER BY 1`, [null, null])).rows.map((r) => [r[key], Number(r.students)]))
        const pairs = studentsOver(s, key)
        if (!s.all && (await counts(pairs)) !== (await counts(`SELECT * FROM (${historyAcrossYears(s, key)}) x`)))
          throw new Error(`pairs and visitor_history disagree: ${name}, ${key}`)
        ms[`${name}, per ${key}`] = await time(() => pool.query(pairs, [null, null]), cluster.pid())
        if (!s.all) ms[`${name}, per ${key}: visitor_history (007)`] = await time(() => pool.query(historyAcrossYears(s, key), [null, null]), cluster.pid())
      }
    const row = {
      events,
      days: DAYS,
      tables,
      pairBytesPerMillionEvents: Math.round(PAIRS.reduce((sum, t) => sum + tables[t]!.bytes, 0) / (events / 1e6)),
      generateS,
      backfill008S,
      ms,
      loadAverage1m: loadavg()[0],
    }
    console.log(JSON.stringify(row))
    results.push(row)
  }
} finally {
  await pool.end()
  cluster.stop()
}
const dir = resolve(dirname(fileURLToPath(import.meta.url)), 'results')
mkdirSync(dir, { recursive: true })
writeFileSync(
  resolve(dir, RANDOM_STUDENTS ? 'district-students-scale-random.json' : 'district-students-scale.json'),
  JSON.stringify({ when: new Date().toISOString(), node: process.version, runs: 15, students: RANDOM_STUDENTS ? 'random' : 'periodic', results }, null, 2) +
    '\n',
)
