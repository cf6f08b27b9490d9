import type { Db } from './database.ts'
import { StationProfileSchema, StationStateSchema, type StationProfile, type StationState } from '../../core/station-live.ts'

export interface StationLiveRow {
  id: string
  name: string
  kind: StationProfile['kind'] | null
  offered: string | null
  live: string | null
  live_ms: number | null
  last_seen_ms: number | null
  session_id: string | null
}

/**
 * The console's view of the `stations` table: the profile a station was set up with and
 * the state it last reported. Stored JSON is parsed with zod on the way out (a bad row
 * reads as "no state", never as a crash of the console).
 */
export function createStationLiveRepo(db: Db, { centerId }: { centerId: string }) {
  const setProfile = db.prepare<[string, string, string, string, string]>('UPDATE stations SET name = ?, kind = ?, offered = ?, center_id = ? WHERE id = ?')
  const setLive = db.prepare<[string, number, number, string, string]>(
    'UPDATE stations SET live = ?, live_ms = ?, last_seen_ms = ?, center_id = coalesce(center_id, ?) WHERE id = ?',
  )
  const touch = db.prepare<[number, string, string]>('UPDATE stations SET last_seen_ms = ?, center_id = coalesce(center_id, ?) WHERE id = ?')
  const rowById = db.prepare<[string], StationLiveRow & { center_id: string | null }>(
    'SELECT id, name, kind, offered, live, live_ms, last_seen_ms, session_id, center_id FROM stations WHERE id = ?',
  )
  const rows = db.prepare<[string], StationLiveRow>(
    'SELECT id, name, kind, offered, live, live_ms, last_seen_ms, session_id FROM stations WHERE center_id = ? ORDER BY name, id',
  )
  const setSession = db.prepare<[string | null, string]>('UPDATE stations SET session_id = ? WHERE id = ?')

  return {
    setProfile(stationId: string, p: StationProfile): boolean {
      return setProfile.run(p.name, p.kind, JSON.stringify(p.offered), centerId, stationId).changes === 1
    },
    report(stationId: string, state: StationState, nowMs: number): void {
      setLive.run(JSON.stringify(state), nowMs, nowMs, centerId, stationId)
    },
    touch(stationId: string, nowMs: number): void {
      touch.run(nowMs, centerId, stationId)
    },
    /** This center's station (or one not yet claimed by any center). */
    get(stationId: string): StationLiveRow | undefined {
      const r = rowById.get(stationId)
      return r && (r.center_id === null || r.center_id === centerId) ? r : undefined
    },
    list(): StationLiveRow[] {
      return rows.all(centerId)
    },
    setSession(stationId: string, sessionId: string | null): void {
      setSession.run(sessionId, stationId)
    },
  }
}
export type StationLiveRepo = ReturnType<typeof createStationLiveRepo>

export function profileOf(r: Pick<StationLiveRow, 'name' | 'kind' | 'offered'>): StationProfile | null {
  if (!r.kind) return null
  const p = StationProfileSchema.safeParse({ name: r.name, kind: r.kind, offered: parseJson(r.offered) ?? [] })
  return p.success ? p.data : null
}

export function stateOf(r: Pick<StationLiveRow, 'live'>): StationState | null {
  const s = StationStateSchema.safeParse(parseJson(r.live))
  return s.success ? s.data : null
}

function parseJson(s: string | null): unknown {
  if (s === null) return null
  try {
    return JSON.parse(s) as unknown
  } catch {
    return null
  }
}
