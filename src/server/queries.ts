import type { Db } from './db/database.ts'
import { PassportCodeSchema } from '../core/passport-code.ts'
import type { DayStats, ExhibitStats, PassportStats, QuizItemStats, Range, SessionStats, UnknownPassport } from './schemas/stats.ts'

/**
 * Dashboard statistics. Counts come from the trigger-kept totals tables (a few rows
 * per day and exhibit), medians from a partial covering index of completions, and a
 * passport's history from its own index, so each stays fast at millions of events.
 */
const bounds = (r: Range): [string, string] => [r.from ?? '0000-00-00', r.to ?? '9999-12-31']

/** The most events one page of a passport's history holds. */
export const PASSPORT_PAGE_MAX = 1000
/** `<time_ms>.<seq>` of the last event on the previous page (the schema checked the form). */
const parseCursor = (c: string): [number, number] => {
  const [ms, seq] = c.split('.')
  return [Number(ms), Number(seq)]
}

const rate = (num: number, den: number) => (den > 0 ? Math.round((num / den) * 1000) / 1000 : null)

const COUNT_COLUMNS = `SUM(n) AS events,
  COALESCE(SUM(CASE WHEN type = 'exhibit-started' THEN n END), 0) AS starts,
  COALESCE(SUM(CASE WHEN type = 'exhibit-completed' THEN n END), 0) AS completions,
  COALESCE(SUM(CASE WHEN type = 'stamp-awarded' THEN n END), 0) AS stamps,
  COALESCE(SUM(CASE WHEN type = 'exhibit-crashed' THEN n END), 0) AS crashes`

export function createQueries(db: Db) {
  const byDay = db.prepare(`SELECT day, ${COUNT_COLUMNS} FROM daily_counts WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day`)
  // Visitors = distinct passports still on record + the anonymous counts the retention job
  // and deletions left behind (visitor_*_rollup), so removing passport ids changes no total.
  const visitorsByDay = db.prepare(`SELECT day, SUM(n) AS n FROM (
      SELECT day, COUNT(*) AS n FROM daily_visitors WHERE day BETWEEN ? AND ? GROUP BY day
      UNION ALL SELECT day, n FROM visitor_day_rollup WHERE day BETWEEN ? AND ?) GROUP BY day`)
  const bySession = db.prepare(`SELECT session_id AS sessionId, MIN(first_day) AS firstDay, MAX(last_day) AS lastDay, ${COUNT_COLUMNS}
    FROM session_counts GROUP BY session_id HAVING lastDay >= ? AND firstDay <= ? ORDER BY firstDay DESC, session_id`)
  const visitorsBySession = db.prepare(`SELECT sessionId, SUM(n) AS n FROM (
      SELECT session_id AS sessionId, COUNT(*) AS n FROM session_visitors GROUP BY session_id
      UNION ALL SELECT session_id, n FROM visitor_session_rollup) GROUP BY sessionId`)
  const byExhibit = db.prepare(
    `SELECT exhibit_id AS exhibitId, ${COUNT_COLUMNS} FROM daily_counts WHERE day BETWEEN ? AND ? GROUP BY exhibit_id ORDER BY exhibit_id`,
  )
  // Median = the middle of the exhibit's completions in duration order, read off the
  // partial index (no sort): count, then step to the middle one or two. event_store, not the
  // events view: the index is on its columns (type 5 = exhibit-completed, migration 015).
  const completedCount = db
    .prepare(
      `SELECT COUNT(*) FROM event_store INDEXED BY events_completed
    WHERE type = 5 AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = ?) AND day BETWEEN ? AND ?`,
    )
    .pluck()
  const middle = db
    .prepare(
      `SELECT duration_ms FROM event_store INDEXED BY events_completed
    WHERE type = 5 AND exhibit = (SELECT id FROM dash_keys WHERE kind = 'exhibit' AND value = ?) AND day BETWEEN ? AND ?
    ORDER BY duration_ms LIMIT ? OFFSET ?`,
    )
    .pluck()
  const median = (exhibitId: string, [from, to]: [string, string]): number | null => {
    const n = completedCount.get(exhibitId, from, to) as number
    if (n === 0) return null
    const mid = middle.all(exhibitId, from, to, 2 - (n % 2), Math.floor((n - 1) / 2)) as number[]
    return mid.reduce((a, b) => a + b, 0) / mid.length
  }
  const quiz = db.prepare(`SELECT exhibit_id AS exhibitId, quiz_id AS quizId, SUM(answers) AS answers, SUM(wrong) AS wrong
    FROM quiz_counts WHERE day BETWEEN ? AND ? GROUP BY exhibit_id, quiz_id ORDER BY exhibit_id, quiz_id`)
  const unknown = db.prepare(`SELECT passport_code AS code, COUNT(*) AS events, COUNT(DISTINCT station_id) AS stations,
      MIN(time_ms) AS firstMs, MAX(time_ms) AS lastMs FROM quarantined_events GROUP BY passport_code ORDER BY lastMs DESC LIMIT 1000`)
  // A passport's history, one page at a time in (time_ms, seq) order off events_passport
  // (seq is the rowid, so it is in the index); the summary aggregates every row.
  const passportPage = db.prepare(`SELECT seq, id, time_ms, exhibit_id, type, data FROM events
    WHERE passport_id = ? AND (time_ms, seq) > (?, ?) ORDER BY time_ms, seq LIMIT ?`)
  const passportSummary = db.prepare(`SELECT COUNT(*) AS total,
      COUNT(CASE WHEN type = 'answer-given' THEN 1 END) AS answers,
      COALESCE(SUM(CASE WHEN type = 'answer-given' THEN correct END), 0) AS correctAnswers
    FROM events WHERE passport_id = ?`)
  // In order of first occurrence, as a visitor met them.
  const passportItems = (where: string, column: string) =>
    db.prepare<[string], string>(`SELECT ${column} FROM events WHERE passport_id = ? AND ${where} GROUP BY ${column} ORDER BY MIN(time_ms), MIN(seq)`).pluck()
  const startedOf = passportItems("type = 'exhibit-started'", 'exhibit_id')
  const completedOf = passportItems("type = 'exhibit-completed'", 'exhibit_id')
  const stampsOf = passportItems("type = 'stamp-awarded' AND item_id IS NOT NULL", 'item_id')

  type Counts = { events: number; starts: number; completions: number; stamps: number; crashes: number }

  return {
    byDay(range: Range): DayStats[] {
      const b = bounds(range)
      const visitors = new Map((visitorsByDay.all(...b, ...b) as { day: string; n: number }[]).map((r) => [r.day, r.n]))
      return (byDay.all(...b) as (Counts & { day: string })[]).map((r) => ({ ...r, visitors: visitors.get(r.day) ?? 0 }))
    },
    bySession(range: Range): SessionStats[] {
      const visitors = new Map((visitorsBySession.all() as { sessionId: string; n: number }[]).map((r) => [r.sessionId, r.n]))
      return (bySession.all(...bounds(range)) as (Counts & { sessionId: string; firstDay: string; lastDay: string })[]).map(
        ({ sessionId, firstDay, lastDay, events, starts, completions }) => ({
          sessionId,
          firstDay,
          lastDay,
          events,
          starts,
          completions,
          visitors: visitors.get(sessionId) ?? 0,
        }),
      )
    },
    byExhibit(range: Range): ExhibitStats[] {
      const b = bounds(range)
      return (byExhibit.all(...b) as (Counts & { exhibitId: string })[]).map((r) => ({
        exhibitId: r.exhibitId,
        starts: r.starts,
        completions: r.completions,
        completionRate: rate(r.completions, r.starts),
        crashes: r.crashes,
        medianDurationMs: r.completions > 0 ? median(r.exhibitId, b) : null,
      }))
    },
    quizItems(range: Range): QuizItemStats[] {
      return (quiz.all(...bounds(range)) as Omit<QuizItemStats, 'percentWrong'>[]).map((r) => ({
        ...r,
        percentWrong: r.answers > 0 ? Math.round((r.wrong / r.answers) * 1000) / 10 : null,
      }))
    },
    /** Codes that stations used but this server never issued (events kept aside, not counted). */
    unknownPassports(): UnknownPassport[] {
      return (unknown.all() as { code: string; events: number; stations: number; firstMs: number; lastMs: number }[]).map(({ firstMs, lastMs, ...r }) => ({
        ...r,
        firstAt: new Date(firstMs).toISOString(),
        lastAt: new Date(lastMs).toISOString(),
      }))
    },
    /** Summary over all the passport's events; `events` is one page (`limit`) after `cursor`. */
    passport(passportId: string, { cursor = null, limit = PASSPORT_PAGE_MAX }: { cursor?: string | null; limit?: number } = {}): PassportStats {
      PassportCodeSchema.parse(passportId)
      const [afterMs, afterSeq] = cursor === null ? [Number.MIN_SAFE_INTEGER, 0] : parseCursor(cursor)
      // One more than asked, to know whether another page follows.
      const rows = passportPage.all(passportId, afterMs, afterSeq, limit + 1) as {
        seq: number
        id: string
        time_ms: number
        exhibit_id: string
        type: string
        data: string
      }[]
      const sum = passportSummary.get(passportId) as { total: number; answers: number; correctAnswers: number }
      const more = rows.length > limit
      if (more) rows.pop()
      const last = more ? rows[rows.length - 1] : undefined
      return {
        passportId,
        exhibitsStarted: startedOf.all(passportId),
        exhibitsCompleted: completedOf.all(passportId),
        stamps: stampsOf.all(passportId),
        answers: sum.answers,
        correctAnswers: sum.correctAnswers,
        totalEvents: sum.total,
        events: rows.map((r) => ({
          id: r.id,
          time: new Date(r.time_ms).toISOString(),
          exhibitId: r.exhibit_id,
          type: r.type,
          data: JSON.parse(r.data) as unknown,
        })),
        nextCursor: last ? `${last.time_ms}.${last.seq}` : null,
      }
    },
  }
}
export type Queries = ReturnType<typeof createQueries>
