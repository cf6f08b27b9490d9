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
