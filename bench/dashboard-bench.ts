/**
 * Dashboard benchmark: `npx tsx bench/dashboard-bench.ts [events]` (also `npm run bench -- dashboard`).
 * Seeds a temp database with `npm run seed`'s own module, scaled to about a million events
 * (a realistic year: class sessions, walk-ins, quizzes with misconceptions), then times each
 * dashboard view as the server builds it (aggregate + suppression), over the whole year and
 * filtered to one school, and one exhibit of it; and each export. Writes bench/results/dashboard.json.
 * SOPHORA_DASH_BENCH_DB=file keeps the seeded year there for the next run; a database from before
 * migration 015 is migrated (and vacuumed) on open: the figures say the size before and after.
 * SOPHORA_DASH_BENCH_YEARS=10 grows the year into ten (dashboard-years.ts: ~10 M events) and
 * writes bench/results/dashboard-10-years.json, with the whole ten years as one more filter.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { DASHBOARD_VIEWS, type DashboardFilter } from '../src/core/dashboard.ts'
import { loadConfig } from '../src/server/config.ts'
import { openDatabase } from '../src/server/db/database.ts'
import { createDayOf } from '../src/server/day-key.ts'
import { createExhibitTexts } from '../src/server/exhibit-texts.ts'
import { toCsv, toXlsx } from '../src/server/dashboard/export.ts'
import { eventsInRange, eventsXlsx } from '../src/server/dashboard/event-export.ts'
import { buildView, createTitles, type ViewDeps } from '../src/server/dashboard/views.ts'
import { hasSeed, seedYear } from '../scripts/seed/write.ts'
import { withExhibitModules } from '../scripts/seed/exhibit-modules.ts'
import { copyYearBack } from './dashboard-years.ts'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
/** Events the seed makes per unit of scale (measured: ~616 K at scale 1 with seed 1). */
const EVENTS_PER_SCALE = 616_000

/**
 * Wall and CPU time of each run. The machine is shared (load average often 10–20 on 2
 * cores), so wall time is mostly waiting for a core; the query's own cost is its CPU time
 * (the work is synchronous, so this process's CPU during the call is the query's).
 */
function time(fn: () => unknown, runs = 5) {
  fn() // warm the page cache and the statements
  const ms: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage()
    const s = performance.now()
    fn()
    ms.push(performance.now() - s)
    const d = process.cpuUsage(c)
    cpu.push((d.user + d.system) / 1000)
  }
  ms.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)
  const mid = Math.floor(runs / 2)
  return { medianMs: +ms[mid]!.toFixed(1), maxMs: +ms[runs - 1]!.toFixed(1), cpuMedianMs: +cpu[mid]!.toFixed(1), cpuMaxMs: +cpu[runs - 1]!.toFixed(1) }
}

/** `keep`: a database file to seed once and reuse on later runs (seeding a year takes minutes); default a temp file. */
export async function runDashboardBench(events = 1_000_000, keep: string | null = null, years = 1): Promise<Record<string, unknown>> {
  const dir = mkdtempSync(join(tmpdir(), 'sophora-dash-bench-'))
  const path = keep ?? join(dir, 'year.db')
  try {
    const config = loadConfig({})
    const sizeBefore = existsSync(path) ? statSync(path).size : 0
    const o0 = performance.now()
    // On a database seeded before migration 010, this is where the rollups are backfilled (015: events compacted, VACUUM).
    const migrationLog: string[] = []
    const say = (line: string) => {
      migrationLog.push(line)
      console.error(line)
    }
    const db = openDatabase(path, { synchronous: 'NORMAL', log: say })
    const openSeconds = +((performance.now() - o0) / 1000).toFixed(1)
    db.pragma('cache_size = -65536')
    const t0 = performance.now()
    const counts = hasSeed(db)
      ? 'reused'
      : await withExhibitModules((loadModule) =>
          seedYear(db, {
            loadModule,
            year: 2026,
            seed: 1,
            scale: events / EVENTS_PER_SCALE,
            centerId: config.centerId,
            timeZone: config.timeZone,
            exhibitsDirs: [join(ROOT, 'exhibits')],
            retentionMs: 10 * 365 * 86_400_000,
            maxClockSkewMs: config.maxClockSkewMs,
          }),
        )
    const seedSeconds = +((performance.now() - t0) / 1000).toFixed(1)
    const y0 = performance.now()
    const yearHeld = (y: number) => db.prepare('SELECT 1 FROM event_store WHERE day BETWEEN ? AND ? LIMIT 1').get(`${y}-01-01`, `${y}-12-31`) !== undefined
    for (let k = 1; k < years; k++) if (!yearHeld(2026 - k)) copyYearBack(db, k, { log: say })
    const yearsSeconds = +((performance.now() - y0) / 1000).toFixed(1)
    db.pragma('wal_checkpoint(TRUNCATE)')
    const dirs = [join(ROOT, 'exhibits')]
    const deps: ViewDeps = {
      db,
      centerId: config.centerId,
      coreSet: ['earthquake', 'fire-escape', 'flood-typhoon', 'waste-sorting'],
      dayOf: createDayOf(config.timeZone),
      texts: createExhibitTexts(dirs),
      title: createTitles(dirs),
    }
    const session = db.prepare('SELECT id FROM class_sessions ORDER BY headcount DESC, id LIMIT 1').pluck().get() as string
    const school = db.prepare('SELECT school FROM passport_batches GROUP BY school ORDER BY SUM(count) DESC LIMIT 1').pluck().get() as string
    const filters: Record<string, DashboardFilter> = {
      year: { from: '2026-01-01', to: '2026-12-31' },
      school: { from: '2026-01-01', to: '2026-12-31', school },
      schoolExhibit: { from: '2026-01-01', to: '2026-12-31', school, exhibit: 'fire-escape' },
      // Partly covered months (daily rollup rows at both ends), and the station-kind and session filters.
      springExhibitVr: { from: '2026-03-10', to: '2026-05-20', exhibit: 'earthquake', kind: 'headset' },
      session: { from: '2026-01-01', to: '2026-12-31', session },
      ...(years > 1 ? { allYears: {}, allYearsSchool: { school } } : {}),
    }
    const views: Record<string, Record<string, ReturnType<typeof time>>> = {}
    for (const [name, f] of Object.entries(filters))
      views[name] = Object.fromEntries(DASHBOARD_VIEWS.map((v) => [v, time(() => buildView(deps, v, f, 'zh-CN'))]))
    const year = filters.year!
    const exports = {
      exhibitsCsv: time(() => toCsv(buildView(deps, 'exhibits', year, 'zh-CN'), 'zh-CN'), 3),
      misconceptionsXlsx: await (async () => {
        const s = performance.now()
        const buf = await toXlsx(buildView(deps, 'misconceptions', year, 'zh-CN'), 'zh-CN')
        return { ms: +(performance.now() - s).toFixed(1), bytes: buf.length }
      })(),
      // Every event of the year as XLSX, streamed to a sink that only counts: time, CPU, size and peak memory.
      yearEventsXlsx: await (async () => {
        global.gc?.()
        const rss0 = process.memoryUsage().rss
        let peak = rss0
        const watch = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
        const c = process.cpuUsage()
        const s = performance.now()
        let bytes = 0
        for await (const chunk of eventsXlsx(db, { from: year.from!, to: year.to!, lang: 'zh-CN' })) bytes += (chunk as Buffer).length
        clearInterval(watch)
        const cpu = process.cpuUsage(c)
        return {
          rows: eventsInRange(db, year.from!, year.to!),
          ms: Math.round(performance.now() - s),
          cpuMs: Math.round((cpu.user + cpu.system) / 1000),
          MiB: +(bytes / 2 ** 20).toFixed(1),
          peakRssGrowthMiB: +((peak - rss0) / 2 ** 20).toFixed(1),
        }
      })(),
    }
    // Size: the pages in use (a migrated database keeps the dropped tables' pages free in the
    // file until VACUUM), per million events, and the largest tables and indexes (dbstat).
    const pages = (db.pragma('page_count', { simple: true }) as number) - (db.pragma('freelist_count', { simple: true }) as number)
    const liveMiB = (pages * (db.pragma('page_size', { simple: true }) as number)) / 2 ** 20
    const eventCount = db.prepare('SELECT COUNT(*) FROM event_store').pluck().get() as number
    const largest = db.prepare('SELECT name, round(SUM(pgsize) / 1048576.0, 1) AS MiB FROM dbstat GROUP BY name ORDER BY 2 DESC LIMIT 14').all()
    db.close()
    const result = {
      machine: {
        node: process.version,
        cpus: (await import('node:os')).cpus().length,
        loadAverageAtEnd: (await import('node:os'))
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' / '),
      },
      seeded: {
        ...(counts === 'reused' ? { reused: path } : counts),
        seconds: seedSeconds,
        ...(years > 1 ? { years, yearsCopySeconds: yearsSeconds } : {}),
        openSeconds,
        migrationLog,
        dbSizeMiBBeforeOpen: +(sizeBefore / 2 ** 20).toFixed(1),
        dbSizeMiB: +(statSync(path).size / 2 ** 20).toFixed(1),
        events: eventCount,
        liveMiB: +liveMiB.toFixed(1),
        liveMiBPerMillionEvents: +((liveMiB * 1e6) / eventCount).toFixed(1),
        largest,
      },
      views,
      exports,
      slowestViewMs: Math.max(...Object.values(views).flatMap((v) => Object.values(v).map((x) => x.maxMs))),
      slowestViewCpuMs: Math.max(...Object.values(views).flatMap((v) => Object.values(v).map((x) => x.cpuMaxMs))),
    }
    mkdirSync(join(ROOT, 'bench/results'), { recursive: true })
    writeFileSync(join(ROOT, `bench/results/${years > 1 ? `dashboard-${years}-years` : 'dashboard'}.json`), `${JSON.stringify(result, null, 2)}\n`)
    return result
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = await runDashboardBench(
    Number(process.argv[2] ?? 1_000_000),
    process.env.SOPHORA_DASH_BENCH_DB ?? null,
    Number(process.env.SOPHORA_DASH_BENCH_YEARS ?? 1),
  )
  console.log(JSON.stringify(r, null, 2))
}
