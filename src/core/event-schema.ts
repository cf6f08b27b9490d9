import { z } from 'zod'
import { KebabIdSchema } from './manifest-schema.ts'
import { PassportCodeSchema } from './passport-code.ts'

/**
 * The one visit-event model shared by stations (recorder, outbox) and the stats server.
 * Every visit, step, answer and stamp becomes one of these; the id is a client-made
 * UUIDv7 so events sort by time and a resent event is recognised as the same one.
 */
export const EVENT_TYPES = [
  'exhibit-started',
  'step-completed',
  'step-mistake',
  'answer-given',
  'exhibit-completed',
  'stamp-awarded',
  'exhibit-crashed',
  'exhibit-exited',
] as const
export const EventTypeSchema = z.enum(EVENT_TYPES)
export type EventType = z.infer<typeof EventTypeSchema>

const ItemIdSchema = KebabIdSchema.max(64)
const DAY_MS = 24 * 60 * 60 * 1000
const DurationMsSchema = z.number().int().min(0).max(DAY_MS)

/**
 * The nil and max UUIDs pass z.uuid() but name nothing: a client that sends one has a
 * placeholder where an id belongs. Refused rather than mapped to "no session", so the
 * client's dead-letter store says which field is wrong (our own ids come from randomUUID).
 */
const notPlaceholder = (s: string) => !/^(0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i.test(s)
const realUuid = () => z.uuid().refine(notPlaceholder, 'must not be the nil or max UUID')

/** Station ids are UUIDs the station makes for itself, so it can record before it has ever reached the server. */
export const StationIdSchema = realUuid()
/** A guide-run class session; a UUID so it can be an xAPI registration as is. */
export const SessionIdSchema = realUuid()

/**
 * An RFC 3339 time with its offset. `-00:00` ("offset unknown", RFC 3339 §4.3) is not
 * ISO 8601, which xAPI timestamps must be, so it is refused; the station's recorder
 * always writes `Z` (toISOString), so only a foreign or broken client sends one.
 */
export const EventTimeSchema = z.iso
  .datetime({ offset: true })
  .refine((s) => !s.endsWith('-00:00'), 'the -00:00 offset (unknown local offset) is not valid ISO 8601 / xAPI; send Z or +00:00')

/**
 * A device passport id from before class-set passports (`SP-` + 12 Crockford symbols).
 * Still parsed so that events already waiting in a station's outbox are not dead-lettered
 * when the station updates; the server accepts such events as walk-ins and drops the id
 * (see docs/privacy.md). New events never carry one. Remove once stations have drained.
 */
export const LegacyDevicePassportSchema = z.string().regex(/^SP-[0-9A-HJKMNP-TV-Z]{12}$/)
export const isLegacyDevicePassport = (id: string) => LegacyDevicePassportSchema.safeParse(id).success

/** An event's passport: a printed passport code (or, in transit only, a legacy device passport). */
export const EventPassportIdSchema = z
  .string()
  .refine(
    (s) => PassportCodeSchema.safeParse(s).success || isLegacyDevicePassport(s),
    'must be a passport code: 10 Crockford base32 characters whose check characters match',
  )

const base = {
  id: z.uuidv7(),
  time: EventTimeSchema,
  stationId: StationIdSchema,
  sessionId: SessionIdSchema.optional(),
  passportId: EventPassportIdSchema.optional(),
  exhibitId: KebabIdSchema.max(64),
}

const ev = <T extends EventType, D extends z.ZodType>(type: T, data: D) => z.strictObject({ ...base, type: z.literal(type), data })

export const ExhibitStartedSchema = ev('exhibit-started', z.strictObject({ mode: z.enum(['flat', 'vr']).optional() }))
export const StepCompletedSchema = ev('step-completed', z.strictObject({ stepId: ItemIdSchema }))
export const StepMistakeSchema = ev('step-mistake', z.strictObject({ stepId: ItemIdSchema, choiceId: ItemIdSchema }))
export const AnswerGivenSchema = ev('answer-given', z.strictObject({ quizId: ItemIdSchema, choiceId: ItemIdSchema, correct: z.boolean() }))
export const ExhibitCompletedSchema = ev(
  'exhibit-completed',
  z
    .strictObject({
      score: z.number().int().min(0).max(10_000),
      maxScore: z.number().int().min(0).max(10_000),
      passed: z.boolean(),
      durationMs: DurationMsSchema,
    })
    .refine((d) => d.score <= d.maxScore, { message: 'score cannot exceed maxScore', path: ['score'] }),
)
export const StampAwardedSchema = ev('stamp-awarded', z.strictObject({ stampId: ItemIdSchema }))
export const ExhibitCrashedSchema = ev('exhibit-crashed', z.strictObject({ message: z.string().max(500) }))
export const ExhibitExitedSchema = ev(
  'exhibit-exited',
  z.strictObject({
    reason: z.enum(['visitor', 'idle', 'guide']).optional(),
    durationMs: DurationMsSchema.optional(),
  }),
)

export const VisitEventSchema = z.discriminatedUnion('type', [
  ExhibitStartedSchema,
  StepCompletedSchema,
  StepMistakeSchema,
  AnswerGivenSchema,
  ExhibitCompletedSchema,
  StampAwardedSchema,
  ExhibitCrashedSchema,
  ExhibitExitedSchema,
])
export type VisitEvent = z.infer<typeof VisitEventSchema>
export type VisitEventOf<T extends EventType> = Extract<VisitEvent, { type: T }>

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
/** What a caller of the recorder provides; ids and time are filled in for it. */
export type VisitEventInput = DistributiveOmit<VisitEvent, 'id' | 'time' | 'stationId' | 'sessionId' | 'passportId'>

/** The ingest batch limit, shared so the client never builds a batch the server refuses. */
export const MAX_BATCH_EVENTS = 500

/** Flattens zod issues into short `path: message` reasons for API responses and dead letters. */
export function formatIssues(error: z.ZodError): string[] {
  return error.issues.slice(0, 10).map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
}
