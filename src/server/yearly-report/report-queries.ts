import type { Db } from '../db/database.ts'
import type { ActivityCount, SchoolRow, YearlyReport } from '../../core/yearly-report.ts'
import { suppressSmall } from '../../core/yearly-report.ts'
import { yearBounds } from './year-bounds.ts'

interface Bounds {
  center: string
  fromMs: number
  toMs: number
  firstDay: string
  lastDay: string
}

/**
 * The yearly report's counts, each one small query over the tables that already hold it:
 * the programme log (activities), class sessions, passports, the trigger-kept per-day
 * totals (daily_counts, daily_visitors) and session_visitors. Only walk-ins need the events
 * themselves (the totals do not split by passport). Ms columns are cut at the center's
 * year (yearBounds); day columns are already the center's days.
 */
export function createYearlyReportQueries(
  db: Db,
  { centerId, centerName, timeZone, now }: { centerId: string; centerName: string; timeZone: string; now: () => number },
) {
  const activities = db.prepare<Bounds, { type: string; count: number; participants: number; volunteerActivities: number; tenths: number }>(
    `SELECT type, COUNT(*) AS count, COALESCE(SUM(audience), 0) AS participants, COUNT(*) FILTER (WHERE volunteer_tenths > 0) AS volunteerActivities,
      COALESCE(SUM(volunteer_tenths), 0) AS tenths
     FROM activities WHERE center_id = @center AND day BETWEEN @firstDay AND @lastDay GROUP BY type`,
  )
  const daily = db.prepare<Bounds, { openDays: number; starts: number; completions: number }>(
    `SELECT COUNT(DISTINCT day) FILTER (WHERE type = 'exhibit-started') AS openDays,
      COALESCE(SUM(n) FILTER (WHERE type = 'exhibit-started'), 0) AS starts,
      COALESCE(SUM(n) FILTER (WHERE type = 'exhibit-completed'), 0) AS completions
     FROM daily_counts WHERE day BETWEEN @firstDay AND @lastDay`,
  )
  const students = db.prepare<Bounds, number>('SELECT COUNT(DISTINCT passport_id) FROM daily_visitors WHERE day BETWEEN @firstDay AND @lastDay').pluck()
  const walkIns = db
    .prepare<Bounds, number>(`SELECT COUNT(*) FROM event_store WHERE type = 1 AND passport_id IS NULL AND day BETWEEN @firstDay AND @lastDay`)
    .pluck()
  const passports = db
    .prepare<Bounds, number>('SELECT COUNT(*) FROM passports WHERE center_id = @center AND created_ms >= @fromMs AND created_ms < @toMs')
    .pluck()
  // Students of a school: distinct passports seen in its sessions, plus those the retention job
  // already turned into anonymous per-session counts.
  const schools = db.prepare<Bounds, { school: string; sessions: number; headcount: number; students: number }>(
    `WITH s AS (SELECT id, school, headcount FROM class_sessions WHERE center_id = @center AND created_ms >= @fromMs AND created_ms < @toMs)
     SELECT s.school, COUNT(*) AS sessions, SUM(s.headcount) AS headcount,
       (SELECT COUNT(DISTINCT v.passport_id) FROM session_visitors v JOIN s s2 ON s2.id = v.session_id WHERE s2.school = s.school)
       + (SELECT COALESCE(SUM(r.n), 0) FROM visitor_session_rollup r JOIN s s3 ON s3.id = r.session_id WHERE s3.school = s.school AND r.center_id = @center)
         AS students
     FROM s GROUP BY s.school`,
  )
  const users = db.prepare<[], { guides: number; admins: number }>(
    `SELECT COUNT(*) FILTER (WHERE role = 'guide') AS guides, COUNT(*) FILTER (WHERE role = 'admin') AS admins FROM users WHERE disabled_ms IS NULL`,
  )

  // Schools in the order a Chinese reader looks them up (pinyin), not by code point.
  const byName = new Intl.Collator('zh-CN')
  const read = db.transaction((year: number): YearlyReport => {
    const b: Bounds = { center: centerId, ...yearBounds(year, timeZone) }
    const byType = new Map(activities.all(b).map((r) => [r.type, r]))
    const count = (type: string): ActivityCount => ({ count: byType.get(type)?.count ?? 0, participants: byType.get(type)?.participants ?? 0 })
    const d = daily.get(b)!
    let suppressedCells = 0
    const cell = (v: number) => {
      const s = suppressSmall(v)
      if (s === null) suppressedCells++
      return s
    }
    const raw = schools.all(b).sort((x, y) => byName.compare(x.school, y.school))
    const schoolRows: SchoolRow[] = raw.map((s) => ({ school: s.school, sessions: s.sessions, headcount: cell(s.headcount), students: cell(s.students) }))
    const rows = [...byType.values()]
    return {
      year,
      centerName,
      generatedAt: new Date(now()).toISOString(),
      activities: {
        lecture: count('lecture'),
        exhibition: { count: d.openDays, participants: d.starts },
        youth: { count: raw.reduce((s, r) => s + r.sessions, 0), participants: raw.reduce((s, r) => s + r.headcount, 0) },
        salon: count('salon'),
        workshop: count('workshop'),
        training: count('training'),
        other: count('other'),
      },
      venue: {
        openDays: d.openDays,
        exhibitVisits: d.starts,
        completions: d.completions,
        students: students.get(b) ?? 0,
        classSessions: raw.reduce((s, r) => s + r.sessions, 0),
        schools: schoolRows.length,
        walkInVisits: walkIns.get(b) ?? 0,
        passportsIssued: passports.get(b) ?? 0,
      },
      staff: {
        ...users.get()!,
        volunteerActivities: rows.reduce((s, r) => s + r.volunteerActivities, 0),
        volunteerHours: rows.reduce((s, r) => s + r.tenths, 0) / 10,
      },
      schools: schoolRows,
      suppressedCells,
    }
  })
  /** One year's report, read in one transaction so its tables agree with each other. */
  return { yearly: (year: number) => read.deferred(year) }
}
export type YearlyReportQueries = ReturnType<typeof createYearlyReportQueries>
