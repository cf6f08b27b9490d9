import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import type { ZodType } from 'zod'
import type { AppConfig } from './config.ts'
import type { AppContext } from './context.ts'
import { openDatabase } from './db/database.ts'
import { loadExhibitIds } from './exhibit-ids.ts'
import { createGuards } from './auth/guards.ts'
import type { Principal } from './auth/guards.ts'
import { createIngest } from './ingest.ts'
import { createQueries } from './queries.ts'
import { setupErrorHandler } from './http-error.ts'
import { setupSecurityHeaders, setupStaticApp, wantsSpaFallback } from './web.ts'
import { stationRoutes } from './routes/stations.ts'
import { eventRoutes } from './routes/events.ts'
import { authRoutes } from './routes/auth.ts'
import { statsRoutes } from './routes/stats.ts'

declare module 'fastify' {
  interface FastifyRequest { principal: Principal | null }
  interface FastifyInstance { sophora: AppContext }
}

export interface BuildAppOptions {
  /** Fastify logger option; defaults to `{ level: config.logLevel }`. */
  logger?: boolean | { level: string }
  now?: () => number
}

/** Builds the stats server (API + built app) without listening. Closing the app closes the database. */
export async function buildApp(config: AppConfig, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
  })
  const db = openDatabase(config.dbPath, { synchronous: config.synchronous })
  app.addHook('onClose', async () => { db.close() })

  const { ids: exhibitIds, warnings } = loadExhibitIds(config.exhibitsDirs)
  for (const w of warnings) app.log.warn(w)
  if (exhibitIds.size === 0) app.log.warn(`no exhibits found in ${config.exhibitsDirs.join(', ')}: every event will be rejected`)

  const now = options.now ?? Date.now
  const ctx: AppContext = {
    config, db, exhibitIds, now,
    guards: createGuards(db, now),
    queries: createQueries(db),
    ingest: createIngest(db, { exhibitIds, timeZone: config.timeZone, maxClockSkewMs: config.maxClockSkewMs, now }),
  }
  // The API speaks JSON only; anything else is a 415, not a string for the validators.
  app.removeContentTypeParser('text/plain')
  app.decorate('sophora', ctx)
  app.decorateRequest('principal', null)

  // Route schemas are zod schemas: one source of truth with the client.
  app.setValidatorCompiler(({ schema }) => (data: unknown) => {
    const r = (schema as ZodType).safeParse(data)
    return r.success ? { value: r.data } : { error: r.error }
  })
  setupErrorHandler(app)
  await setupSecurityHeaders(app)
  await app.register(rateLimit, { global: false })

  app.get('/api/health', async () => ({ ok: true, exhibits: exhibitIds.size }))
  await app.register(async (scope) => stationRoutes(scope, ctx))
  await app.register(async (scope) => eventRoutes(scope, ctx))
  await app.register(async (scope) => authRoutes(scope, ctx))
  await app.register(async (scope) => statsRoutes(scope, ctx))

  const spa = await setupStaticApp(app, config.staticDir)
  app.setNotFoundHandler((request, reply) => {
    if (spa && wantsSpaFallback(request.method, request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return reply.code(404).send({ error: 'not-found', reasons: [`${request.method} ${request.url.split('?')[0]}`] })
  })
  return app
}
