import { z } from 'zod'
import { PassportCodeSchema } from './passport-code.ts'

/**
 * The passport endpoints' shapes, shared by the stats server (request and response schemas)
 * and the browser (answers checked on the way in), so the two cannot drift apart.
 */

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
  passports: z.array(z.object({ code: PassportCodeSchema })),
})
export type Batch = z.infer<typeof BatchSchema>

/**
 * The public passport page: stamps and scores per exhibit with activity, nothing else
 * (no school, class, station, session or times beyond the stamp). `attempts` counts runs:
 * exhibit starts (or completions, where a run's start was not recorded).
 */
export const PublicPassportSchema = z.object({
  code: PassportCodeSchema,
  centerName: z.string(),
  exhibits: z.array(
    z.object({
      exhibitId: z.string(),
      stamped: z.boolean(),
      stampedAt: z.string().nullable(),
      bestScore: z.number().nullable(),
      maxScore: z.number().nullable(),
      attempts: z.number().int().min(0),
    }),
  ),
})
export type PublicPassport = z.infer<typeof PublicPassportSchema>

/** The center as stations and the passport page see it (`GET /api/center`). */
export const CenterSchema = z.object({
  centerName: z.string(),
  publicUrl: z.string().nullable(),
  coreSet: z.array(z.string()).nullable(),
})
export type Center = z.infer<typeof CenterSchema>
