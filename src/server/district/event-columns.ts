import { z } from 'zod'
import { EventPassportIdSchema, SessionIdSchema, StationIdSchema, VisitEventSchema, formatIssues } from '../../core/event-schema.ts'
import { KebabIdSchema } from '../../core/manifest-schema.ts'
import { eventRow } from '../ingest.ts'
import { ForwardedDaySchema, ForwardedEventSchema } from './protocol.ts'
import type { ForwardAnswer } from './protocol.ts'

/**
 * One forwarded event as the district stores it: id (lower case), time (epoch ms), day,
 * seq, station, session, passport, exhibit, type, item, correct, duration, data (JSON).
 */
export type EventColumns = [
  string,
  number,
  string,
  number,
  string,
  string | null,
  string | null,
  string,
  string,
  string | null,
  boolean | null,
  number | null,
  string,
]

/**
 * The ingest's fast path (issue 15: the two zod checks were ~10 µs of an event's ~27 µs in
 * the district process). It accepts only events both schemas of the slow path accept —
 * the six types a play is made of, exactly their keys — and answers null for anything
 * else, which then takes the slow path and gets its precise reason there. Strings that
 * repeat across events (day, station, passport, exhibit, item ids) are checked by the
 * very same zod schemas once and remembered; only the id and the numbers are checked per
 * event. tests/district/event-columns… compares both paths on valid and broken events.
 */
const UUID_V7 = z.regexes.uuid(7)
const DAY_MS = 86_400_000
export const EARLIEST_MS = Date.parse('2000-01-01T00:00:00Z')
const SCORE_MAX = 10_000

function memo(schema: z.ZodType<string>): (s: unknown) => s is string {
  const known = new Map<string, boolean>()
  return (s: unknown): s is string => {
    if (typeof s !== 'string') return false
    let ok = known.get(s)
    if (ok === undefined) {
      ok = schema.safeParse(s).success
      // Bounded: a center sending endless distinct strings costs a re-check, not memory.
      if (known.size >= 20_000) known.clear()
      known.set(s, ok)
    }
    return ok
  }
}
const isDay = memo(ForwardedDaySchema)
const isStation = memo(StationIdSchema)
const isSession = memo(SessionIdSchema)
const isPassport = memo(EventPassportIdSchema)
const isKebab = memo(KebabIdSchema.max(64))

const isIntIn = (v: unknown, min: number, max: number): v is number => Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
const keyCount = (o: object) => Object.keys(o).length

/** item id, correct, duration for a play's data; undefined if the data is not exactly right for the type. */
function playData(type: unknown, d: Record<string, unknown>): [string | null, boolean | null, number | null] | undefined {
  switch (type) {
    case 'exhibit-started': {
      const n = keyCount(d)
      return n === 0 || (n === 1 && (d.mode === 'flat' || d.mode === 'vr')) ? [null, null, null] : undefined
    }
    case 'step-completed':
      return keyCount(d) === 1 && isKebab(d.stepId) ? [d.stepId, null, null] : undefined
    case 'step-mistake':
      return keyCount(d) === 2 && isKebab(d.stepId) && isKebab(d.choiceId) ? [d.stepId, null, null] : undefined
    case 'answer-given':
      return keyCount(d) === 3 && isKebab(d.quizId) && isKebab(d.choiceId) && typeof d.correct === 'boolean' ? [d.quizId, d.correct, null] : undefined
    case 'exhibit-completed':
      return keyCount(d) === 4 &&
        isIntIn(d.score, 0, SCORE_MAX) &&
        isIntIn(d.maxScore, d.score, SCORE_MAX) &&
        typeof d.passed === 'boolean' &&
        isIntIn(d.durationMs, 0, DAY_MS)
        ? [null, null, d.durationMs]
        : undefined
    case 'stamp-awarded':
      return keyCount(d) === 1 && isKebab(d.stampId) ? [d.stampId, null, null] : undefined
    default:
      return undefined
  }
}

/**
 * What `data` keeps at the district: not what has a column of its own (item_id, correct,
 * duration_ms, as the center's eventRow fills them). Migration 006; its event_data()
 * gives back the data the center sent.
 */
const IN_COLUMNS: Partial<Record<string, readonly string[]>> = {
  'step-completed': ['stepId'],
  'step-mistake': ['stepId'],
  'answer-given': ['quizId', 'correct'],
  'stamp-awarded': ['stampId'],
  'exhibit-completed': ['durationMs'],
}
export function storedData(type: string, data: Record<string, unknown>): Record<string, unknown> {
  const drop = IN_COLUMNS[type]
  if (!drop) return data
  const kept: Record<string, unknown> = {}
  for (const k of Object.keys(data)) if (!drop.includes(k)) kept[k] = data[k]
  return kept
}

/** The event's columns if the fast path can vouch for it; null: take the slow path. */
export function fastEventColumns(item: unknown, earliestMs: number, latestMs: number): EventColumns | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null
  const e = item as Record<string, unknown>
  if (keyCount(e) !== 10) return null
  const { seq, id, time, day, stationId, sessionId, passportId, exhibitId, type, data } = e
  if (!isIntIn(seq, 1, Number.MAX_SAFE_INTEGER) || !isIntIn(time, earliestMs, latestMs)) return null
  if (typeof id !== 'string' || !UUID_V7.test(id) || !isDay(day) || !isStation(stationId) || !isKebab(exhibitId)) return null
  if (!(sessionId === null || isSession(sessionId)) || !(passportId === null || isPassport(passportId))) return null
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null
  const cols = playData(type, data as Record<string, unknown>)
  if (!cols) return null
  // Play data holds only kebab ids, integers and booleans: nothing jsonb would refuse.
  const json = JSON.stringify(storedData(type as string, data as Record<string, unknown>))
  return [id.toLowerCase(), time, day, seq, stationId, sessionId, passportId, exhibitId, type as string, cols[0], cols[1], cols[2], json]
}

type Rejection = ForwardAnswer['rejected'][number]

/**
 * What SQLite keeps but jsonb refuses (NUL, unpaired surrogates), e.g. in a crash message:
 * replaced, since a batch PostgreSQL refuses would be resent by its center forever.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
const NUL = String.fromCharCode(0)
const jsonbSafe = (v: string) => v.replaceAll(NUL, '\uFFFD').replace(LONE_SURROGATE, '\uFFFD')

/** The slow path: both zod checks, with their precise reasons for what they refuse. */
export function slowEventColumns(item: unknown, latestMs: number): EventColumns | Rejection {
  const f = ForwardedEventSchema.safeParse(item)
  if (!f.success) {
    // Echoed only as the integer it should be (the answer's schema, and the center's log, want one).
    const raw = (item as { seq?: unknown } | null)?.seq
    return { seq: Number.isSafeInteger(raw) ? (raw as number) : null, reason: formatIssues(f.error).join('; ') }
  }
  const { seq, time, day, sessionId, passportId, ...rest } = f.data
  // Checked first: new Date(t).toISOString() throws past year 275760.
  if (time < EARLIEST_MS || time > latestMs) return { seq, reason: `time: out of range (${time})` }
  const parsed = VisitEventSchema.safeParse({
    ...rest,
    time: new Date(time).toISOString(),
    ...(sessionId !== null ? { sessionId } : {}),
    ...(passportId !== null ? { passportId } : {}),
  })
  if (!parsed.success) return { seq, reason: formatIssues(parsed.error).join('; ') }
  const e = parsed.data
  const id = e.id.toLowerCase()
  const r = eventRow({ ...e, id }, () => day, 0)
  const data = JSON.stringify(storedData(e.type, e.data), (_k, v: unknown) => (typeof v === 'string' ? jsonbSafe(v) : v))
  return [id, time, day, seq, r[4], r[5], r[6], r[7], r[8], r[9], r[10] === null ? null : r[10] === 1, r[11], data]
}

/** A forwarded event's columns, or why it is refused. */
export const eventColumns = (item: unknown, latestMs: number): EventColumns | Rejection =>
  fastEventColumns(item, EARLIEST_MS, latestMs) ?? slowEventColumns(item, latestMs)
