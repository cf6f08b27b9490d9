import { z } from 'zod'

/**
 * Center → district forwarding, POST /api/district/events with the center's secret as
 * a bearer token. The envelope is checked here; each event is checked on its own by the
 * district (as at the center: one bad event does not sink a batch). The center sends
 * its stored rows in `seq` (commit) order and advances its cursor only on a 200.
 */
export const MAX_FORWARD_BATCH = 1000

export const ForwardBodySchema = z.strictObject({
  /** Must be the center the secret belongs to: a center cannot send as another. */
  centerId: z.string().min(1).max(63),
  events: z.array(z.unknown()).min(1).max(MAX_FORWARD_BATCH),
})
export type ForwardBody = z.infer<typeof ForwardBodySchema>

export const ForwardedDaySchema = z.iso.date().refine((d) => d >= '2000-01-01' && d < '2100-01-01', 'must be a day from 2000 to 2099')

/** One stored event as the center holds it (events row), its time as epoch milliseconds. */
export const ForwardedEventSchema = z.strictObject({
  seq: z.number().int().positive(),
  id: z.string(),
  time: z.number().int(),
  /** The calendar day in the center's zone (the center's statistics count it there). */
  day: ForwardedDaySchema,
  stationId: z.string(),
  sessionId: z.string().nullable(),
  passportId: z.string().nullable(),
  exhibitId: z.string(),
  type: z.string(),
  data: z.record(z.string(), z.unknown()),
})
export type ForwardedEvent = z.infer<typeof ForwardedEventSchema>

export const ForwardAnswerSchema = z.object({
  accepted: z.number().int(),
  duplicate: z.number().int(),
  /** Events the district could not store (malformed); the center logs them and moves on. */
  rejected: z.array(z.object({ seq: z.number().int().nullable(), reason: z.string() })),
})
export type ForwardAnswer = z.infer<typeof ForwardAnswerSchema>

/**
 * Center → district privacy records (POST /api/district/privacy), forwarded after the
 * events, in the center's own `seq` order (district_privacy, center migration 012): a
 * passport the center erased, or the retention job's cutoff day. Applying one twice
 * changes nothing, so a resend after a lost answer is harmless.
 */
const DaySchema = z.iso.date()
export const PrivacyRecordSchema = z.discriminatedUnion('kind', [
  z.strictObject({ seq: z.number().int().positive(), kind: z.literal('erase-passport'), passportId: z.string().min(1).max(64) }),
  z.strictObject({ seq: z.number().int().positive(), kind: z.literal('anonymise-before'), beforeDay: DaySchema }),
])
export type PrivacyRecord = z.infer<typeof PrivacyRecordSchema>
export const PrivacyBodySchema = z.strictObject({
  centerId: z.string().min(1).max(63),
  records: z.array(PrivacyRecordSchema).min(1).max(MAX_FORWARD_BATCH),
})
export const PrivacyAnswerSchema = z.object({ applied: z.number().int() })
