import type { Db } from './database.ts'
import type { Activity, ActivityFilter, ActivityInput, ActivityTotals, NewActivity } from '../../core/programme.ts'
import { MAX_LISTED_ACTIVITIES } from '../../core/programme.ts'

interface Row {
  id: string
  request_id: string
  topic: string
  type: Activity['type']
  day: string
  duration_min: number
  guides: string
  audience: number
  volunteer_tenths: number
  created_name: string | null
  updated_name: string | null
  created_ms: number
  updated_ms: number
}

const iso = (ms: number) => new Date(ms).toISOString()
const toActivity = (r: Row): Activity => ({
  id: r.id,
  topic: r.topic,
  type: r.type,
  date: r.day,
  durationMinutes: r.duration_min,
  guides: r.guides,
  audience: r.audience,
  volunteerHours: r.volunteer_tenths / 10,
  createdBy: r.created_name,
  updatedBy: r.updated_name,
  createdAt: iso(r.created_ms),
  updatedAt: iso(r.updated_ms),
})
const tenths = (hours: number) => Math.round(hours * 10)

/** `%`, `_` and `\` in a search are literal characters, not patterns. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The `activities` table, scoped to this server's center. Filters are bound parameters in
 * one fixed query (a NULL filter matches everything), so the list and its totals always
 * agree: the totals are over every match, the list stops at MAX_LISTED_ACTIVITIES.
 */
export function createActivitiesRepo(db: Db, { centerId, now }: { centerId: string; now: () => number }) {
  const SELECT = `SELECT a.*, cu.name AS created_name, uu.name AS updated_name FROM activities a
    LEFT JOIN users cu ON cu.id = a.created_by LEFT JOIN users uu ON uu.id = a.updated_by`
  const WHERE = `WHERE a.center_id = @center AND (@from IS NULL OR a.day >= @from) AND (@to IS NULL OR a.day <= @to)
    AND (@type IS NULL OR a.type = @type)
    AND (@q IS NULL OR a.topic LIKE @q ESCAPE '\\' OR a.guides LIKE @q ESCAPE '\\')`
  const list = db.prepare<Record<string, unknown>, Row>(`${SELECT} ${WHERE} ORDER BY a.day DESC, a.created_ms DESC LIMIT ${MAX_LISTED_ACTIVITIES + 1}`)
  const totals = db.prepare<Record<string, unknown>, { count: number; participants: number; tenths: number; minutes: number }>(
    `SELECT COUNT(*) AS count, COALESCE(SUM(audience), 0) AS participants, COALESCE(SUM(volunteer_tenths), 0) AS tenths,
      COALESCE(SUM(duration_min), 0) AS minutes FROM activities a ${WHERE}`,
  )
  const byId = db.prepare<[string, string], Row>(`${SELECT} WHERE a.id = ? AND a.center_id = ?`)
  const byRequest = db.prepare<[string, string], Row>(`${SELECT} WHERE a.request_id = ? AND a.center_id = ?`)
  const insert = db.prepare(`INSERT INTO activities (id, request_id, center_id, topic, type, day, duration_min, guides, audience, volunteer_tenths,
      created_by, updated_by, created_ms, updated_ms) VALUES (@id, @requestId, @center, @topic, @type, @date, @durationMinutes, @guides, @audience,
      @tenths, @user, @user, @at, @at)`)
  const update = db.prepare(`UPDATE activities SET topic = @topic, type = @type, day = @date, duration_min = @durationMinutes, guides = @guides,
      audience = @audience, volunteer_tenths = @tenths, updated_by = @user, updated_ms = @at WHERE id = @id AND center_id = @center`)
  const remove = db.prepare<[string, string]>('DELETE FROM activities WHERE id = ? AND center_id = ?')

  const params = (f: ActivityFilter) => ({
    center: centerId,
    from: f.from ?? null,
    to: f.to ?? null,
    type: f.type ?? null,
    q: f.q ? `%${likeEscape(f.q)}%` : null,
  })
  const fields = (a: ActivityInput) => ({
    topic: a.topic,
    type: a.type,
    date: a.date,
    durationMinutes: a.durationMinutes,
    guides: a.guides,
    audience: a.audience,
    tenths: tenths(a.volunteerHours),
  })

  const create = db.transaction((a: NewActivity, userId: number): { activity: Activity; created: boolean; sameInput: boolean } => {
    const existing = byRequest.get(a.requestId, centerId)
    if (existing) {
      const f = fields(a)
      const sameInput =
        existing.topic === f.topic &&
        existing.type === f.type &&
        existing.day === f.date &&
        existing.duration_min === f.durationMinutes &&
        existing.guides === f.guides &&
        existing.audience === f.audience &&
        existing.volunteer_tenths === f.tenths
      return { activity: toActivity(existing), created: false, sameInput }
    }
    const id = crypto.randomUUID()
    insert.run({ id, requestId: a.requestId, center: centerId, ...fields(a), user: userId, at: now() })
    return { activity: toActivity(byId.get(id, centerId)!), created: true, sameInput: true }
  })

  return {
    list(f: ActivityFilter): { activities: Activity[]; totals: ActivityTotals; truncated: boolean } {
      const p = params(f)
      const rows = list.all(p)
      const t = totals.get(p)!
      return {
        activities: rows.slice(0, MAX_LISTED_ACTIVITIES).map(toActivity),
        totals: { count: t.count, participants: t.participants, volunteerHours: t.tenths / 10, durationMinutes: t.minutes },
        truncated: rows.length > MAX_LISTED_ACTIVITIES,
      }
    },
    /** Records an activity, or returns the one already recorded for this request id (`created: false`). */
    create: (a: NewActivity, userId: number) => create.immediate(a, userId),
    /** The edited activity, or undefined when there is none with this id here. */
    update(id: string, a: ActivityInput, userId: number): Activity | undefined {
      const r = update.run({ id, center: centerId, ...fields(a), user: userId, at: now() })
      return r.changes === 1 ? toActivity(byId.get(id, centerId)!) : undefined
    },
    delete(id: string): boolean {
      return remove.run(id, centerId).changes === 1
    },
  }
}
export type ActivitiesRepo = ReturnType<typeof createActivitiesRepo>
