import { z } from 'zod'
import { StationIdSchema } from '../../core/event-schema.ts'

export const RegisterStationSchema = z.strictObject({
  stationId: StationIdSchema,
  name: z.string().trim().min(1).max(100).default('station'),
  enrollCode: z.string().max(200).optional(),
  /** Made by the station with its id (station-credentials.ts); lets it register its own id again. */
  secret: z.string().min(32).max(200).optional(),
})

/** What station-credentials.ts keeps: the id it chose and the token to send. */
export const StationTokenSchema = z.object({ stationId: z.string(), token: z.string() })

/** 202 to a new station that must be paired: the code it shows to a guide. */
export const PairingPendingSchema = z.object({
  stationId: z.string(),
  status: z.literal('pending'),
  code: z.string(),
  codeExpiresAt: z.string(),
})
/** What a paired station hears when it asks; the token comes once, in the `approved` answer. */
export const PairingStateSchema = z.discriminatedUnion('status', [
  PairingPendingSchema,
  z.object({ stationId: z.string(), status: z.literal('approved'), token: z.string() }),
])
export const PairingParamsSchema = z.strictObject({ stationId: StationIdSchema })
export const PairingSecretHeadersSchema = z.object({ 'x-station-secret': z.string().min(32).max(200) })
export const ApproveBodySchema = z.strictObject({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be the 6 digits the station shows'),
})
export const PendingStationsSchema = z.object({
  stations: z.array(z.object({ stationId: z.string(), name: z.string(), agent: z.string(), firstSeenAt: z.string(), codeExpiresAt: z.string() })),
})
export const DecisionSchema = z.object({ stationId: z.string(), status: z.enum(['approved', 'rejected']) })
