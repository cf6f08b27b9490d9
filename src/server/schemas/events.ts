import { z } from 'zod'
import { MAX_BATCH_EVENTS } from '../../core/event-schema.ts'

/** The envelope only; every event inside is validated on its own so one bad event doesn't sink the batch. */
export const IngestBodySchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
})

/** One answer per event, in request order; sync-client.ts removes accepted/duplicate and dead-letters rejected. */
export const IngestResultSchema = z.object({
  id: z.string().nullable(),
  status: z.enum(['accepted', 'duplicate', 'rejected']),
  reason: z.string().optional(),
})
export type IngestResult = z.infer<typeof IngestResultSchema>

export const IngestSummarySchema = z.object({
  accepted: z.number().int(),
  duplicate: z.number().int(),
  rejected: z.number().int(),
  results: z.array(IngestResultSchema),
})

/** 400 is either a bad envelope ({error, reasons}) or a batch whose every event was rejected (plus the summary). */
export const IngestErrorSchema = z.object({
  error: z.string(),
  reasons: z.array(z.string()),
  ...IngestSummarySchema.partial().shape,
})
