import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { staffOf } from '../auth/guards.ts'
import { createActivitiesRepo } from '../db/activities-repo.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { ActivityFilterSchema, ActivityInputSchema, ActivityListSchema, ActivitySchema, NewActivitySchema } from '../../core/programme.ts'

const IdParamsSchema = z.strictObject({ id: z.uuid() })
const notFound = () => new HttpError(404, 'unknown activity', ['no activity with this id in this center (deleted?)'])

/**
 * The programme log: guides and admins record and edit activities and list them with totals;
 * only an admin deletes (a yearly report is built from these rows).
 */
export const programmeRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { guards, db, config, now } }) => {
  const activities = createActivitiesRepo(db, { centerId: config.centerId, now })

  app.get(
    '/api/programme/activities',
    { onRequest: guards.staff, schema: { querystring: ActivityFilterSchema, response: { 200: ActivityListSchema, ...errorResponses } } },
    async (request) => {
      const { from, to } = request.query
      if (from && to && from > to) throw new HttpError(400, 'invalid-request', ['from: must not be after to'])
      return activities.list(request.query)
    },
  )

  app.post(
    '/api/programme/activities',
    { onRequest: guards.staff, schema: { body: NewActivitySchema, response: { 200: ActivitySchema, 201: ActivitySchema, ...errorResponses } } },
    async (request, reply) => {
      const r = activities.create(request.body, staffOf(request).userId)
      if (!r.sameInput) throw new HttpError(409, 'request-id-reused', ['requestId: already used for a different activity; make a new requestId'])
      return reply.code(r.created ? 201 : 200).send(r.activity)
    },
  )

  app.put(
    '/api/programme/activities/:id',
    {
      onRequest: guards.staff,
      schema: { params: IdParamsSchema, body: ActivityInputSchema, response: { 200: ActivitySchema, ...errorResponses } },
    },
    async (request) => {
      const a = activities.update(request.params.id, request.body, staffOf(request).userId)
      if (!a) throw notFound()
      return a
    },
  )

  app.delete(
    '/api/programme/activities/:id',
    { onRequest: guards.staff, schema: { params: IdParamsSchema, response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      if (staffOf(request).role !== 'admin') throw new HttpError(403, 'forbidden', ['only an admin may delete an activity'])
      if (!activities.delete(request.params.id)) throw notFound()
      return reply.code(204).send()
    },
  )
}
