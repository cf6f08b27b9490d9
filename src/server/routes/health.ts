import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { HealthSchema, errorResponses } from '../schemas/common.ts'

/** Liveness for the center's monitoring: no auth, no database read. */
export const healthRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  app.get(
    '/api/health',
    {
      schema: { response: { 200: HealthSchema, ...errorResponses } },
    },
    async () => ({ ok: true as const, exhibits: ctx.exhibitIds.size }),
  )
}
