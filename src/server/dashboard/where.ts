import type { DashboardFilter } from '../../core/dashboard.ts'

/** The filter as bound SQL parameters: a NULL one matches everything (one fixed query per view). */
export interface Bound {
  from: string
  to: string
  school: string | null
  grade: string | null
  session: string | null
  exhibit: string | null
  kind: string | null
}

/** A view about students of a class or school: small cells are suppressed (suppression.ts). */
export const isScoped = (f: DashboardFilter) => Boolean(f.school ?? f.grade ?? f.session)

/** `classOnly`: the view is about passports, not plays, so the exhibit and station-kind filters do not apply. */
export function bind(f: DashboardFilter, { classOnly = false } = {}): Bound {
  return {
    from: f.from ?? '0000-00-00',
    to: f.to ?? '9999-12-31',
    school: f.school ?? null,
    grade: f.grade ?? null,
    session: f.session ?? null,
    exhibit: classOnly ? null : (f.exhibit ?? null),
    kind: classOnly ? null : (f.kind ?? null),
  }
}

/**
 * Events (alias `e`) the filter selects. School and grade are the passport's class set
 * (passport_batches): walk-ins have none, so a school filter leaves them out. The station
 * kind is the station's as set up now (stations.kind).
 */
export const EVENTS_WHERE = `e.day BETWEEN @from AND @to
  AND (@exhibit IS NULL OR e.exhibit_id = @exhibit)
  AND (@session IS NULL OR e.session_id = @session)
  AND (@kind IS NULL OR e.station_id IN (SELECT id FROM stations WHERE kind = @kind))
  AND ((@school IS NULL AND @grade IS NULL) OR e.passport_id IN (SELECT p.code FROM passports p JOIN passport_batches b ON b.id = p.batch_id
    WHERE (@school IS NULL OR b.school = @school) AND (@grade IS NULL OR b.grade = @grade)))`

/** The period an event's day falls in: the day, the Monday of its week, or the month. */
export const PERIOD_SQL = {
  day: 'e.day',
  week: "date(e.day, '-6 days', 'weekday 1')",
  month: 'substr(e.day, 1, 7)',
} as const
