import { z } from 'zod'
import { KebabIdSchema } from './manifest-schema.ts'
import { PassportCodeSchema } from './passport-code.ts'

/**
 * The end-of-session summary a guide hands the teacher: built by the stats server from the
 * session's events, drawn (and printed on one A4 page) by the browser. Passport codes only:
 * the teacher matches codes to names on the paper cards.
 */

const count = z.number().int().min(0)

export const SummaryPassportSchema = z.object({
  code: PassportCodeSchema,
  /** Exhibits this passport finished in the session (a result reached, passed or not). */
  completed: z.array(z.string()),
  /** Exhibits stamped in the session (passed). */
  stamps: z.array(z.string()),
  /** Best score per completed exhibit. */
  scores: z.record(z.string(), z.object({ score: count, maxScore: count })),
})
export type SummaryPassport = z.infer<typeof SummaryPassportSchema>

export const SummaryExhibitSchema = z.object({
  exhibitId: z.string(),
  planned: z.boolean(),
  /** Runs started, and the students (passports, or anonymous runs) who finished. */
  starts: count,
  finishers: count,
  stamps: count,
  /** Mean of each finisher's best score, with the exhibit's maximum; null when nobody finished. */
  averageScore: z.number().min(0).nullable(),
  maxScore: count.nullable(),
  medianDurationMs: z.number().min(0).nullable(),
})
export type SummaryExhibit = z.infer<typeof SummaryExhibitSchema>

/**
 * A wrong choice the class made: on a quiz item or on a step. `share` is chosen ÷ respondents
 * (students who answered that item or tried that step). The correct choice is what the events
 * show (a right answer given in this session); the page checks it against the exhibit itself.
 */
export const MisconceptionSchema = z.object({
  exhibitId: z.string(),
  kind: z.enum(['quiz', 'step']),
  itemId: KebabIdSchema,
  choiceId: KebabIdSchema,
  chosen: count,
  respondents: count,
  share: z.number().min(0).max(1),
  correctChoiceId: KebabIdSchema.nullable(),
})
export type Misconception = z.infer<typeof MisconceptionSchema>

export const SessionLabelsSchema = z.object({ school: z.string(), grade: z.string(), className: z.string() })
export type SessionLabels = z.infer<typeof SessionLabelsSchema>

export const SessionSummarySchema = z.object({
  sessionId: z.uuid(),
  labels: SessionLabelsSchema.nullable(),
  firstEventAt: z.string().nullable(),
  lastEventAt: z.string().nullable(),
  passports: z.array(SummaryPassportSchema),
  exhibits: z.array(SummaryExhibitSchema),
  /** The class's three most common wrong choices, most chosen first. */
  misconceptions: z.array(MisconceptionSchema).max(3),
  /** Planned exhibits that no one in the session started. */
  notVisited: z.array(z.string()),
  /** Events of the session without a passport (students who did not check in). */
  anonymousRuns: count,
})
export type SessionSummary = z.infer<typeof SessionSummarySchema>
