import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { stationOf } from '../auth/guards.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { StationProfileSchema } from '../schemas/class-sessions.ts'

/** Long enough to walk to the headset, put it on and save; short enough that a photo of the QR is soon useless. */
export const SETUP_TOKEN_MS = 10 * 60_000
/** Unused tokens kept at most (a guide tapping the QR open and closed mints one each time). */
const MAX_LIVE = 200

export const SetupTokenSchema = z.object({ token: z.string(), expiresAt: z.string() })
const SetupProfileSchema = z.strictObject({ setupToken: z.string().min(20).max(100), profile: StationProfileSchema })

/**
 * The console's setup QR carries a one-time, short-lived setup token, so scanning it is enough
 * to set a station up: no guide password is typed on the shared device. A guide or admin mints
 * one; the station spends it (with its own station token) to save its own profile, once.
 * Tokens live in this process's memory only: a restart makes the open QR stale, which is fine
 * for ten minutes' worth of tokens.
 */
export const stationSetupRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { guards, stationLive, hub, exhibitIds, now } = ctx
  const live = new Map<string, number>()
  const sweep = () => {
    for (const [t, exp] of live) if (exp <= now()) live.delete(t)
  }

  app.post(
    '/api/console/setup-tokens',
    { onRequest: guards.staff, schema: { response: { 201: SetupTokenSchema, ...errorResponses } } },
    async (_request, reply) => {
      sweep()
      // Map order is insertion order: past the cap, the oldest unused token goes first.
      while (live.size >= MAX_LIVE) live.delete(live.keys().next().value!)
      const token = randomBytes(24).toString('base64url')
      const expires = now() + SETUP_TOKEN_MS
      live.set(token, expires)
      return reply.code(201).send({ token, expiresAt: new Date(expires).toISOString() })
    },
  )

  app.put(
    '/api/station/setup-profile',
    {
      onRequest: guards.station,
      schema: { body: SetupProfileSchema, response: { 204: z.undefined(), ...errorResponses } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request, reply) => {
      const { stationId } = stationOf(request)
      if (!stationLive.get(stationId)) throw new HttpError(403, 'forbidden', ['this station belongs to another center'])
      const { setupToken, profile } = request.body
      const unknown = profile.offered.filter((e) => !exhibitIds.has(e))
      if (unknown.length)
        throw new HttpError(
          400,
          'unknown exhibits',
          unknown.map((e) => `offered: unknown exhibit ${e}`),
        )
      const exp = live.get(setupToken)
      if (exp === undefined || exp <= now()) throw new HttpError(410, 'setup-token', ['the setup QR has expired or was used: show a new one on the console'])
      live.delete(setupToken)
      stationLive.setProfile(stationId, profile)
      hub.changed()
      return reply.code(204).send()
    },
  )
}
