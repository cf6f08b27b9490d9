import { z } from 'zod'
import { KebabIdSchema } from './manifest-schema.ts'
import { PassportCodeSchema } from './passport-code.ts'
import { SessionIdSchema, StationIdSchema } from './event-schema.ts'

/**
 * The live class-session channel's shapes, shared by the stats server (route schemas) and
 * the browser (station client, guide console), so the two cannot drift apart.
 */

export const STATION_KINDS = ['headset', 'touchscreen', 'pc', 'phone'] as const
export const StationKindSchema = z.enum(STATION_KINDS)
export type StationKind = z.infer<typeof StationKindSchema>

const ExhibitIdSchema = KebabIdSchema.max(64)
const label = (max: number) => z.string().trim().min(1).max(max)

/** What a station is set up as (setup screen on the device, or a setup QR from the console). */
export const StationProfileSchema = z.strictObject({
  name: label(40),
  kind: StationKindSchema,
  /** the exhibits it offers; empty = all of the center's */
  offered: z.array(ExhibitIdSchema).max(50),
})
export type StationProfile = z.infer<typeof StationProfileSchema>

/** What a station reports about itself (on change, every few seconds, and on each reconnect). */
export const StationStateSchema = z.strictObject({
  /** the exhibit open now, or null (lobby, check-in, setup) */
  showing: ExhibitIdSchema.nullable(),
  /** a student is inside an exhibit's run (started, neither finished nor left) */
  inRun: z.boolean(),
  passport: PassportCodeSchema.nullable(),
  outbox: z.number().int().min(0).max(1_000_000),
  /** the guide's pause overlay is up */
  held: z.boolean(),
  /** a command waiting for the student to reach a point where it may act (see docs/guide-console.md) */
  waiting: z.string().max(40).nullable(),
  /** the last command seq handled */
  cursor: z.number().int().min(0),
})
export type StationState = z.infer<typeof StationStateSchema>

/** What the guide can tell stations. `join` is sent by the server when a station joins a session. */
export const CommandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('launch'), exhibitId: ExhibitIdSchema }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('lobby') }),
  z.strictObject({ type: z.literal('check-in'), passport: PassportCodeSchema }),
  z.strictObject({ type: z.literal('join'), sessionId: SessionIdSchema }),
  z.strictObject({ type: z.literal('session-ended') }),
])
export type Command = z.infer<typeof CommandSchema>
/** Commands a guide sends (join and session-ended come from joining and ending). */
export const GuideCommandSchema = CommandSchema.refine((c) => c.type !== 'join' && c.type !== 'session-ended', 'join and session-ended are not sent directly')

/** One command as a station receives it: its cursor position, the guide's id, the session. */
export const StationCommandSchema = z.object({
  seq: z.number().int().min(1),
  id: z.string(),
  sessionId: SessionIdSchema,
  command: CommandSchema,
  at: z.string(),
})
export type StationCommand = z.infer<typeof StationCommandSchema>

/** The first message of a station's stream: who it is and which session it is in. */
export const StationHelloSchema = z.object({
  stationId: StationIdSchema,
  profile: StationProfileSchema.nullable(),
  sessionId: SessionIdSchema.nullable(),
})
export type StationHello = z.infer<typeof StationHelloSchema>

export const NewSessionSchema = z.strictObject({
  requestId: z.uuid(),
  school: label(60),
  grade: label(20),
  className: label(20),
  headcount: z.number().int().min(1).max(60),
  exhibits: z.array(ExhibitIdSchema).min(1).max(50),
  stations: z.array(StationIdSchema).max(100).default([]),
  /** passports already issued for this class; without it, `headcount` passports are issued */
  batchId: z.uuid().optional(),
})
export type NewSession = z.input<typeof NewSessionSchema>

export const SendCommandSchema = z.strictObject({
  requestId: z.uuid(),
  command: GuideCommandSchema,
  /** the session's stations when absent */
  stations: z.array(StationIdSchema).min(1).max(100).optional(),
})

const Bilingual = z.object({ 'zh-CN': z.string(), en: z.string() })

export const StationRowSchema = z.object({
  stationId: z.string(),
  name: z.string(),
  kind: StationKindSchema.nullable(),
  offered: z.array(z.string()),
  online: z.boolean(),
  lastSeen: z.string().nullable(),
  state: StationStateSchema.nullable(),
  sessionId: z.string().nullable(),
})
export type StationRow = z.infer<typeof StationRowSchema>

export const CellSchema = z.object({
  status: z.enum(['playing', 'done', 'stamped']),
  score: z.number().nullable(),
  maxScore: z.number().nullable(),
})
export const HintSchema = z.object({
  exhibitId: z.string(),
  kind: z.enum(['quiz', 'step']),
  itemId: z.string(),
  choiceId: z.string(),
  /** learners of this class who chose it / who answered the item */
  chose: z.number().int(),
  answered: z.number().int(),
  share: z.number(),
  question: Bilingual,
  choice: Bilingual,
  /** the exhibit's own one-line explanation (quiz explanation, or the step choice's feedback) */
  point: Bilingual,
})
export type Hint = z.infer<typeof HintSchema>

export const SessionInfoSchema = z.object({
  sessionId: z.string(),
  school: z.string(),
  grade: z.string(),
  className: z.string(),
  headcount: z.number(),
  exhibits: z.array(z.string()),
  joinCode: z.string(),
  batchId: z.string().nullable(),
  createdAt: z.string(),
  endedAt: z.string().nullable(),
})
export type SessionInfo = z.infer<typeof SessionInfoSchema>

/** Everything the live console shows, pushed on every change. */
export const BoardSchema = z.object({
  session: SessionInfoSchema,
  /** the session's stations first (joined: true), then the center's others */
  stations: z.array(StationRowSchema.extend({ joined: z.boolean() })),
  passports: z.array(z.string()),
  /** cells[passport][exhibit] */
  cells: z.record(z.string(), z.record(z.string(), CellSchema)),
  hints: z.array(HintSchema),
})
export type Board = z.infer<typeof BoardSchema>
