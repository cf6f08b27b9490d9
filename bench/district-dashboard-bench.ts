/**
 * The district dashboard's queries over running totals the size N events would leave
 * (`npx tsx bench/district-dashboard-bench.ts`, also part of `npm run bench -- district`).
 * The totals are generated directly (generate_series), not by ingesting N events: the views
 * read only the totals, and ingest is measured on its own. The model, per N events: plays
 * of ~10 events each (start, 0.7 completion, 4 steps, 1 wrong pick, 3 answers, stamps);
 * 20 centers, 365 days (BENCH_DASHBOARD_DAYS, ending 2026-12-31: 730 spreads them over
 * 2025 and 2026, for ranges across years), 24 exhibits of 5 steps and 3 quiz questions;
 * 60 % of plays with a passport, a student playing 3 exhibits a visit (always the same 3)
 * and coming back about 4 times a year
 * (each center's students drawn from a pool of days × students a day / 4). Tables keyed by
 * (center, day, exhibit, …) saturate early, so from 10 M on only the distinct-student tables
 * (exhibit_visitors, daily_visitors and the sets and counters built from them) grow with N:
 * BENCH_DASHBOARD_EVENTS=100000000 generates those at 100 M. The monthly totals, center
 * days and student sets and counters (migration 005), visitor_history (007) and the counts
 * of consecutive days (008) are built from the daily tables by those migrations' own
 * back-fill statements, which the district tests check against the inserts. bench/district-students-scale.ts generates only the
 * student tables, up to 100 M.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { DistrictFilter, DistrictView } from '../src/core/district.ts'
import { createTitles } from '../src/server/dashboard/views.ts'
import { DISTRICT_MIGRATIONS_DIR, openPool, runDistrictMigrations } from '../src/server/district/database.ts'
import type { Pool } from '../src/server/district/database.ts'
import { buildDistrictView } from '../src/server/district/dashboard-views.ts'
import { spanOf, studentsOver } from '../src/server/district/dashboard-queries.ts'
import { sqlDay, yearsMonthsDays } from '../src/server/district/dashboard-range.ts'
import type { Range, Span } from '../src/server/district/dashboard-range.ts'
import { districtYearlyReport } from '../src/server/district/yearly-report.ts'
import { createExhibitTexts } from '../src/server/exhibit-texts.ts'
import { findPgBin, startPgCluster } from '../tests/district/pg-cluster.ts'

const CENTERS = 20,
  EXHIBITS = 24
// BENCH_DASHBOARD_DAYS=730 spreads the same events over 2025 and 2026, for ranges across years.
export const DAYS = Number(process.env.BENCH_DASHBOARD_DAYS ?? 365)
const FIRST_DAY = new Date(Date.parse('2026-12-31T00:00:00Z') - (DAYS - 1) * 86_400_000).toISOString().slice(0, 10)

/**
 * BENCH_STUDENTS=random: the student of each place of a center's day drawn at random from
 * its cohort, so a student's days lie at random gaps. By default place p of day d is
 * student (d × students + p) × 7919 mod cohort: each comes back every cohort / students
 * days exactly (half a year with 730 days), so few pairs of months ever hold a student's
 * consecutive days (migration 008's tables stay sparse).
 */
export const RANDOM_STUDENTS = process.env.BENCH_STUDENTS === 'random'
/** The passports per center and day, and the per-day sets the student tables are built from (each student plays the same 3 exhibits). */
export function visitorSteps(events: number): [string, string][] {
  const perCombo = events / 10 / (CENTERS * DAYS * EXHIBITS)
  const students = Math.max(1, Math.round((perCombo * 0.6 * EXHIBITS) / 3)) // distinct passports per center and day
  const cohort = Math.max(students, Math.round((students * DAYS) / 4)) // each center's students
  const place = `d::bigint * ${students} + p`
  const student = RANDOM_STUDENTS ? `abs(hashint8(${place} * ${CENTERS} + c)) % ${cohort}` : `(${place}) * 7919 % ${cohort}`
  return [
    [
      'daily_visitors',
      `SELECT 'c-' || lpad(c::text, 2, '0'), date '${FIRST_DAY}' + d, 'P' || ${student}
      FROM generate_series(1, ${CENTERS}) c, generate_series(0, ${DAYS - 1}) d, generate_series(1, ${students}) p ON CONFLICT DO NOTHING`,
    ],
    [
      'exhibit_visitors',
      `SELECT v.center_id, v.day, 'exhibit-' || (1 + (abs(hashtext(v.passport_id || e)) % ${EXHIBITS})), v.passport_id FROM daily_visitors v, generate_series(1, 3) e ON CONFLICT DO NOTHING`,
    ],
  ]
}
export const insertCenters = (pool: Pool) =>
  pool.query(
    `INSERT INTO centers (id, name, secret_hash) SELECT 'c-' || lpad(c::text, 2, '0'), 'Center ' || c, md5(c::text) FROM generate_series(1, ${CENTERS}) c`,
  )
/** A migration's back-fill: its statements from the comment that starts them on. */
async function backfill(pool: Pool, prefix: string, from: string): Promise<void> {
  const file = readdirSync(DISTRICT_MIGRATIONS_DIR).find((f) => f.startsWith(prefix))!
  const sql = readFileSync(`${DISTRICT_MIGRATIONS_DIR}/${file}`, 'utf8')
  await pool.query(sql.slice(sql.indexOf(from)))
}
/** Migration 007's back-fill (visitor_history and its all-time counters) over the daily sets. */
export const backfill007 = (pool: Pool) => backfill(pool, '007-', '-- The existing students')
/** Migration 008's back-fill (the counts of consecutive days) from visitor_history. */
export const backfill008 = (pool: Pool) => backfill(pool, '008-', "-- The existing students' pairs")

export async function generateTotals(pool: Pool, events: number): Promise<Record<string, number>> {
  const perCombo = events / 10 / (CENTERS * DAYS * EXHIBITS)
  const combos = `SELECT 'c-' || lpad(c::text, 2, '0') AS center_id, date '${FIRST_DAY}' + d AS day, 'exhibit-' || x AS exhibit_id
    FROM generate_series(1, ${CENTERS}) c, generate_series(0, ${DAYS - 1}) d, generate_series(1, ${EXHIBITS}) x`
  const n = (f: number) => `greatest(1, round(${perCombo * f} * (0.5 + random())))::bigint`
  await insertCenters(pool)
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
    ...visitorSteps(events),
  ]
  const rows: Record<string, number> = {}
  for (const [table, select] of steps) rows[table] = (await pool.query(`INSERT INTO ${table} ${select}`)).rowCount ?? 0
  const file = readdirSync(DISTRICT_MIGRATIONS_DIR).find((f) => f.startsWith('005-'))!
  const sql = readFileSync(`${DISTRICT_MIGRATIONS_DIR}/${file}`, 'utf8')
  await pool.query(sql.slice(sql.indexOf('-- The existing totals, counted once.'), sql.indexOf('INSERT INTO visitor_days')))
  await backfill007(pool)
  await backfill008(pool)
  for (const t of [
    'monthly_counts',
    'monthly_item_counts',
    'center_days',
    'visitor_sets',
    'visitor_counts',
    'visitor_history',
    'visitor_pair_months',
    'visitor_pair_ends',
    'visitor_pair_starts',
    'visitor_pair_days',
  ])
    rows[t] = Number((await pool.query<{ n: string }>(`SELECT count(*) AS n FROM ${t}`)).rows[0]!.n)
  await pool.query('VACUUM ANALYZE')
  return rows
}

/** Distinct students across years as dashboard-queries.ts counted them before migration 007, for comparison. */
function setsAcrossYears(s: Span, key: 'center_id' | 'exhibit_id'): string {
  const CENTER = `center_id = ANY(coalesce($1::text[], (SELECT array_agg(id) FROM centers)))`
  const EXHIBIT = `($2::text IS NULL OR exhibit_id = $2)`
  const ex = key === 'exhibit_id' ? `exhibit_id NOT IN ('', '*') AND ${EXHIBIT}` : `exhibit_id = coalesce($2::text, '')`
  const between = (col: string, [a, b]: Range) => `${col} BETWEEN ${sqlDay(a)} AND ${sqlDay(b)}`
  const anyOf = (col: string, ranges: readonly Range[]) => (ranges.length ? `(${ranges.map((r) => between(col, r)).join(' OR ')})` : 'false')
  const { years, months, days } = yearsMonthsDays(s)
  const sets = [years && `(scope = 'y' AND ${between('start', years)})`, months.length && `(scope = 'm' AND ${anyOf('start', months)})`].filter(Boolean)
  const daily = `SELECT center_id, exhibit_id, passport_id FROM exhibit_visitors WHERE ${anyOf('day', days)} AND ${CENTER} AND ${EXHIBIT}`
  const fromSets = sets.length
    ? `SELECT center_id, exhibit_id, passport_id FROM visitor_sets WHERE (${sets.join(' OR ')}) AND ${ex} AND ${CENTER} UNION ALL `
    : ''
  return `SELECT ${key}, count(DISTINCT (center_id, passport_id)) AS students FROM (${fromSets}${daily}) v GROUP BY 1`
}

/** Distinct students across years as dashboard-queries.ts counted them with migration 007 (one visitor_history row per student), for comparison. */
export function historyAcrossYears(s: Span, key: 'center_id' | 'exhibit_id'): string {
  const CENTER = `center_id = ANY(coalesce($1::text[], (SELECT array_agg(id) FROM centers)))`
  const ex = key === 'exhibit_id' ? `exhibit_id <> '' AND ($2::text IS NULL OR exhibit_id = $2)` : `exhibit_id = coalesce($2::text, '')`
  const [lo, hi] = [sqlDay(s.lo), sqlDay(s.hi)]
  return `SELECT ${key}, count(*) AS students FROM visitor_history WHERE ${ex} AND ${CENTER} AND first_day <= ${hi} AND last_day >= ${lo}
    AND (first_day >= ${lo} AND last_day <= ${hi} OR bit_count(substring(days FROM ${lo} - first_day + 1 FOR ${hi} - ${lo} + 1)) > 0) GROUP BY 1`
}

/** CPU seconds of a process and its children (PostgreSQL: the postmaster and its backends), from /proc. */
function treeCpuS(pid: number): number {
  let ticks = 0
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const f = readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ')
      // The postmaster's own times include the backends it has reaped (cutime, cstime).
      if (Number(entry) === pid) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
      else if (Number(f[1]) === pid) ticks += Number(f[11]) + Number(f[12])
    } catch {
      // gone meanwhile
    }
  }
  return ticks / 100
}
const round1 = (x: number) => Math.round(x * 10) / 10
/**
 * Wall ms per run (median, min, max) and CPU ms per run (this process + PostgreSQL, over
 * all runs: /proc counts in 10 ms ticks, so one run alone would read 0 or 10).
 */
export async function time(f: () => Promise<unknown>, postmaster: number, runs = RUNS) {
  await f() // warm: the plan and the pages, as a dashboard someone keeps open
  const ms: number[] = []
  const pg0 = treeCpuS(postmaster)
  const me0 = process.cpuUsage()
  for (let i = 0; i < runs; i++) {
    const t = performance.now()
    await f()
    ms.push(performance.now() - t)
  }
  const me = process.cpuUsage(me0)
  const cpuMs = ((treeCpuS(postmaster) - pg0) * 1000 + (me.user + me.system) / 1000) / runs
  ms.sort((a, b) => a - b)
  return { p50: round1(ms[Math.floor(runs / 2)]!), min: round1(ms[0]!), max: round1(ms.at(-1)!), cpuMs: round1(cpuMs) }
}
const RUNS = 15

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
    const ALL = DAYS > 366 ? 'all data (no dates: whole years, all-time counters)' : 'year (no dates)'
    const filters: Record<string, DistrictFilter> = {
      [`${ALL}, by month`]: { bucket: 'month' },
      [`${ALL}, by week`]: { bucket: 'week' },
      [`${ALL}, by day`]: { bucket: 'day' },
      'year but its first day, by month': { from: '2026-01-02', to: '2026-12-31', bucket: 'month' },
      'one quarter (whole months)': { from: '2026-04-01', to: '2026-06-30', bucket: 'month' },
      'one exhibit, year by day': { exhibit: 'exhibit-5', bucket: 'day' },
      'one center, one month': { center: 'c-07', from: '2026-05-01', to: '2026-05-31' },
      // Across a year's end (with BENCH_DASHBOARD_DAYS=730; with 365 days they are cut to 2026).
      'across years, whole months (2025-10 to 2026-03)': { from: '2025-10-01', to: '2026-03-31', bucket: 'month' },
      'across years, edge days (2025-11-15 to 2026-08-20)': { from: '2025-11-15', to: '2026-08-20', bucket: 'month' },
      'across years, one exhibit by week (2025-12 to 2026-02)': { exhibit: 'exhibit-5', from: '2025-12-01', to: '2026-02-28', bucket: 'week' },
    }
    const postmaster = cluster.pid()
    const ms: Record<string, Record<string, Awaited<ReturnType<typeof time>>>> = {}
    for (const [name, f] of Object.entries(filters)) {
      const row: Record<string, Awaited<ReturnType<typeof time>>> = {}
      for (const v of ['visits', 'exhibits', 'misconceptions', 'trend', 'centers'] as DistrictView[])
        row[v] = await time(() => buildDistrictView(deps, v, f, 'zh-CN'), postmaster)
      ms[name] = row
      console.log(name, JSON.stringify(row))
    }
    // Students alone over the ranges across years: the pair counts (008) against the rows
    // of visitor_history (007) and the distinct count over month and year sets and edge days
    // that such ranges took before those.
    const students: Record<string, Record<string, Awaited<ReturnType<typeof time>>>> = {}
    for (const [name, f] of Object.entries(filters).filter(([n]) => n.startsWith('across years'))) {
      const s = await spanOf(pool, f)
      const args = [null, f.exhibit ?? null]
      students[name] = {}
      for (const key of ['center_id', 'exhibit_id'] as const) {
        students[name][`${key}: pairs (008)`] = await time(() => pool.query(studentsOver(s, key), args), postmaster)
        students[name][`${key}: visitor_history (007)`] = await time(() => pool.query(historyAcrossYears(s, key), args), postmaster)
        students[name][`${key}: sets (before 007)`] = await time(() => pool.query(setsAcrossYears(s, key), args), postmaster)
      }
      console.log(name, 'students', JSON.stringify(students[name]))
    }
    const report = await time(() => districtYearlyReport(pool, 2026), postmaster)
    const slowest = Math.max(...Object.values(ms).flatMap((r) => Object.values(r).map((t) => t.p50)), report.p50)
    return {
      events,
      days: DAYS,
      firstDay: FIRST_DAY,
      totalsRows: rows,
      generateS,
      runs: RUNS,
      ms,
      studentsAcrossYears: students,
      yearlyReport: report,
      slowestP50Ms: slowest,
      loadAverage1m: loadavg()[0],
    }
  } finally {
    await pool.end()
    cluster.stop()
  }
}

/** Runs the bench and writes bench/results/district-dashboard.json (with BENCH_DASHBOARD_DAYS: district-dashboard-<days>-days.json). */
export async function runAndSaveDashboardBench() {
  const result = { when: new Date().toISOString(), node: process.version, ...(await runDashboardBench()) }
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), 'results')
  mkdirSync(dir, { recursive: true })
  writeFileSync(resolve(dir, DAYS === 365 ? 'district-dashboard.json' : `district-dashboard-${DAYS}-days.json`), JSON.stringify(result, null, 2) + '\n')
  return result
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) console.log(JSON.stringify(await runAndSaveDashboardBench(), null, 2))
