import { z } from 'zod'

/**
 * Response schemas are plain `z.object`s: on the way out they strip any field a
 * handler added by mistake instead of leaking it, and they never transform.
 */
export const ErrorSchema = z.object({
  error: z.string(),
  reasons: z.array(z.string()),
})
export type ErrorBody = z.infer<typeof ErrorSchema>

/** Every route can answer any 4xx (auth, validation, parsing, rate limit) and, on our bug, a 500. */
export const errorResponses = { '4xx': ErrorSchema, '5xx': ErrorSchema } as const

export const HealthSchema = z.object({ ok: z.literal(true), exhibits: z.number().int() })
