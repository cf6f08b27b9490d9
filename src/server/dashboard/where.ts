import type { DashboardFilter } from '../../core/dashboard.ts'
import type { Db } from '../db/database.ts'
import type { Statement } from 'better-sqlite3'

/** The filter as bound SQL parameters: a NULL one is not filtered on. */
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

/** Column names of the table a condition is written for (rollups store '' where events hold NULL). */
export interface Columns {
  day: string
  exhibit: string
  station: string
  session?: string
  passport?: string
}

/**
 * The conditions a filter puts on a table, only those that apply: a fixed query with
 * `@x IS NULL OR …` terms would hide the indexes from SQLite's planner. School and grade are
 * the passport's class set (passport_batches): walk-ins have none, so a school filter leaves
 * them out. The station kind is the station's as set up now (stations.kind).
 */
export function where(b: Bound, c: Columns): string {
  const terms = [`${c.day} BETWEEN @from AND @to`]
  if (b.exhibit !== null) terms.push(`${c.exhibit} = @exhibit`)
  if (b.kind !== null) terms.push(`${c.station} IN (SELECT id FROM stations WHERE kind = @kind)`)
  if (b.session !== null) {
    if (!c.session) throw new Error('this table has no session column')
    terms.push(`${c.session} = @session`)
  }
  if (b.school !== null || b.grade !== null) {
    if (!c.passport) throw new Error('this table has no passport column')
    const cls = [b.school !== null ? 'b.school = @school' : '', b.grade !== null ? 'b.grade = @grade' : ''].filter(Boolean).join(' AND ')
    terms.push(`${c.passport} IN (SELECT p.code FROM passports p JOIN passport_batches b ON b.id = p.batch_id WHERE ${cls})`)
  }
  return terms.join(' AND ')
}

/** A day (yyyy-mm-dd, or an open end) as the rollups of migration 014 store it: yyyymmdd. */
export const dayNumber = (day: string) => Number(day.replaceAll('-', ''))
/** The bound filter with the day range as rollup numbers (@fromDay, @toDay). */
export const keyParams = (b: Bound) => ({ ...b, fromDay: dayNumber(b.from), toDay: dayNumber(b.to) })
/** A rollup day number as yyyy-mm-dd text, for the periods. */
export const dayText = (day: string) => `printf('%04d-%02d-%02d', ${day} / 10000, ${day} / 100 % 100, ${day} % 100)`

/** Column names of a rollup of migration 014: ids from dash_keys (0 = none) and dash_items. */
export interface KeyColumns {
  day: string
  station: string
  /** dash_keys exhibit id, or (`item`) a dash_items id. */
  exhibit?: string
  item?: string
  session?: string
  batch?: string
}

/**
 * where() for the integer-keyed rollups: each filter value becomes its key id(s) in a subquery.
 * School and grade are the passport's class set as it is now (the rollups are keyed by it and
 * moved when it changes), so the batch column leads the index and a school reads only its rows.
 */
export function keyWhere(b: Bound, c: KeyColumns): string {
  const key = (kind: string, param: string) => `(SELECT id FROM dash_keys WHERE kind = '${kind}' AND value = ${param})`
  const terms = [`${c.day} BETWEEN @fromDay AND @toDay`]
  if (b.exhibit !== null)
    terms.push(c.item ? `${c.item} IN (SELECT id FROM dash_items WHERE exhibit_id = @exhibit)` : `${c.exhibit} = ${key('exhibit', '@exhibit')}`)
  if (b.kind !== null)
    terms.push(`${c.station} IN (SELECT k.id FROM stations s JOIN dash_keys k ON k.kind = 'station' AND k.value = s.id WHERE s.kind = @kind)`)
  if (b.session !== null) {
    if (!c.session) throw new Error('this rollup has no session column')
    terms.push(`${c.session} = ${key('session', '@session')}`)
  }
  if (b.school !== null || b.grade !== null) {
    if (!c.batch) throw new Error('this rollup has no class set column')
    const cls = [b.school !== null ? 'b.school = @school' : '', b.grade !== null ? 'b.grade = @grade' : ''].filter(Boolean).join(' AND ')
    terms.push(`${c.batch} IN (SELECT k.id FROM passport_batches b JOIN dash_keys k ON k.kind = 'batch' AND k.value = b.id WHERE ${cls})`)
  }
  return terms.join(' AND ')
}

/** `events e` (the view) under the filter. */
export const EVENT_COLUMNS: Columns = { day: 'e.day', exhibit: 'e.exhibit_id', station: 'e.station_id', session: 'e.session_id', passport: 'e.passport_id' }
const keyValue = (column: string) => `(SELECT value FROM dash_keys WHERE id = ${column})`
/** `event_store e` (migration 015: station, exhibit and session as dash_keys ids) under the filter. */
export const STORE_COLUMNS: Columns = {
  day: 'e.day',
  exhibit: keyValue('e.exhibit'),
  station: keyValue('e.station'),
  session: keyValue('e.session'),
  passport: 'e.passport_id',
}

/** The period a day falls in: the day, the Monday of its week, or the month. */
export const periodSql = (day: string) =>
  ({
    day,
    week: `date(${day}, '-6 days', 'weekday 1')`,
    month: `substr(${day}, 1, 7)`,
  }) as const

/** Prepared statements per database and SQL text: each filter shape is prepared once. */
const cache = new WeakMap<Db, Map<string, Statement>>()
export function prepared(db: Db, sql: string): Statement {
  let m = cache.get(db)
  if (!m) cache.set(db, (m = new Map()))
  let s = m.get(sql)
  if (!s) m.set(sql, (s = db.prepare(sql)))
  return s
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10)
const nextMonth = (month: string) => addDays(`${month}-28`, 4).slice(0, 7)

/**
 * A day range as whole months (read from a monthly rollup) and the days outside them (read
 * from the daily one): `[from, daysTo]` and `[daysFrom, to]`. Without whole months the first
 * part is the whole range and the second is empty.
 */
export interface MonthSplit {
  monthFrom: string
  monthTo: string
  daysTo: string
  daysFrom: string
}
const NO_MONTHS = (to: string): MonthSplit => ({ monthFrom: '9999-99', monthTo: '0000-00', daysTo: to, daysFrom: '9999-99-99' })
const isDay = (d: string) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && addDays(d, 0) === d
export function splitMonths(from: string, to: string): MonthSplit {
  const open = from <= '0000-12-31'
  // A day that is not on the calendar (2026-02-30 passes the filter's pattern): days only, still exact.
  if ((!open && !isDay(from)) || (to < '9999-01-01' && !isDay(to))) return NO_MONTHS(to)
  const first = open || from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7))
  const endsMonth = to >= '9999-01-01' || addDays(to, 1).endsWith('-01')
  const last = endsMonth ? to.slice(0, 7) : addDays(`${to.slice(0, 7)}-01`, -1).slice(0, 7)
  if (first > last) return NO_MONTHS(to)
  return {
    monthFrom: open ? '0000-00' : first,
    monthTo: last,
    daysTo: open ? '0000-00-00' : addDays(`${first}-01`, -1),
    daysFrom: endsMonth ? '9999-99-99' : `${nextMonth(last)}-01`,
  }
}
