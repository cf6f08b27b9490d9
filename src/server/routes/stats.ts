import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { errorResponses } from '../schemas/common.ts'
import { staffOf } from '../auth/guards.ts'
import { HttpError } from '../http-error.ts'
import {
  DayStatsSchema,
  ExhibitStatsSchema,
  PassportPageSchema,
  PassportParamsSchema,
  PassportStatsSchema,
  QuizItemStatsSchema,
  RangeSchema,
  SessionStatsSchema,
  UnknownPassportSchema,
} from '../schemas/stats.ts'

/** Statistics: guide/admin session tokens only (a station token gets 403). */
export const statsRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { guards, queries, access, audit } }) => {
  const ranged = <T extends z.ZodType>(ok: T) => ({
    onRequest: guards.staff,
    schema: { querystring: RangeSchema, response: { 200: ok, ...errorResponses } },
  })

  app.get('/api/stats/days', ranged(z.object({ days: z.array(DayStatsSchema) })), async (req) => ({ days: queries.byDay(req.query) }))
  app.get('/api/stats/sessions', ranged(z.object({ sessions: z.array(SessionStatsSchema) })), async (req) => ({ sessions: queries.bySession(req.query) }))
  app.get('/api/stats/exhibits', ranged(z.object({ exhibits: z.array(ExhibitStatsSchema) })), async (req) => ({ exhibits: queries.byExhibit(req.query) }))
  app.get('/api/stats/quiz', ranged(z.object({ items: z.array(QuizItemStatsSchema) })), async (req) => ({ items: queries.quizItems(req.query) }))
  app.get(
    '/api/stats/unknown-passports',
    {
      onRequest: guards.staff,
      schema: { response: { 200: z.object({ passports: z.array(UnknownPassportSchema) }), ...errorResponses } },
    },
    async () => ({ passports: queries.unknownPassports() }),
  )
  app.get(
    '/api/stats/passports/:passportId',
    {
      onRequest: guards.staff,
      schema: { params: PassportParamsSchema, querystring: PassportPageSchema, response: { 200: PassportStatsSchema, ...errorResponses } },
    },
    async (req) => {
      // A passport's history: an admin, or the guide who issued its class set; every read is audited.
      const who = staffOf(req)
      if (!access.canReadPassport(who, req.params.passportId))
        throw new HttpError(403, 'not-your-passport', ['a guide sees only passports of class sets they issued; ask an admin'])
      const page = queries.passport(req.params.passportId, { cursor: req.query.cursor ?? null, limit: req.query.limit })
      audit.record(who, 'passport-read', { passportCode: req.params.passportId })
      return page
    },
  )
}
