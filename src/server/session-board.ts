import type { Db } from './db/database.ts'
import type { ClassSessionRow, ClassSessionsRepo } from './db/class-sessions-repo.ts'
import { profileOf, stateOf, type StationLiveRepo, type StationLiveRow } from './db/station-live-repo.ts'
import type { ExhibitTexts } from './exhibit-texts.ts'
import type { LiveHub } from './live-hub.ts'
import type { Board, Hint, SessionInfo, StationRow } from '../core/station-live.ts'

/** Hints shown: the most shared wrong choices, at most this many. */
export const MAX_HINTS = 5

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString())

export function sessionInfo(s: ClassSessionRow): SessionInfo {
  return {
    sessionId: s.id,
    school: s.school,
    grade: s.grade,
    className: s.class_name,
    headcount: s.headcount,
    exhibits: JSON.parse(s.exhibits) as string[],
    joinCode: s.join_code,
    batchId: s.batch_id,
    createdAt: iso(s.created_ms)!,
    endedAt: iso(s.ended_ms),
  }
}

interface WrongRow {
  exhibit_id: string
  item_id: string
  choice: string
  chose: number
  answered: number
}

/**
 * The live console's board for one session: stations, the passports × exhibits grid and the
 * misconception hints, all from the session's events (the `events_session` index) and the
 * stations' reported state. A learner is a passport; an event without one counts on its own.
 */
export function createSessionBoard(
  db: Db,
  deps: { stations: StationLiveRepo; sessions: ClassSessionsRepo; hub: LiveHub; texts: ExhibitTexts; now: () => number },
) {
  const batchCodes = db.prepare<[string], string>('SELECT code FROM passports WHERE batch_id = ? ORDER BY code').pluck()
  const cells = db.prepare<
    [string],
    { passport_id: string; exhibit_id: string; stamped: number; completed: number; score: number | null; max_score: number | null }
  >(`SELECT passport_id, exhibit_id,
      max(type = 'stamp-awarded') AS stamped,
      max(type = 'exhibit-completed') AS completed,
      max(CASE WHEN type = 'exhibit-completed' THEN json_extract(data, '$.score') END) AS score,
      max(CASE WHEN type = 'exhibit-completed' THEN json_extract(data, '$.maxScore') END) AS max_score
    FROM events WHERE session_id = ? AND passport_id IS NOT NULL GROUP BY passport_id, exhibit_id`)
  // Per quiz item (answer-given) and per step (step-completed or step-mistake): how many
  // learners answered, and how many of them chose each wrong choice.
  const wrong = db.prepare<[string], WrongRow & { kind: 'quiz' | 'step' }>(`
    WITH a AS (
      SELECT CASE type WHEN 'answer-given' THEN 'quiz' ELSE 'step' END AS kind, exhibit_id, item_id,
             coalesce(passport_id, id) AS learner,
             CASE WHEN type = 'step-mistake' OR (type = 'answer-given' AND correct = 0) THEN json_extract(data, '$.choiceId') END AS choice
      FROM events WHERE session_id = ? AND type IN ('answer-given', 'step-completed', 'step-mistake')
    ), n AS (SELECT kind, exhibit_id, item_id, count(DISTINCT learner) AS answered FROM a GROUP BY kind, exhibit_id, item_id)
    SELECT a.kind, a.exhibit_id, a.item_id, a.choice, count(DISTINCT a.learner) AS chose, n.answered
    FROM a JOIN n USING (kind, exhibit_id, item_id)
    WHERE a.choice IS NOT NULL
    GROUP BY a.kind, a.exhibit_id, a.item_id, a.choice`)

  const stationRow = (r: StationLiveRow): StationRow => {
    const p = profileOf(r)
    return {
      stationId: r.id,
      name: r.name,
      kind: p?.kind ?? null,
      offered: p?.offered ?? [],
      // Online means its command stream is open now: a command sent would arrive at once.
      online: deps.hub.isOnline(r.id),
      lastSeen: iso(r.last_seen_ms),
      state: stateOf(r),
      sessionId: r.session_id,
    }
  }

  return {
    stationRows: () => deps.stations.list().map(stationRow),
    board(s: ClassSessionRow): Board {
      const joined = new Set(deps.sessions.stations(s.id))
      const stations = deps.stations
        .list()
        .map((r) => ({ ...stationRow(r), joined: joined.has(r.id) }))
        .sort((a, b) => Number(b.joined) - Number(a.joined))
      const grid: Board['cells'] = {}
      for (const c of cells.all(s.id)) {
        ;(grid[c.passport_id] ??= {})[c.exhibit_id] = {
          status: c.stamped ? 'stamped' : c.completed ? 'done' : 'playing',
          score: c.score,
          maxScore: c.max_score,
        }
      }
      const passports = [...new Set([...(s.batch_id ? batchCodes.all(s.batch_id) : []), ...Object.keys(grid)])]
      const hints: Hint[] = wrong
        .all(s.id)
        .map((w) => ({
          exhibitId: w.exhibit_id,
          kind: w.kind,
          itemId: w.item_id,
          choiceId: w.choice,
          chose: w.chose,
          answered: w.answered,
          share: w.chose / w.answered,
          ...(w.kind === 'quiz' ? deps.texts.quiz(w.exhibit_id, w.item_id, w.choice) : deps.texts.step(w.exhibit_id, w.item_id, w.choice)),
        }))
        .sort((a, b) => b.share - a.share || b.chose - a.chose)
        .slice(0, MAX_HINTS)
      return { session: sessionInfo(s), stations, passports, cells: grid, hints }
    },
  }
}
export type SessionBoard = ReturnType<typeof createSessionBoard>
