import { v7 as uuidv7 } from 'uuid'
import { VisitEventSchema, formatIssues } from '../../core/event-schema.ts'
import type { VisitEvent, VisitEventInput } from '../../core/event-schema.ts'
import type { Outbox } from './outbox.ts'

/**
 * The one way visit events are made: fills in a time-ordered id, the time and the
 * station/session/passport, checks the result against the shared schema, and
 * stores it in the outbox before anything else can go wrong.
 */
export class InvalidVisitEventError extends Error {
  constructor(readonly reasons: string[]) {
    super(`invalid visit event: ${reasons.join('; ')}`)
    this.name = 'InvalidVisitEventError'
  }
}

export interface VisitRecorder {
  /** Validates and stores the event; resolves once it is durable in the outbox. */
  record(input: VisitEventInput): Promise<VisitEvent>
}

export interface VisitRecorderOptions {
  outbox: Pick<Outbox, 'add'>
  stationId: string
  getPassportId: () => string | null | undefined
  getSessionId: () => string | null | undefined
  now?: () => Date
  newId?: () => string
}

export function createVisitRecorder({
  outbox,
  stationId,
  getPassportId,
  getSessionId,
  now = () => new Date(),
  newId = uuidv7,
}: VisitRecorderOptions): VisitRecorder {
  return {
    async record(input) {
      const passportId = getPassportId() ?? undefined
      const sessionId = getSessionId() ?? undefined
      const candidate = {
        ...input,
        id: newId(),
        time: now().toISOString(),
        stationId,
        ...(passportId ? { passportId } : {}),
        ...(sessionId ? { sessionId } : {}),
      }
      const parsed = VisitEventSchema.safeParse(candidate)
      if (!parsed.success) throw new InvalidVisitEventError(formatIssues(parsed.error))
      await outbox.add(parsed.data)
      return parsed.data
    },
  }
}
