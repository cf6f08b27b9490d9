import { timingSafeEqual, createHash } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { createToken, hashToken } from '../auth/secrets.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { RegisterStationSchema, StationTokenSchema } from '../schemas/stations.ts'

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())

/**
 * Enrollment. The station chooses its id (so it can record offline before it ever
 * registered). Registering an id again issues a new token and voids the old one:
 * that is how a station recovers when it lost its token or the server lost its
 * database, and it grants nothing an enrollment would not grant anyway.
 * No guard: the enrollment code (when configured) is the credential.
 */
export const stationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { stations, config, now } }) => {
  app.post(
    '/api/stations',
    {
      schema: { body: RegisterStationSchema, response: { 201: StationTokenSchema, ...errorResponses } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { stationId, name, enrollCode } = request.body
      if (config.enrollCode !== undefined && (enrollCode === undefined || !sameSecret(enrollCode, config.enrollCode))) {
        throw new HttpError(403, 'enroll-code-required', ['this server requires STATION_ENROLL_CODE to register a station'])
      }
      const token = createToken('station')
      stations.enroll({ id: stationId, name, tokenHash: hashToken(token), createdMs: now() })
      return reply.code(201).send({ stationId, token })
    },
  )
}
