/**
 * The district dashboard's queries over running totals the size N events would leave
 * (`npx tsx bench/district-dashboard-bench.ts`, also part of `npm run bench -- district`).
 * The totals are generated directly (generate_series), not by ingesting N events: the views
 * read only the totals, and ingest is measured on its own. The model, per N events: plays
 * of ~10 events each (start, 0.7 completion, 4 steps, 1 wrong pick, 3 answers, stamps);
 * 20 centers, 365 days, 24 exhibits of 5 steps and 3 quiz questions; 60 % of plays with a
 * passport, a student playing 3 exhibits a day. Tables keyed by (center, day, exhibit, …)
 * saturate early, so from 10 M on only the distinct-student tables (exhibit_visitors,
 * daily_visitors) grow with N: BENCH_DASHBOARD_EVENTS=100000000 generates those at 100 M.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DistrictFilter, DistrictView } from '../src/core/district.ts'
import { createTitles } from '../src/server/dashboard/views.ts'
import { openPool, runDistrictMigrations } from '../src/server/district/database.ts'
import type { Pool } from '../src/server/district/database.ts'
import { buildDistrictView } from '../src/server/district/dashboard-views.ts'
import { districtYearlyReport } from '../src/server/district/yearly-report.ts'
import { createExhibitTexts } from '../src/server/exhibit-texts.ts'
import { findPgBin, startPgCluster } from '../tests/district/pg-cluster.ts'

const CENTERS = 20,
  DAYS = 365,
  EXHIBITS = 24

export async function generateTotals(pool: Pool, events: number): Promise<Record<string, number>> {
  const plays = events / 10
  const perCombo = plays / (CENTERS * DAYS * EXHIBITS)
  const students = Math.max(1, Math.round((perCombo * 0.6 * EXHIBITS) / 3)) // distinct passports per center and day
  const combos = `SELECT 'c-' || lpad(c::text, 2, '0') AS center_id, date '2026-01-01' + d AS day, 'exhibit-' || x AS exhibit_id
    FROM generate_series(1, ${CENTERS}) c, generate_series(0, ${DAYS - 1}) d, generate_series(1, ${EXHIBITS}) x`
  const n = (f: number) => `greatest(1, round(${perCombo * f} * (0.5 + random())))::bigint`
  await pool.query(
    `INSERT INTO centers (id, name, secret_hash) SELECT 'c-' || lpad(c::text, 2, '0'), 'Center ' || c, md5(c::text) FROM generate_series(1, ${CENTERS}) c`,
  )
  const steps: [string, string][] = [
    [
      'daily_counts',
      `SELECT k.*, t::event_type, ${n(1)} FROM (${combos}) k, unnest(array['exhibit-started', 'exhibit-completed', 'step-completed', 'step-mistake', 'answer-given', 'stamp-awarded', 'exhibit-crashed']) t`,
    ],
    ['start_counts', `SELECT k.*, ${n(0.4)}, ${n(0.1)} FROM (${combos}) k`],
    ['duration_counts', `SELECT k.*, s, ${n(0.2)} FROM (${combos}) k, generate_series(60, 240, 60) s`],
    [
      'item_counts',
      `SELECT k.*, 'step', 's' || i, ${n(1)}, ${n(0.25)} FROM (${combos}) k, generate_series(1, 5) i UNION ALL SELECT k.*, 'quiz', 'q' || i, ${n(1)}, ${n(0.3)} FROM (${combos}) k, generate_series(1, 3) i`,
    ],
    ['wrong_choices', `SELECT k.*, 'quiz', 'q' || i, 'c' || w, ${n(0.15)} FROM (${combos}) k, generate_series(1, 3) i, generate_series(1, 2) w`],
    [
      'daily_visitors',
      `SELECT 'c-' || lpad(c::text, 2, '0'), date '2026-01-01' + d, 'P' || p FROM generate_series(1, ${CENTERS}) c, generate_series(0, ${DAYS - 1}) d, generate_series(1, ${students}) p`,
    ],
    [
      'exhibit_visitors',
      `SELECT v.center_id, v.day, 'exhibit-' || (1 + (abs(hashtext(v.passport_id || e)) % ${EXHIBITS})), v.passport_id FROM daily_visitors v, generate_series(1, 3) e ON CONFLICT DO NOTHING`,
    ],
  ]
  const rows: Record<string, number> = {}
  for (const [table, select] of steps) rows[table] = (await pool.query(`INSERT INTO ${table} ${select}`)).rowCount ?? 0
  await pool.query('ANALYZE')
  return rows
}

const time = async (f: () => Promise<unknown>, runs = 5) => {
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await f()
    ms.push(performance.now() - t)
  }
  return Math.round(ms.sort((a, b) => a - b)[Math.floor(runs / 2)]! * 10) / 10
}

export async function runDashboardBench(events = Number(process.env.BENCH_DASHBOARD_EVENTS ?? 10_000_000)) {
  const bin = findPgBin()
  if (!bin) return { skipped: 'PostgreSQL not installed' }
  const cluster = startPgCluster(bin)
  const pool = openPool(cluster.url, 2)
  try {
    await runDistrictMigrations(pool)
    const t0 = performance.now()
    const rows = await generateTotals(pool, events)
    const generateS = Math.round((performance.now() - t0) / 100) / 10
    const dirs = [resolve(dirname(fileURLToPath(import.meta.url)), '../exhibits')]
    const deps = { pool, texts: createExhibitTexts(dirs), title: createTitles(dirs) }
    const filters: Record<string, DistrictFilter> = {
      year: { bucket: 'month' },
      'year by day': { bucket: 'day' },
      'one center, one month': { center: 'c-07', from: '2026-05-01', to: '2026-05-31' },
    }
    const medianMs: Record<string, Record<string, number>> = {}
    for (const [name, f] of Object.entries(filters)) {
      medianMs[name] = {}
      for (const v of ['visits', 'exhibits', 'misconceptions', 'trend', 'centers'] as DistrictView[])
        medianMs[name][v] = await time(() => buildDistrictView(deps, v, f, 'zh-CN'))
    }
    const report = await time(() => districtYearlyReport(pool, 2026))
    return { events, totalsRows: rows, generateS, medianMs, yearlyReportMs: report, loadAverage1m: loadavg()[0] }
  } finally {
    await pool.end()
    cluster.stop()
  }
}

/** Runs the bench and writes bench/results/district-dashboard.json. */
export async function runAndSaveDashboardBench() {
  const result = { when: new Date().toISOString(), node: process.version, ...(await runDashboardBench()) }
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(resolve(dir, 'district-dashboard.json'), JSON.stringify(result, null, 2) + '\n')
  return result
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await runAndSaveDashboardBench(), null, 2))
