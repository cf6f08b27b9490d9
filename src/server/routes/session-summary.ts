import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { HttpError } from '../http-error.ts'
import { staffOf, type UserPrincipal } from '../auth/guards.ts'
import { errorResponses } from '../schemas/common.ts'
import { buildSessionSummary, type SummaryPlan } from '../session-summary.ts'
import { SessionIdSchema } from '../../core/event-schema.ts'
import { SessionSummarySchema } from '../../core/session-summary.ts'

const list = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    )
/**
 * Until class sessions have their own table, the caller says what the session holds. No
 * passport codes in the URL: request lines are logged, and codes never go into logs.
 */
export const SummaryQuerySchema = z.strictObject({
  batchId: z.uuid().optional(),
  exhibits: list(1000).optional(),
})
type SummaryQuery = z.infer<typeof SummaryQuerySchema>

/**
 * The end-of-session summary for the guide (and the teacher's printout): guides and admins.
 */
export const sessionSummaryRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  /**
   * THE SEAM: what the summary knows about a session beyond its events. Today it comes from
   * the query (the class's passport batch, the planned exhibits); once class sessions are
   * stored, read the session's row here instead (and 404 an unknown or other center's session).
   */
  /**
   * What the class planned: a class session started on the guide console knows its exhibits and
   * its passport batch (this center's only: another center's session is unknown here), and only
   * the guide who started it (or an admin) reads it; for a session id the console never made
   * (events recorded with it all the same), the query says.
   */
  function planOf(sessionId: string, q: SummaryQuery, who: UserPrincipal): SummaryPlan {
    const session = ctx.classSessions.get(sessionId)
    if (session) {
      if (who.role !== 'admin' && session.created_by !== who.userId)
        throw new HttpError(403, 'not-your-session', ['a guide sees only the class sessions they started; ask an admin'])
      const stored = ctx.passports.batch(session.batch_id ?? '')
      return {
        plannedExhibitIds: JSON.parse(session.exhibits) as string[],
        passportCodes: stored?.codes ?? [],
        labels: { school: session.school, grade: session.grade, className: session.class_name },
      }
    }
    const batch = q.batchId ? ctx.passports.batch(q.batchId) : undefined
    if (q.batchId && !batch) throw new HttpError(404, 'unknown batch', ['batchId: no class set with this id'])
    // The same rule as the class set's passports (auth/passport-access.ts).
    if (batch && !ctx.access.canReadBatch(who, batch.batch.id))
      throw new HttpError(403, 'not-your-batch', ['batchId: a guide sees only class sets they issued; ask an admin'])
    const unknown = (q.exhibits ?? []).filter((id) => !ctx.exhibitIds.has(id))
    if (unknown.length)
      throw new HttpError(
        400,
        'invalid-request',
        unknown.slice(0, 10).map((id) => `exhibits: unknown exhibit ${JSON.stringify(id.slice(0, 64))}`),
      )
    return {
      plannedExhibitIds: [...new Set(q.exhibits ?? [])],
      passportCodes: batch?.codes ?? [],
      labels: batch ? { school: batch.batch.school, grade: batch.batch.grade, className: batch.batch.class_name } : null,
    }
  }

  app.get(
    '/api/guide/sessions/:sessionId/summary',
    {
      onRequest: ctx.guards.staff,
      schema: {
        params: z.strictObject({ sessionId: SessionIdSchema }),
        querystring: SummaryQuerySchema,
        response: { 200: SessionSummarySchema, ...errorResponses },
      },
    },
    async (request) => buildSessionSummary(ctx.db, request.params.sessionId, planOf(request.params.sessionId, request.query, staffOf(request))),
  )
}
