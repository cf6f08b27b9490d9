import { randomInt } from 'node:crypto'
import type { Db } from './database.ts'
import { CROCKFORD } from '../../core/passport-code.ts'
import { CommandSchema, type Command, type StationCommand } from '../../core/station-live.ts'

export interface ClassSessionRow {
  id: string
  request_id: string
  center_id: string
  school: string
  grade: string
  class_name: string
  headcount: number
  exhibits: string
  batch_id: string | null
  join_code: string
  created_by: number | null
  created_ms: number
  ended_ms: number | null
}

interface CommandRow {
  seq: number
  command_id: string
  session_id: string
  body: string
  created_ms: number
}

const JOIN_CODE_LENGTH = 6
const newJoinCode = () => Array.from({ length: JOIN_CODE_LENGTH }, () => CROCKFORD[randomInt(CROCKFORD.length)]).join('')

/**
 * Class sessions, their stations and the command log. Every read is scoped to this
 * server's center: another center's session reads as absent (a 404 to its guide).
 */
export function createClassSessionsRepo(db: Db, { centerId, now }: { centerId: string; now: () => number }) {
  const insert =
    db.prepare(`INSERT INTO class_sessions (id, request_id, center_id, school, grade, class_name, headcount, exhibits, batch_id, join_code, created_by, created_ms)
    VALUES (@id, @request_id, @center_id, @school, @grade, @class_name, @headcount, @exhibits, @batch_id, @join_code, @created_by, @created_ms)`)
  const byId = db.prepare<[string, string], ClassSessionRow>('SELECT * FROM class_sessions WHERE id = ? AND center_id = ?')
  const byRequest = db.prepare<[string, string], ClassSessionRow>('SELECT * FROM class_sessions WHERE request_id = ? AND center_id = ?')
  const byJoinCode = db.prepare<[string, string], ClassSessionRow>('SELECT * FROM class_sessions WHERE join_code = ? AND center_id = ? AND ended_ms IS NULL')
  const recent = db.prepare<[string], ClassSessionRow>('SELECT * FROM class_sessions WHERE center_id = ? ORDER BY created_ms DESC LIMIT 20')
  const end = db.prepare<[number, string, string]>('UPDATE class_sessions SET ended_ms = ? WHERE id = ? AND center_id = ? AND ended_ms IS NULL')
  const addStation = db.prepare<[string, string, number]>('INSERT OR IGNORE INTO class_session_stations (session_id, station_id, joined_ms) VALUES (?, ?, ?)')
  const stationIds = db.prepare<[string], string>('SELECT station_id FROM class_session_stations WHERE session_id = ? ORDER BY joined_ms').pluck()
  const setStationSession = db.prepare<[string | null, string]>('UPDATE stations SET session_id = ? WHERE id = ?')
  const clearStations = db.prepare<[string]>('UPDATE stations SET session_id = NULL WHERE session_id = ?')
  const insertCommand = db.prepare<[string, string, string, string, string, number]>(
    'INSERT OR IGNORE INTO station_commands (command_id, center_id, session_id, station_id, body, created_ms) VALUES (?, ?, ?, ?, ?, ?)',
  )
  // A command of a session that has ended is stale: only that session's own `session-ended` is replayed.
  const pending = db.prepare<[string, number, string], CommandRow>(`SELECT c.seq, c.command_id, c.session_id, c.body, c.created_ms
    FROM station_commands c JOIN class_sessions s ON s.id = c.session_id
    WHERE c.station_id = ? AND c.seq > ? AND c.center_id = ?
      AND (s.ended_ms IS NULL OR json_extract(c.body, '$.type') = 'session-ended')
    ORDER BY c.seq LIMIT 200`)
  const lastSeq = db.prepare<[string], number | null>('SELECT max(seq) FROM station_commands WHERE station_id = ?').pluck()

  const toCommand = (r: CommandRow): StationCommand | null => {
    const c = CommandSchema.safeParse(JSON.parse(r.body))
    return c.success ? { seq: r.seq, id: r.command_id, sessionId: r.session_id, command: c.data, at: new Date(r.created_ms).toISOString() } : null
  }

  const enqueue = (sessionId: string, commandId: string, command: Command, stations: readonly string[]): number => {
    const body = JSON.stringify(command)
    let n = 0
    for (const s of stations) n += insertCommand.run(commandId, centerId, sessionId, s, body, now()).changes
    return n
  }

  const join = db.transaction((sessionId: string, stationId: string): boolean => {
    const added = addStation.run(sessionId, stationId, now()).changes === 1
    setStationSession.run(sessionId, stationId)
    enqueue(sessionId, `join:${sessionId}`, { type: 'join', sessionId }, [stationId])
    return added
  })

  return {
    create(
      s: Omit<ClassSessionRow, 'center_id' | 'join_code' | 'created_ms' | 'ended_ms'>,
      stations: readonly string[],
    ): { row: ClassSessionRow; created: boolean } {
      return db
        .transaction(() => {
          const existing = byRequest.get(s.request_id, centerId)
          if (existing) return { row: existing, created: false }
          insert.run({ ...s, center_id: centerId, join_code: newJoinCode(), created_ms: now() })
          for (const st of stations) join(s.id, st)
          return { row: byId.get(s.id, centerId)!, created: true }
        })
        .immediate()
    },
    get: (id: string) => byId.get(id, centerId),
    byJoinCode: (code: string) => byJoinCode.get(code.toUpperCase(), centerId),
    recent: () => recent.all(centerId),
    stations: (id: string) => stationIds.all(id),
    join,
    /** Ends the session, tells its stations, frees them. False when it had already ended. */
    end: db.transaction((id: string): boolean => {
      if (end.run(now(), id, centerId).changes === 0) return false
      enqueue(id, `end:${id}`, { type: 'session-ended' }, stationIds.all(id))
      clearStations.run(id)
      return true
    }),
    enqueue: db.transaction(enqueue),
    /** Commands for this station after its cursor, stale ones left out. */
    pendingFor: (stationId: string, after: number): StationCommand[] => pending.all(stationId, after, centerId).flatMap((r) => toCommand(r) ?? []),
    lastSeq: (stationId: string) => lastSeq.get(stationId) ?? 0,
  }
}
export type ClassSessionsRepo = ReturnType<typeof createClassSessionsRepo>
