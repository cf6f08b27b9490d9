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
 * registered). A NEW id enrolls openly on the center's LAN (or with STATION_ENROLL_CODE).
 * An id already enrolled gets a new token only for a request that proves it may have
 * one: the station's enrolment secret (a lost answer, a forgotten token), its current
 * token (rotation) or an admin's login (re-approval of a station that lost its storage).
 * Anyone else would take the station over: its token would stop working and its events
 * would be signed by a stranger. docs/stats-server.md.
 */
export const stationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { stations, guards, config, now } }) => {
  app.post(
    '/api/stations',
    {
      schema: { body: RegisterStationSchema, response: { 201: StationTokenSchema, ...errorResponses } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { stationId: sentId, name, enrollCode, secret } = request.body
      const caller = guards.optional(request)
      const admin = caller?.kind === 'user' && caller.role === 'admin'
      const found = stations.existing(sentId)
      const existing = found?.id
      const proven =
        admin ||
        (caller?.kind === 'station' && caller.stationId === existing) ||
        (secret !== undefined && found?.secretHash != null && sameSecret(hashToken(secret), found.secretHash))
      if (existing !== undefined && !proven) {
        throw new HttpError(409, 'station-already-enrolled', [
          "stationId: already enrolled; a new token needs the station's secret, its current token or an admin's approval (Authorization: Bearer <token>)",
        ])
      }
      const needsCode = existing === undefined && !admin && config.enrollCode !== undefined
      if (needsCode && (enrollCode === undefined || !sameSecret(enrollCode, config.enrollCode ?? ''))) {
        throw new HttpError(403, 'enroll-code-required', ['this server requires STATION_ENROLL_CODE to register a station'])
      }
      const stationId = existing ?? sentId
      const token = createToken('station')
      stations.enroll({ id: stationId, name, tokenHash: hashToken(token), secretHash: secret === undefined ? null : hashToken(secret), createdMs: now() })
      return reply.code(201).send({ stationId, token })
    },
  )
}
