import { z } from 'zod'
import { StationIdSchema } from '../../core/event-schema.ts'

export {
  BoardSchema,
  NewSessionSchema,
  SendCommandSchema,
  SessionInfoSchema,
  StationProfileSchema,
  StationRowSchema,
  StationStateSchema,
} from '../../core/station-live.ts'

export const SessionParamsSchema = z.strictObject({ sessionId: z.uuid() })
export const StationParamsSchema = z.strictObject({ stationId: StationIdSchema })
export const JoinByTapSchema = z.strictObject({ stationId: StationIdSchema })
export const JoinByCodeSchema = z.strictObject({ joinCode: z.string().trim().min(4).max(12) })
export const StreamQuerySchema = z.strictObject({ after: z.coerce.number().int().min(0).default(0) })
export const SentSchema = z.object({ sent: z.number().int(), stations: z.array(z.string()) })
export const JoinedSchema = z.object({ sessionId: z.string() })
