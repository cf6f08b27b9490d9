import type { DistrictYearlyReport, VenueFigures } from '../../core/district.ts'
import type { ReportLang } from '../../core/yearly-report-tables.ts'
import { csvField } from '../yearly-report/csv-field.ts'
import type { Pool } from './database.ts'

/**
 * The district's yearly report (科普统计, 场馆 heading): each center's exhibit figures for
 * one calendar year and the district's total, from the running totals. Days are each
 * center's own calendar days. The programme log, class sessions, passports issued and
 * staff stay at the centers (not forwarded): each center's own report has them.
 */
type Figures = VenueFigures

/**
 * Read from the monthly totals and the per-year counters (migration 005), never a scan
 * of the year's days: open days from `center_days` (≤ 366 rows per center).
 */
export async function districtYearlyReport(pool: Pool, year: number, now: () => number = Date.now): Promise<DistrictYearlyReport> {
  const range = [`${year}-01-01`, `${year}-12-31`]
  const client = await pool.connect()
  try {
    // One snapshot, so the per-center rows and the total agree with each other.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const per = await client.query<Figures & { centerId: string; name: string }>(
      `WITH d AS (SELECT center_id, coalesce(sum(n) FILTER (WHERE type = 'exhibit-started'), 0)::float8 AS "exhibitVisits",
          coalesce(sum(n) FILTER (WHERE type = 'exhibit-completed'), 0)::float8 AS completions
        FROM ${yearRows('monthly_counts', 'type, n')} GROUP BY center_id),
        o AS (SELECT center_id, count(*)::int AS "openDays" FROM center_days WHERE day BETWEEN $1 AND $2 GROUP BY center_id),
        s AS (SELECT center_id, sum(n) AS students FROM visitor_counts WHERE scope = 'y' AND start = $1 AND exhibit_id = '*' GROUP BY center_id),
        w AS (SELECT center_id, sum(walk_ins) AS walk_ins FROM ${yearRows('monthly_start_counts', 'walk_ins')} GROUP BY center_id)
      SELECT k.id AS "centerId", k.name, coalesce(o."openDays", 0) AS "openDays", coalesce(d."exhibitVisits", 0) AS "exhibitVisits",
        coalesce(d.completions, 0) AS completions, coalesce(s.students, 0)::float8 AS students, coalesce(w.walk_ins, 0)::float8 AS "walkInVisits"
      FROM centers k LEFT JOIN d ON d.center_id = k.id LEFT JOIN o ON o.center_id = k.id LEFT JOIN s ON s.center_id = k.id
        LEFT JOIN w ON w.center_id = k.id ORDER BY k.id`,
      range,
    )
    const all = await client.query<{ openDays: number }>(`SELECT count(DISTINCT day)::int AS "openDays" FROM center_days WHERE day BETWEEN $1 AND $2`, range)
    await client.query('COMMIT')
    const sum = (k: keyof Figures) => per.rows.reduce((s, r) => s + r[k], 0)
    return {
      year,
      generatedAt: new Date(now()).toISOString(),
      centers: per.rows,
      total: {
        centers: per.rows.length,
        openDays: all.rows[0]?.openDays ?? 0,
        exhibitVisits: sum('exhibitVisits'),
        completions: sum('completions'),
        students: sum('students'),
        walkInVisits: sum('walkInVisits'),
      },
    }
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined)
    throw e
  } finally {
    client.release()
  }
}

/** A monthly table's rows for the year in $1–$2, with center_id and the columns asked for. */
const yearRows = (table: string, cols: string) => `(SELECT center_id, ${cols} FROM ${table} WHERE month BETWEEN $1 AND $2) t`

const HEADINGS: Record<ReportLang, string[]> = {
  'zh-CN': ['科普馆', '开放天数', '展项体验人次', '完成次数', '学生（护照）', '散客人次'],
  en: ['Center', 'Open days', 'Exhibit visits', 'Completions', 'Students (passports)', 'Walk-in visits'],
}
const TITLE: Record<ReportLang, (year: number) => string> = {
  'zh-CN': (y) => `${y} 年度科普统计（区级汇总，场馆）`,
  en: (y) => `${y} science-popularisation statistics (district, venues)`,
}
const TOTAL: Record<ReportLang, (centers: number) => string> = { 'zh-CN': (c) => `合计（${c} 个馆）`, en: (c) => `Total (${c} centers)` }

/** The report as a CSV a spreadsheet opens as UTF-8 (byte-order mark), one row per center and the total. */
export function districtReportCsv(r: DistrictYearlyReport, lang: ReportLang): string {
  const row = (label: string, f: Figures) => [label, f.openDays, f.exhibitVisits, f.completions, f.students, f.walkInVisits]
  const lines: (string | number)[][] = [
    [TITLE[lang](r.year)],
    [lang === 'en' ? 'Counted at' : '统计时间', r.generatedAt],
    HEADINGS[lang],
    ...r.centers.map((c) => row(c.name, c)),
    row(TOTAL[lang](r.total.centers), r.total),
  ]
  return '\uFEFF' + lines.map((l) => l.map(csvField).join(',')).join('\r\n') + '\r\n'
}
