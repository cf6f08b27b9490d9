import { z } from 'zod'

export { BatchSchema, CenterSchema, IssueBatchSchema, PublicPassportSchema, type IssueBatch } from '../../core/passport-api.ts'

export const BatchParamsSchema = z.strictObject({ batchId: z.uuid() })
/** Validated by the handler with checkPassportCode, so a 400 can name the wrong character. */
export const CodeParamsSchema = z.strictObject({ code: z.string().max(40) })

export const PassportStatusSchema = z.object({ code: z.string(), status: z.literal('active') })

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
