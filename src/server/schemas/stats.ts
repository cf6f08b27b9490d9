import { z } from 'zod'
import { PassportCodeSchema } from '../../core/passport-code.ts'

const DaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
export const RangeSchema = z.strictObject({ from: DaySchema.optional(), to: DaySchema.optional() })
export type Range = z.infer<typeof RangeSchema>
export const PassportParamsSchema = z.strictObject({ passportId: PassportCodeSchema })
/** One page of a passport's history: `cursor` is the previous page's `nextCursor`. */
export const PassportPageSchema = z.strictObject({
  cursor: z
    .string()
    .regex(/^-?\d{1,16}\.\d{1,16}$/, "must be the previous page's nextCursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(1000),
})

const count = z.number().int()
const numberOrNull = z.number().nullable()

export const DayStatsSchema = z.object({
  day: z.string(),
  events: count,
  starts: count,
  completions: count,
  stamps: count,
  crashes: count,
  visitors: count,
})
export const SessionStatsSchema = z.object({
  sessionId: z.string(),
  firstDay: z.string(),
  lastDay: z.string(),
  events: count,
  starts: count,
  completions: count,
  visitors: count,
})
export const ExhibitStatsSchema = z.object({
  exhibitId: z.string(),
  starts: count,
  completions: count,
  completionRate: numberOrNull,
  crashes: count,
  medianDurationMs: numberOrNull,
})
export const QuizItemStatsSchema = z.object({
  exhibitId: z.string(),
  quizId: z.string(),
  answers: count,
  wrong: count,
  percentWrong: numberOrNull,
})
export const PassportStatsSchema = z.object({
  passportId: z.string(),
  exhibitsStarted: z.array(z.string()),
  exhibitsCompleted: z.array(z.string()),
  stamps: z.array(z.string()),
  answers: count,
  correctAnswers: count,
  /** All the passport's events; the summary above counts every one of them. */
  totalEvents: count,
  events: z.array(z.object({ id: z.string(), time: z.string(), exhibitId: z.string(), type: z.string(), data: z.unknown() })),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
})

export const UnknownPassportSchema = z.object({
  code: z.string(),
  events: count,
  stations: count,
  firstAt: z.string(),
  lastAt: z.string(),
})

export type UnknownPassport = z.infer<typeof UnknownPassportSchema>
export type DayStats = z.infer<typeof DayStatsSchema>
export type SessionStats = z.infer<typeof SessionStatsSchema>
export type ExhibitStats = z.infer<typeof ExhibitStatsSchema>
export type QuizItemStats = z.infer<typeof QuizItemStatsSchema>
export type PassportStats = z.infer<typeof PassportStatsSchema>
