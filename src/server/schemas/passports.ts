import { z } from 'zod'

const label = (max: number) => z.string().trim().min(1).max(max)

/** What a guide fills in; school, grade and class describe a class, never a student. */
export const IssueBatchSchema = z.strictObject({
  requestId: z.uuid(),
  school: label(60),
  grade: label(20),
  className: label(20),
  count: z.number().int().min(1).max(60),
})
export type IssueBatch = z.infer<typeof IssueBatchSchema>

/** Everything the print sheet needs, returned on issue and on reprint. */
export const BatchSchema = z.object({
  batchId: z.string(),
  createdAt: z.string(),
  school: z.string(),
  grade: z.string(),
  className: z.string(),
  centerName: z.string(),
  publicUrl: z.string().nullable(),
  passports: z.array(z.object({ code: z.string() })),
})

export const BatchParamsSchema = z.strictObject({ batchId: z.uuid() })
/** Validated by the handler with checkPassportCode, so a 400 can name the wrong character. */
export const CodeParamsSchema = z.strictObject({ code: z.string().max(40) })

export const PassportStatusSchema = z.object({ code: z.string(), status: z.literal('active') })

/**
 * The public passport page: stamps and scores per exhibit with activity, nothing else
 * (no school, class, station, session or times beyond the stamp). `attempts` counts runs:
 * exhibit starts (or completions, where a run's start was not recorded).
 */
export const PublicPassportSchema = z.object({
  code: z.string(),
  centerName: z.string(),
  exhibits: z.array(
    z.object({
      exhibitId: z.string(),
      stamped: z.boolean(),
      stampedAt: z.string().nullable(),
      bestScore: z.number().nullable(),
      maxScore: z.number().nullable(),
      attempts: z.number().int(),
    }),
  ),
})

/** Everything held for one passport, for the guide's download (a subject access request). */
export const PassportExportSchema = z.object({
  code: z.string(),
  status: z.enum(['active', 'revoked', 'deleted']),
  issuedAt: z.string(),
  centerName: z.string(),
  batch: z.object({ batchId: z.string(), school: z.string(), grade: z.string(), className: z.string(), createdAt: z.string() }).nullable(),
  events: z.array(
    z.object({
      id: z.string(),
      time: z.string(),
      receivedAt: z.string(),
      stationId: z.string(),
      sessionId: z.string().nullable(),
      exhibitId: z.string(),
      type: z.string(),
      data: z.unknown(),
    }),
  ),
  exportedAt: z.string(),
})

export const CenterSchema = z.object({
  centerName: z.string(),
  publicUrl: z.string().nullable(),
  coreSet: z.array(z.string()).nullable(),
})
