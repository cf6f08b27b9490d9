import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { errorResponses } from '../schemas/common.ts'
import { CenterSchema } from '../schemas/passports.ts'

/** What a card, the passport page and a station show about the center: no auth, no database. */
export const centerRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { config } }) => {
  app.get(
    '/api/center',
    {
      schema: { response: { 200: CenterSchema, ...errorResponses } },
    },
    async () => ({ centerName: config.centerName, publicUrl: config.publicUrl, coreSet: config.coreSet }),
  )
}
