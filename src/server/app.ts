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
import { tlsRoutes } from './routes/tls.ts'
import { REDACT_PATHS, redactUrl } from './redact.ts'
import { openLogFile } from './log-file.ts'
import type { TlsRuntime } from './tls/tls-runtime.ts'
import { xapiRoutes } from './routes/xapi.ts'
import { startForwarder } from './xapi/forwarder.ts'
import { startDistrictForwarder } from './forwarder/district-forwarder.ts'
import { programmeRoutes } from './routes/programme.ts'
import { sessionSummaryRoutes } from './routes/session-summary.ts'
import { scheduleNightlyBackup } from './backup/nightly.ts'
import { classSessionRoutes } from './routes/class-sessions.ts'
import { stationLiveRoutes } from './routes/station-live.ts'
import { stationSetupRoutes } from './routes/station-setup.ts'
import { userRoutes } from './routes/users.ts'
import { yearlyReportRoutes } from './yearly-report/report-routes.ts'
import { dashboardRoutes } from './routes/dashboard.ts'

export interface LogStream {
  write(line: string): void
}

export interface BuildAppOptions {
  /** Fastify logger option; defaults to `{ level: config.logLevel }` (a stream: where lines go, for tests). */
  logger?: boolean | { level: string; stream?: LogStream }
  /** The clock (default Date.now). */
  now?: () => number
  /** HTTPS with this key and certificate (server.ts); without it the app is plain HTTP, as in tests over inject(). */
  tls?: TlsRuntime | null
}

/** Builds the stats server (API + built app) without listening. Closing the app closes the database (and the log file). */
export async function buildApp(config: AppConfig, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  if (options.logger !== undefined || config.logFile === null) return buildAppOver(createAppContext(config, options), options)
  const file = await openLogFile(config.logFile)
  const app = await buildAppOver(createAppContext(config, options), { ...options, logger: { level: config.logLevel, stream: file } })
  app.addHook('onClose', async () => {
    await new Promise<void>((resolve) => {
      file.once('close', () => resolve())
      file.end()
    })
  })
  return app
}

/**
 * The HTTP layer over a context that the caller built with createAppContext — which
 * is how tests reach the database and the clock; the app itself never exposes them.
 * Closing the app closes `ctx.db`.
 */
export async function buildAppOver(ctx: AppContext, { logger, tls = null }: Pick<BuildAppOptions, 'logger' | 'tls'> = {}): Promise<FastifyInstance> {
  const { config } = ctx
  const logOptions = logger ?? { level: config.logLevel }
  const app = Fastify({
    ...(tls ? { https: tls.current() } : {}),
    // Request lines carry the URL with passport codes and secret query values replaced
    // (redactUrl); the request serializer logs no headers (so no tokens or cookies) and
    // no body (so no passwords), and pino's redact covers any logged by hand.
    logger:
      logOptions === false
        ? false
        : { ...(logOptions === true ? {} : logOptions), serializers: { req: serializeRequest }, redact: { paths: REDACT_PATHS, censor: ':redacted' } },
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
  scheduleNightlyBackup(app, ctx.nightlyBackup)
  startXapiForwarder(app, ctx)
  forwardToDistrict(app, ctx)
  for (const routes of [
    healthRoutes,
    stationRoutes,
    eventRoutes,
    authRoutes,
    statsRoutes,
    passportRoutes,
    centerRoutes,
    programmeRoutes,
    sessionSummaryRoutes,
    xapiRoutes,
    classSessionRoutes,
    stationLiveRoutes,
    stationSetupRoutes,
    userRoutes,
    yearlyReportRoutes,
    dashboardRoutes,
  ]) {
    await app.register(routes, { ctx })
  }
  await app.register(tlsRoutes, { tls })

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
      if (r.eventsAnonymised || r.visitorDaysRolled || r.passportsExpired || r.auditEntriesDropped)
        app.log.info({ retention: r }, 'retention: per-passport records rolled up')
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

/** The xAPI forwarder, when an LRS is configured; stopped (its request in flight aborted, unacknowledged) on close. */
function startXapiForwarder(app: FastifyInstance, ctx: AppContext): void {
  const { lrs, homePage } = ctx.config.xapi
  if (!lrs) return
  const forwarder = startForwarder(ctx.db, { lrs, homePage, now: ctx.now, log: app.log })
  app.log.info({ endpoint: lrs.endpoint }, 'xapi: forwarding statements to the LRS')
  // preClose: before the onClose hook that closes the database, which the loop reads.
  app.addHook('preClose', () => forwarder.stop())
}

/** The district forwarder, when DISTRICT_URL is set; stopped before the database closes, like the xAPI one. */
function forwardToDistrict(app: FastifyInstance, ctx: AppContext): void {
  const link = ctx.config.district
  if (!link) return
  const forwarder = startDistrictForwarder(ctx.db, link, { now: ctx.now, log: app.log, stored: ctx.stored })
  app.log.info({ district: link.url, centerId: link.centerId }, 'district: forwarding events')
  app.addHook('preClose', () => forwarder.stop())
}
