import type { Db } from '../db/database.ts'
import type { DashboardFilter } from '../../core/dashboard.ts'
import type { ItemFigures, MonthItem } from './aggregates.ts'
import { bind, dayNumber, EVENT_COLUMNS, isScoped, keyParams, keyWhere, prepared, splitMonths, where, type Bound } from './where.ts'

/**
 * Quiz items and steps: the misconceptions and trend views. Three sources, by filter:
 *  - a school or grade (no session): answer_rollup, per class set, item and passport, so the
 *    class sets' own rows are read in order and distinct students counted per class set;
 *  - a class session: that session's events (events_session index), a few thousand;
 *  - the whole center: item_month_rollup for whole months and item_rollup for the other days,
 *    without students (only suppression needs them, and whole-center views are not suppressed).
 * Asked for students on the whole center (an API caller, the rollup test), it scans the events.
 */
type Choice = { exhibitId: string; kind: string; itemId: string; choiceId: string | null; n: number; students: number }
type Totals = Omit<ItemFigures, 'topWrong'>

const ANSWERS = { day: 'r.day', item: 'r.item', station: 'r.station', batch: 'r.batch' }
const ITEM_SQL = `CASE WHEN e.type = 'answer-given' THEN 'quiz' ELSE 'step' END`
const bySession = (b: Bound) => b.session !== null
const byClassSet = (b: Bound) => b.session === null && (b.school !== null || b.grade !== null)
const classOnly = (b: Bound) => (b.school !== null || b.grade !== null ? ' AND e.passport_id IS NOT NULL' : '')

/**
 * The whole center's item rollup rows in the range: whole months (yyyymm) from
 * item_month_rollup, the other days from item_rollup; `month` is the row's month.
 */
function itemRows(b: Bound): string {
  const and = [
    b.exhibit !== null ? ' AND item IN (SELECT id FROM dash_items WHERE exhibit_id = @exhibit)' : '',
    b.kind !== null ? ` AND station IN (SELECT k.id FROM stations s JOIN dash_keys k ON k.kind = 'station' AND k.value = s.id WHERE s.kind = @kind)` : '',
  ].join('')
  return `SELECT month, item, wrong, choice, n FROM item_month_rollup WHERE month BETWEEN @monthFrom AND @monthTo${and}
    UNION ALL SELECT day / 100, item, wrong, choice, n FROM item_rollup
    WHERE (day BETWEEN @fromDay AND @daysTo OR day BETWEEN @daysFrom AND @toDay)${and}`
}
function monthParams(b: Bound) {
  const m = splitMonths(b.from, b.to)
  return { ...keyParams(b), monthFrom: dayNumber(m.monthFrom), monthTo: dayNumber(m.monthTo), daysTo: dayNumber(m.daysTo), daysFrom: dayNumber(m.daysFrom) }
}

/** Per item: answers (quiz) or completions (step), wrong ones, students; then its choices picked wrong. */
function sources(db: Db, b: Bound, students: boolean): { totals: Totals[]; choices: Choice[] } {
  const distinct = students ? 'COUNT(DISTINCT e.passport_id)' : '0'
  // Attempts: every answer of a quiz, the completions of a step (its wrong picks are not attempts).
  const attempts = `CASE WHEN i.kind = 'step' THEN SUM(all_n) - SUM(wrong_n) ELSE SUM(all_n) END`
  if (byClassSet(b)) {
    const p = keyParams(b)
    const s = students ? 'COUNT(DISTINCT r.passport)' : '0'
    const totals = prepared(
      db,
      `SELECT i.exhibit_id AS exhibitId, i.kind, i.item_id AS itemId, ${attempts} AS attempts, SUM(wrong_n) AS wrong, SUM(s) AS students
      FROM (SELECT r.item, SUM(r.n) AS all_n, SUM(CASE WHEN r.wrong THEN r.n ELSE 0 END) AS wrong_n, ${s} AS s
        FROM answer_rollup r WHERE ${keyWhere(b, ANSWERS)} GROUP BY r.batch, r.item)
      JOIN dash_items i ON i.id = item GROUP BY item ORDER BY exhibitId, i.kind, itemId`,
    ).all(p) as Totals[]
    const choices = prepared(
      db,
      `SELECT i.exhibit_id AS exhibitId, i.kind, i.item_id AS itemId, c.value AS choiceId, SUM(n) AS n, SUM(s) AS students
      FROM (SELECT r.item, r.choice, SUM(r.n) AS n, ${s} AS s FROM answer_rollup r
        WHERE r.wrong AND r.choice <> 0 AND ${keyWhere(b, ANSWERS)} GROUP BY r.batch, r.item, r.choice)
      JOIN dash_items i ON i.id = item JOIN dash_keys c ON c.id = choice GROUP BY item, choice ORDER BY n DESC, choiceId`,
    ).all(p) as Choice[]
    return { totals, choices }
  }
  if (students || bySession(b)) {
    const scope = `e.type IN ('answer-given', 'step-completed', 'step-mistake') AND e.item_id IS NOT NULL AND ${where(b, EVENT_COLUMNS)}${classOnly(b)}`
    const totals = prepared(
      db,
      `SELECT e.exhibit_id AS exhibitId, ${ITEM_SQL} AS kind, e.item_id AS itemId,
        COUNT(CASE WHEN e.type <> 'step-mistake' THEN 1 END) AS attempts,
        COUNT(CASE WHEN e.type = 'step-mistake' OR e.correct = 0 THEN 1 END) AS wrong, ${distinct} AS students
      FROM events e WHERE ${scope} GROUP BY e.exhibit_id, kind, e.item_id ORDER BY e.exhibit_id, kind, e.item_id`,
    ).all(b) as Totals[]
    const choices = prepared(
      db,
      `SELECT e.exhibit_id AS exhibitId, ${ITEM_SQL} AS kind, e.item_id AS itemId,
        json_extract(e.data, '$.choiceId') AS choiceId, COUNT(*) AS n, ${distinct} AS students
      FROM events e WHERE ${scope} AND (e.type = 'step-mistake' OR e.correct = 0)
      GROUP BY e.exhibit_id, kind, e.item_id, choiceId ORDER BY n DESC, choiceId`,
    ).all(b) as Choice[]
    return { totals, choices }
  }
  const p = monthParams(b)
  const totals = prepared(
    db,
    `SELECT i.exhibit_id AS exhibitId, i.kind, i.item_id AS itemId, ${attempts} AS attempts, SUM(wrong_n) AS wrong, 0 AS students
    FROM (SELECT item, SUM(n) AS all_n, SUM(CASE WHEN wrong THEN n ELSE 0 END) AS wrong_n FROM (${itemRows(b)}) GROUP BY item)
    JOIN dash_items i ON i.id = item GROUP BY item ORDER BY exhibitId, i.kind, itemId`,
  ).all(p) as Totals[]
  const choices = prepared(
    db,
    `SELECT i.exhibit_id AS exhibitId, i.kind, i.item_id AS itemId, c.value AS choiceId, n, 0 AS students
    FROM (SELECT item, choice, SUM(n) AS n FROM (${itemRows(b)}) WHERE wrong AND choice <> 0 GROUP BY item, choice)
    JOIN dash_items i ON i.id = item JOIN dash_keys c ON c.id = choice ORDER BY n DESC, choiceId`,
  ).all(p) as Choice[]
  return { totals, choices }
}

/**
 * Per quiz item and per step: how often it went wrong and the wrong choice picked most (ties:
 * the smaller choice id, so the answer is the same on every run), with the distinct students
 * behind each when `students` (small cells: a school, grade or session scope).
 */
export function itemFigures(db: Db, f: DashboardFilter, { students = true } = {}): ItemFigures[] {
  const { totals, choices } = sources(db, bind(f), students)
  const top = new Map<string, ItemFigures['topWrong']>()
  for (const c of choices) {
    const k = `${c.exhibitId}\n${c.kind}\n${c.itemId}`
    if (!top.has(k) && c.choiceId !== null) top.set(k, { choiceId: c.choiceId, n: c.n, students: c.students })
  }
  return totals.map((t) => ({ ...t, topWrong: top.get(`${t.exhibitId}\n${t.kind}\n${t.itemId}`) ?? null }))
}

const MONTH = (m: string) => `printf('%04d-%02d', ${m} / 100, ${m} % 100)`

/** Quiz items month by month: whether a misconception fades over the year. */
export function quizTrend(db: Db, f: DashboardFilter, { students = true } = {}): MonthItem[] {
  const b = bind(f)
  if (byClassSet(b))
    return prepared(
      db,
      `SELECT ${MONTH('m')} AS month, i.exhibit_id AS exhibitId, i.item_id AS itemId, SUM(all_n) AS answers, SUM(wrong_n) AS wrong, SUM(s) AS students
      FROM (SELECT r.item, r.day / 100 AS m, SUM(r.n) AS all_n, SUM(CASE WHEN r.wrong THEN r.n ELSE 0 END) AS wrong_n,
          ${students ? 'COUNT(DISTINCT r.passport)' : '0'} AS s
        FROM answer_rollup r WHERE r.item IN (SELECT id FROM dash_items WHERE kind = 'quiz') AND ${keyWhere(b, ANSWERS)} GROUP BY r.batch, r.item, m)
      JOIN dash_items i ON i.id = item GROUP BY m, item ORDER BY month, exhibitId, itemId`,
    ).all(keyParams(b)) as MonthItem[]
  if (students || isScoped(f))
    return prepared(
      db,
      `SELECT substr(e.day, 1, 7) AS month, e.exhibit_id AS exhibitId, e.item_id AS itemId, COUNT(*) AS answers, COUNT(CASE WHEN e.correct = 0 THEN 1 END) AS wrong,
        ${students ? 'COUNT(DISTINCT e.passport_id)' : '0'} AS students
      FROM events e WHERE e.type = 'answer-given' AND e.item_id IS NOT NULL AND ${where(b, EVENT_COLUMNS)}${classOnly(b)}
      GROUP BY month, e.exhibit_id, e.item_id ORDER BY month, e.exhibit_id, e.item_id`,
    ).all(b) as MonthItem[]
  return prepared(
    db,
    `SELECT ${MONTH('m')} AS month, i.exhibit_id AS exhibitId, i.item_id AS itemId, answers, wrong, 0 AS students
    FROM (SELECT month AS m, item, SUM(n) AS answers, SUM(CASE WHEN wrong THEN n ELSE 0 END) AS wrong FROM (${itemRows(b)}) GROUP BY m, item)
    JOIN dash_items i ON i.id = item WHERE i.kind = 'quiz' ORDER BY month, exhibitId, itemId`,
  ).all(monthParams(b)) as MonthItem[]
}
