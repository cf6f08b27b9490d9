import Fastify from 'fastify'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { readFileSync } from 'node:fs'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import type { ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { HttpError, handleError } from '../http-error.ts'
import { RETRY_AFTER_S, classifyDbError } from './db-errors.ts'
import { errorResponses } from '../schemas/common.ts'
import { loadExhibitIds } from '../exhibit-ids.ts'
import { centerOfSecret } from './centers.ts'
import type { DistrictConfig } from './config.ts'
import type { Pool } from './database.ts'
import { ForwardAnswerSchema, ForwardBodySchema, PrivacyAnswerSchema, PrivacyBodySchema } from './protocol.ts'
import { applyPrivacy } from './privacy.ts'
import { createDistrictStore } from './store.ts'
import { districtAdminRoutes } from './admin-routes.ts'
import { districtPassportRoutes } from './passport-routes.ts'
import rateLimit from '@fastify/rate-limit'
import { redactUrl } from '../redact.ts'
import { wantsSpaFallback } from '../web.ts'

declare module 'fastify' {
  interface FastifyRequest {
    centerId: string | null
  }
}

/** Builds the district server over an open, migrated pool, without listening. Closing the app ends the pool. */
export async function buildDistrictApp(config: DistrictConfig, pool: Pool): Promise<FastifyInstance> {
  const exhibits = loadExhibitIds(config.exhibitsDirs)
  const app = Fastify({
    ...(config.tls ? { https: { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) } } : {}),
    // No headers logged (they carry center secrets and admin tokens); passport codes cut from URLs.
    logger: { level: config.logLevel, serializers: { req: (r: FastifyRequest) => ({ method: r.method, url: redactUrl(r.url), remoteAddress: r.ip }) } },
    bodyLimit: config.bodyLimitBytes,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>()
  app.addHook('onClose', async () => {
    await pool.end()
  })
  for (const w of exhibits.warnings) app.log.warn(w)
  app.removeContentTypeParser('text/plain')
  app.decorateRequest('centerId', null)
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  // A database that is down or busy is the center's cue to wait, not a bug: 503 with
  // Retry-After (the forwarder backs off). Data PostgreSQL refuses outside the event insert
  // (which isolates it per event): 422, so it is not resent as if it might heal.
  app.setErrorHandler(async (err: Error, request, reply) => {
    const kind = classifyDbError(err)
    if (kind === 'transient') {
      request.log.warn({ err }, 'district database unavailable')
      return reply
        .code(503)
        .header('retry-after', String(RETRY_AFTER_S))
        .send({ error: 'unavailable', reasons: ['the district database is unavailable; retry later'] })
    }
    if (kind === 'data') return reply.code(422).send({ error: 'unprocessable', reasons: [`SQLSTATE ${(err as { code?: string }).code ?? '?'}`] })
    return handleError(err, request, reply)
  })

  const store = createDistrictStore(pool, { exhibitIds: exhibits.ids })

  /** Before the body is read: a stranger cannot make the district parse megabytes. */
  const authenticate = async (request: FastifyRequest) => {
    const m = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')
    const center = m?.[1] ? await centerOfSecret(pool, m[1]) : null
    if (!center) throw new HttpError(401, 'unauthorized', ['a registered center secret is required (Authorization: Bearer sdc_…)'])
    request.centerId = center
  }

  app.get('/api/health', { schema: { response: { 200: z.object({ ok: z.literal(true), mode: z.literal('district') }) } } }, async () => {
    await pool.query('SELECT 1')
    return { ok: true as const, mode: 'district' as const }
  })

  app.post(
    '/api/district/events',
    { onRequest: authenticate, schema: { body: ForwardBodySchema, response: { 200: ForwardAnswerSchema, ...errorResponses } } },
    async (request) => {
      if (request.body.centerId !== request.centerId) throw new HttpError(403, 'wrong-center', ["centerId: does not match the secret's center"])
      return store(request.centerId, request.body.events)
    },
  )
  app.post(
    '/api/district/privacy',
    { onRequest: authenticate, schema: { body: PrivacyBodySchema, response: { 200: PrivacyAnswerSchema, ...errorResponses } } },
    async (request) => {
      if (request.body.centerId !== request.centerId) throw new HttpError(403, 'wrong-center', ["centerId: does not match the secret's center"])
      return { applied: await applyPrivacy(pool, request.centerId, request.body.records) }
    },
  )
  await app.register(rateLimit, { global: false })
  await app.register(districtAdminRoutes, { pool, exhibitsDirs: config.exhibitsDirs, exhibitIds: exhibits.ids })
  await app.register(districtPassportRoutes, { pool, rateMax: config.passportRateMax })
  // The app's passport page (/passport/<code>) when the district serves the built app.
  let spa = false
  if (config.staticDir) {
    // Loaded only when serving the app: helmet and static cost every start otherwise.
    const { setupSecurityHeaders, setupStaticApp } = await import('../web.ts')
    await setupSecurityHeaders(app)
    spa = await setupStaticApp(app, config.staticDir)
  }
  app.setNotFoundHandler((request, reply) => {
    if (spa && wantsSpaFallback(request.method, request.url)) return reply.header('cache-control', 'no-cache').sendFile('index.html')
    return reply.code(404).send({ error: 'not-found', reasons: [`${request.method} ${redactUrl(request.url.split('?')[0] ?? '')}`] })
  })
  return app
}
