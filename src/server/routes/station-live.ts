import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { stationOf } from '../auth/guards.ts'
import { profileOf } from '../db/station-live-repo.ts'
import { HttpError } from '../http-error.ts'
import { sseStreams } from '../sse.ts'
import { errorResponses } from '../schemas/common.ts'
import { JoinByCodeSchema, JoinedSchema, StationStateSchema, StreamQuerySchema } from '../schemas/class-sessions.ts'

/**
 * A station's side of the live channel, with its station token: the command stream
 * (server-sent events after the station's cursor), its state reports, and joining a
 * session by the code of the session QR. A station token reaches nothing of the console.
 */
export const stationLiveRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { guards, classSessions: sessions, stationLive, hub, now } = ctx
  const openSse = sseStreams(app)
  const mine = (request: Parameters<typeof stationOf>[0]) => {
    const { stationId } = stationOf(request)
    const row = stationLive.get(stationId)
    if (!row) throw new HttpError(403, 'forbidden', ['this station belongs to another center'])
    return row
  }

  app.get('/api/station/stream', { onRequest: guards.station, schema: { querystring: StreamQuerySchema } }, async (request, reply) => {
    const row = mine(request)
    const stationId = row.id
    // A cursor past the end means the server lost its database: start over (ids de-duplicate).
    let cursor = request.query.after > sessions.lastSeq(stationId) ? 0 : request.query.after
    stationLive.touch(stationId, now())
    const sse = openSse(request, reply, () => stationLive.touch(stationId, now()))
    sse.send('hello', { stationId, profile: profileOf(row), sessionId: stationLive.get(stationId)?.session_id ?? null })
    const flush = () => {
      for (const c of sessions.pendingFor(stationId, cursor)) {
        sse.send('command', c, c.seq)
        cursor = c.seq
      }
    }
    flush()
    sse.onClose(hub.connectStation(stationId, flush))
  })

  app.post(
    '/api/station/state',
    { onRequest: guards.station, schema: { body: StationStateSchema, response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      stationLive.report(mine(request).id, request.body, now())
      hub.changed()
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/station/join',
    {
      onRequest: guards.station,
      schema: { body: JoinByCodeSchema, response: { 200: JoinedSchema, ...errorResponses } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => {
      const { id: stationId } = mine(request)
      const s = sessions.byJoinCode(request.body.joinCode)
      if (!s) throw new HttpError(404, 'unknown session', ['no open class session with this code'])
      sessions.join(s.id, stationId)
      hub.wakeStations([stationId])
      hub.changed()
      return { sessionId: s.id }
    },
  )
}
