import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { stationOf } from '../auth/guards.ts'
import { hashToken } from '../auth/secrets.ts'
import { errorResponses } from '../schemas/common.ts'
import { IngestBodySchema, IngestErrorSchema, IngestSummarySchema } from '../schemas/events.ts'

/** Station uploads: 200 all stored (or already stored), 207 some rejected, 400 all rejected. */
export const eventRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { guards, ingest, config } }) => {
  app.post(
    '/api/events',
    {
      // Authenticate before the body is read, so strangers cannot make us parse 256 KB.
      onRequest: guards.station,
      schema: {
        body: IngestBodySchema,
        response: { 200: IngestSummarySchema, 207: IngestSummarySchema, ...errorResponses, 400: IngestErrorSchema },
      },
      config: {
        rateLimit: {
          max: config.ingestRateMax,
          timeWindow: '1 minute',
          keyGenerator: (request) => hashToken(request.headers.authorization ?? request.ip),
        },
      },
    },
    async (request, reply) => {
      const results = await ingest(stationOf(request).stationId, request.body.events)
      const accepted = results.filter((r) => r.status === 'accepted').length
      const duplicate = results.filter((r) => r.status === 'duplicate').length
      const rejected = results.length - accepted - duplicate
      const body = { accepted, duplicate, rejected, results }
      if (rejected === 0) return reply.code(200).send(body)
      if (rejected < results.length) return reply.code(207).send(body)
      const reasons = results.slice(0, 20).map((r, i) => `events.${i}: ${r.reason ?? ''}`)
      return reply.code(400).send({ error: 'all-events-rejected', reasons, ...body })
    },
  )
}
