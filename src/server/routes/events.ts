import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { MAX_BATCH_EVENTS } from '../../core/event-schema.ts'
import type { AppContext } from '../context.ts'
import { hashToken } from '../auth/secrets.ts'

/** The envelope only; every event inside is validated on its own so one bad event doesn't sink the batch. */
export const IngestBodySchema = z.strictObject({
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
})
type IngestBody = z.infer<typeof IngestBodySchema>

export async function eventRoutes(app: FastifyInstance, { guards, ingest, config }: AppContext): Promise<void> {
  app.post<{ Body: IngestBody }>('/api/events', {
    schema: { body: IngestBodySchema },
    // Authenticate before the body is read, so strangers cannot make us parse 256 KB.
    onRequest: async (request) => { request.principal = guards.station(request) },
    config: {
      rateLimit: {
        max: config.ingestRateMax,
        timeWindow: '1 minute',
        keyGenerator: (request) => hashToken(request.headers.authorization ?? request.ip),
      },
    },
  }, async (request, reply) => {
    const principal = request.principal
    if (principal?.kind !== 'station') throw new Error('station guard did not run')
    const results = await ingest(principal.stationId, request.body.events)
    const accepted = results.filter((r) => r.status === 'accepted').length
    const duplicate = results.filter((r) => r.status === 'duplicate').length
    const rejected = results.length - accepted - duplicate
    const body = { accepted, duplicate, rejected, results }
    if (rejected === 0) return reply.code(200).send(body)
    if (rejected < results.length) return reply.code(207).send(body)
    const reasons = results.slice(0, 20).map((r, i) => `events.${i}: ${r.reason ?? ''}`)
    return reply.code(400).send({ error: 'all-events-rejected', reasons, ...body })
  })
}
