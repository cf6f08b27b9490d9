import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { RangeSchema } from '../queries.ts'
import type { Range } from '../queries.ts'
import { PassportIdSchema } from '../../core/passport-id.ts'

const PassportParamsSchema = z.strictObject({ passportId: PassportIdSchema })

/** Statistics: guide/admin session tokens only (a station token gets 403). */
export async function statsRoutes(app: FastifyInstance, { guards, queries }: AppContext): Promise<void> {
  app.addHook('onRequest', async (request) => { request.principal = guards.staff(request) })
  const range = { schema: { querystring: RangeSchema } }

  app.get<{ Querystring: Range }>('/api/stats/days', range, async (req) => ({ days: queries.byDay(req.query) }))
  app.get<{ Querystring: Range }>('/api/stats/sessions', range, async (req) => ({ sessions: queries.bySession(req.query) }))
  app.get<{ Querystring: Range }>('/api/stats/exhibits', range, async (req) => ({ exhibits: queries.byExhibit(req.query) }))
  app.get<{ Querystring: Range }>('/api/stats/quiz', range, async (req) => ({ items: queries.quizItems(req.query) }))
  app.get<{ Params: z.infer<typeof PassportParamsSchema> }>('/api/stats/passports/:passportId',
    { schema: { params: PassportParamsSchema } },
    async (req) => queries.passport(req.params.passportId))
}
