import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { staffOf } from '../auth/guards.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { statementsStream } from '../xapi/export.ts'
import { createForwarderState } from '../xapi/forwarder-state.ts'
import { createStatementReader } from '../xapi/statements.ts'

const DaySchema = z.iso.date()
export const XapiExportQuerySchema = z
  .strictObject({ from: DaySchema, to: DaySchema })
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['from'] })

export const ForwarderStatusSchema = z.object({
  enabled: z.boolean(),
  endpoint: z.string().nullable(),
  position: z.number().int(),
  latest: z.number().int(),
  pending: z.number().int(),
  sent: z.number().int(),
  lastError: z.string().nullable(),
  lastErrorAt: z.string().nullable(),
})

/**
 * xAPI for administrators: the statements of a day range as a JSON file (streamed, a page
 * of events at a time) and the forwarder's position. Guides get 403: the export is every
 * passport's activity.
 */
export const xapiRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { guards, db, config } }) => {
  const reader = createStatementReader(db)
  const state = createForwarderState(db)
  const admin = async (request: FastifyRequest) => {
    await guards.staff(request)
    if (staffOf(request).role !== 'admin') throw new HttpError(403, 'forbidden', ['needs an admin login'])
  }

  app.get(
    '/api/xapi/statements',
    // No response schema: the body is a stream, not an object to serialise.
    { onRequest: admin, schema: { querystring: XapiExportQuerySchema } },
    async (request, reply) => {
      const { from, to } = request.query
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="sophora-xapi-${from}-${to}.json"`)
        .header('cache-control', 'no-store')
        .send(statementsStream(reader, { from, to }, config.xapi.homePage))
    },
  )

  app.get('/api/xapi/forwarder', { onRequest: admin, schema: { response: { 200: ForwarderStatusSchema, ...errorResponses } } }, async () => {
    const lrs = config.xapi.lrs
    const latest = reader.maxSeq()
    const row = lrs ? state.peek(lrs.endpoint) : undefined
    const position = row?.last_seq ?? 0
    return {
      enabled: lrs !== null,
      endpoint: lrs?.endpoint ?? null,
      position,
      latest,
      pending: lrs ? reader.countAfter(position) : 0,
      sent: row?.sent ?? 0,
      lastError: row?.last_error ?? null,
      lastErrorAt: row?.last_error_ms == null ? null : new Date(row.last_error_ms).toISOString(),
    }
  })
}
