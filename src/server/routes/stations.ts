import { timingSafeEqual, createHash } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { StationIdSchema } from '../../core/event-schema.ts'
import type { AppContext } from '../context.ts'
import { createToken, hashToken } from '../auth/secrets.ts'
import { HttpError } from '../http-error.ts'

export const RegisterStationSchema = z.strictObject({
  stationId: StationIdSchema,
  name: z.string().trim().min(1).max(100).default('station'),
  enrollCode: z.string().max(200).optional(),
})
type RegisterStation = z.infer<typeof RegisterStationSchema>

const sameSecret = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())

/**
 * Enrollment. The station chooses its id (so it can record offline before it ever
 * registered). Registering an id again issues a new token and voids the old one:
 * that is how a station recovers when it lost its token or the server lost its
 * database, and it grants nothing an enrollment would not grant anyway.
 */
export async function stationRoutes(app: FastifyInstance, { db, config }: AppContext): Promise<void> {
  const upsert = db.prepare(`INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, token_hash = excluded.token_hash`)

  app.post<{ Body: RegisterStation }>('/api/stations', {
    schema: { body: RegisterStationSchema },
    config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
  }, async (request, reply) => {
    const { stationId, name, enrollCode } = request.body
    if (config.enrollCode !== undefined && (enrollCode === undefined || !sameSecret(enrollCode, config.enrollCode))) {
      throw new HttpError(403, 'enroll-code-required', ['this server requires STATION_ENROLL_CODE to register a station'])
    }
    const token = createToken('station')
    upsert.run(stationId, name, hashToken(token), Date.now())
    return reply.code(201).send({ stationId, token })
  })
}
