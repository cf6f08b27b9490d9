import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { createToken, hashToken } from '../auth/secrets.ts'
import { createPairingsRepo } from '../db/pairings-repo.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { PairingPendingSchema, RegisterStationSchema, StationTokenSchema } from '../schemas/stations.ts'
import { sameSecret } from './same-secret.ts'
import { createPairing, stationPairingRoutes } from './station-pairing.ts'

/**
 * Enrollment. The station chooses its id (so it can record offline before it ever
 * registered). A NEW id enrolls at once with STATION_ENROLL_CODE, an admin's login or
 * STATION_OPEN_ENROLL=1; otherwise it gets a pairing code (202) and waits for a guide
 * to approve it (station-pairing.ts).
 * An id already enrolled gets a new token only for a request that proves it may have
 * one: the station's enrolment secret (a lost answer, a forgotten token), its current
 * token (rotation) or an admin's login (re-approval of a station that lost its storage).
 * Anyone else would take the station over: its token would stop working and its events
 * would be signed by a stranger. docs/stats-server.md.
 */
export const stationRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { stations, guards, config, now, db } = ctx
  const pairings = createPairingsRepo(db)
  const pairing = createPairing(db, pairings, stations, config.pairingCodeTtlMs)
  await app.register(stationPairingRoutes, { ctx, pairings, pairing })

  app.post(
    '/api/stations',
    {
      schema: { body: RegisterStationSchema, response: { 201: StationTokenSchema, 202: PairingPendingSchema, ...errorResponses } },
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
      if (existing === undefined && !admin) {
        const codeSent = enrollCode !== undefined && config.enrollCode !== undefined
        if (codeSent && !sameSecret(enrollCode, config.enrollCode ?? '')) {
          throw new HttpError(403, 'enroll-code-required', ['enrollCode: not this server’s STATION_ENROLL_CODE'])
        }
        if (!codeSent && !config.openEnroll) {
          if (secret === undefined)
            throw new HttpError(403, 'approval-required', [
              "a new station needs STATION_ENROLL_CODE or a guide's approval: send its secret to get a pairing code",
            ])
          const a = pairing.request({ stationId: sentId, name, secret, userAgent: request.headers['user-agent'], nowMs: now() })
          return a.status === 'approved' ? reply.code(201).send({ stationId: a.stationId, token: a.token }) : reply.code(202).send(a)
        }
      }
      const stationId = existing ?? sentId
      const token = createToken('station')
      stations.enroll({ id: stationId, name, tokenHash: hashToken(token), secretHash: secret === undefined ? null : hashToken(secret), createdMs: now() })
      return reply.code(201).send({ stationId, token })
    },
  )
}
