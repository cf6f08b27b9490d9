import Fastify from 'fastify'
import type { FastifyInstance } from 'fastify'
import rateLimit from '@fastify/rate-limit'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import type { AppConfig } from './config.ts'
import { createAppContext } from './context.ts'
import type { AppContext } from './context.ts'
import { clockStore } from './rate-limit-store.ts'
import { setupErrorHandler } from './http-error.ts'
import { setupSecurityHeaders, setupStaticApp, wantsSpaFallback } from './web.ts'
import { healthRoutes } from './routes/health.ts'
import { stationRoutes } from './routes/stations.ts'
import { eventRoutes } from './routes/events.ts'
import { authRoutes } from './routes/auth.ts'
import { statsRoutes } from './routes/stats.ts'
import { passportRoutes } from './routes/passports.ts'
import { centerRoutes } from './routes/center.ts'
import { classSessionRoutes } from './routes/class-sessions.ts'
import { stationLiveRoutes } from './routes/station-live.ts'
import { redactUrl } from './redact.ts'

export interface LogStream {
  write(line: string): void
}

export interface BuildAppOptions {
  /** Fastify logger option; defaults to `{ level: config.logLevel }` (a stream: where lines go, for tests). */
  logger?: boolean | { level: string; stream?: LogStream }
  /** The clock (default Date.now). */
  now?: () => number
}

/** Builds the stats server (API + built app) without listening. Closing the app closes the database. */
export async function buildApp(config: AppConfig, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  return buildAppOver(createAppContext(config, options), options)
}

/**
 * The HTTP layer over a context that the caller built with createAppContext — which
 * is how tests reach the database and the clock; the app itself never exposes them.
 * Closing the app closes `ctx.db`.
 */
export async function buildAppOver(ctx: AppContext, { logger }: Pick<BuildAppOptions, 'logger'> = {}): Promise<FastifyInstance> {
  const { config } = ctx
  const logOptions = logger ?? { level: config.logLevel }
  const app = Fastify({
    // Request lines carry the URL: passport codes in it are replaced (redactUrl); headers,
    // and so tokens, are not logged by the default request serializer this keeps.
    logger: logOptions === false ? false : { ...(logOptions === true ? {} : logOptions), serializers: { req: serializeRequest } },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>()
  app.addHook('onClose', async () => {
    ctx.db.close()
  })
  for (const w of ctx.warnings) app.log.warn(w)
  if (ctx.exhibitIds.size === 0) app.log.warn(`no exhibits found in ${config.exhibitsDirs.join(', ')}: every event will be rejected`)

  // The API speaks JSON only; anything else is a 415, not a string for the validators.
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('principal', null)
  // Route schemas are zod schemas: one source of truth for validation, types and responses.
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  setupErrorHandler(app)
  await setupSecurityHeaders(app)
  await app.register(rateLimit, { global: false, store: clockStore(ctx.now) })

  scheduleRetention(app, ctx)
  for (const routes of [
    healthRoutes,
    stationRoutes,
    eventRoutes,
    authRoutes,
    statsRoutes,
    passportRoutes,
    centerRoutes,
    classSessionRoutes,
    stationLiveRoutes,
  ]) {
    await app.register(routes, { ctx })
  }

  const spa = await setupStaticApp(app, config.staticDir)
  app.setNotFoundHandler((request, reply) => {
    if (spa && wantsSpaFallback(request.method, request.url)) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html')
    }
    return reply.code(404).send({ error: 'not-found', reasons: [`${request.method} ${redactUrl(request.url.split('?')[0] ?? '')}`] })
  })
  return app
}

interface LoggedRequest {
  method: string
  url: string
  host?: string
  ip?: string
  socket?: { remotePort?: number }
}
function serializeRequest(req: LoggedRequest) {
  return { method: req.method, url: redactUrl(req.url), host: req.host, remoteAddress: req.ip, remotePort: req.socket?.remotePort }
}

const DAY_MS = 86_400_000
/** The retention job at start and then daily; a failure is logged, not fatal (it runs again tomorrow). */
function scheduleRetention(app: FastifyInstance, ctx: AppContext): void {
  const run = () => {
    try {
      const r = ctx.retention()
      if (r.eventsAnonymised || r.visitorDaysRolled || r.passportsExpired) app.log.info({ retention: r }, 'retention: per-passport records rolled up')
    } catch (err) {
      app.log.error({ err }, 'retention job failed')
    }
  }
  run()
  const timer = setInterval(run, DAY_MS)
  timer.unref()
  app.addHook('onClose', async () => {
    clearInterval(timer)
  })
}
