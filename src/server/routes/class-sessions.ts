import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { staffOf } from '../auth/guards.ts'
import { HttpError } from '../http-error.ts'
import { sessionInfo } from '../session-board.ts'
import { sseStreams } from '../sse.ts'
import { errorResponses } from '../schemas/common.ts'
import {
  BoardSchema,
  JoinByTapSchema,
  NewSessionSchema,
  SendCommandSchema,
  SentSchema,
  SessionInfoSchema,
  SessionParamsSchema,
  StationParamsSchema,
  StationProfileSchema,
  StationRowSchema,
} from '../schemas/class-sessions.ts'

/** How often a console's stream looks for new events of its session (the 2 s LAN budget). */
const EVENTS_POLL_MS = 500
const BOARD_DEBOUNCE_MS = 150

/**
 * The guide console's API (guides and admins only): stations, class sessions, commands
 * to stations, and each session's live board as a stream. A session of another center
 * reads as unknown (404), for reading and for ending alike.
 */
export const classSessionRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { guards, classSessions: sessions, stationLive, passports, board, hub, exhibitIds, db } = ctx
  const openSse = sseStreams(app)
  const staff = { onRequest: guards.staff }
  /** A session of this center that the signed-in guide started (an admin: any). */
  const known = (id: string, request: FastifyRequest) => {
    const s = sessions.get(id)
    if (!s) throw new HttpError(404, 'unknown session', ['no class session with this id at this center'])
    const who = staffOf(request)
    if (who.role !== 'admin' && s.created_by !== who.userId)
      throw new HttpError(403, 'not-your-session', ['a guide sees and runs only the class sessions they started; ask an admin'])
    return s
  }
  const open = (id: string, request: FastifyRequest) => {
    const s = known(id, request)
    if (s.ended_ms !== null) throw new HttpError(409, 'session-ended', ['this class session has ended'])
    return s
  }
  const station = (id: string) => {
    if (!stationLive.get(id)) throw new HttpError(404, 'unknown station', ['no station with this id at this center'])
  }

  app.get('/api/console/stations', { ...staff, schema: { response: { 200: z.array(StationRowSchema), ...errorResponses } } }, async () => board.stationRows())

  // Station setup by a guide or admin signed in on the device (or on the console).
  app.put(
    '/api/console/stations/:stationId/profile',
    { ...staff, schema: { params: StationParamsSchema, body: StationProfileSchema, response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      const unknown = request.body.offered.filter((e) => !exhibitIds.has(e))
      if (unknown.length)
        throw new HttpError(
          400,
          'unknown exhibits',
          unknown.map((e) => `offered: unknown exhibit ${e}`),
        )
      station(request.params.stationId)
      stationLive.setProfile(request.params.stationId, request.body)
      hub.changed()
      return reply.code(204).send()
    },
  )

  app.get('/api/class-sessions', { ...staff, schema: { response: { 200: z.array(SessionInfoSchema), ...errorResponses } } }, async (request) => {
    const who = staffOf(request)
    return sessions
      .recent()
      .filter((s) => who.role === 'admin' || s.created_by === who.userId)
      .map(sessionInfo)
  })

  app.post(
    '/api/class-sessions',
    { ...staff, schema: { body: NewSessionSchema, response: { 200: SessionInfoSchema, 201: SessionInfoSchema, ...errorResponses } } },
    async (request, reply) => {
      const b = request.body
      const unknown = b.exhibits.filter((e) => !exhibitIds.has(e))
      if (unknown.length)
        throw new HttpError(
          400,
          'unknown exhibits',
          unknown.map((e) => `exhibits: unknown exhibit ${e}`),
        )
      for (const s of b.stations) station(s)
      const { userId } = staffOf(request)
      let batchId = b.batchId ?? null
      if (batchId !== null && !passports.batch(batchId)) throw new HttpError(400, 'unknown batch', ['batchId: no class set with this id'])
      // Passports for the class: the same request id issues the same batch on a retry.
      batchId ??= passports.issue({ requestId: b.requestId, school: b.school, grade: b.grade, className: b.className, count: b.headcount, createdBy: userId })
        .batch.id
      const { row, created } = sessions.create(
        {
          id: crypto.randomUUID(),
          request_id: b.requestId,
          school: b.school,
          grade: b.grade,
          class_name: b.className,
          headcount: b.headcount,
          exhibits: JSON.stringify(b.exhibits),
          batch_id: batchId,
          created_by: userId,
        },
        b.stations,
      )
      hub.wakeStations(b.stations)
      hub.changed()
      return reply.code(created ? 201 : 200).send(sessionInfo(row))
    },
  )

  app.get(
    '/api/class-sessions/:sessionId',
    { ...staff, schema: { params: SessionParamsSchema, response: { 200: BoardSchema, ...errorResponses } } },
    async (request) => board.board(known(request.params.sessionId, request)),
  )

  app.post(
    '/api/class-sessions/:sessionId/stations',
    { ...staff, schema: { params: SessionParamsSchema, body: JoinByTapSchema, response: { 204: z.undefined(), ...errorResponses } } },
    async (request, reply) => {
      const s = open(request.params.sessionId, request)
      station(request.body.stationId)
      sessions.join(s.id, request.body.stationId)
      hub.wakeStations([request.body.stationId])
      hub.changed()
      return reply.code(204).send()
    },
  )

  app.post(
    '/api/class-sessions/:sessionId/commands',
    { ...staff, schema: { params: SessionParamsSchema, body: SendCommandSchema, response: { 200: SentSchema, ...errorResponses } } },
    async (request) => {
      const s = open(request.params.sessionId, request)
      const members = new Set(sessions.stations(s.id))
      const targets = request.body.stations ?? [...members]
      const outside = targets.filter((t) => !members.has(t))
      if (outside.length)
        throw new HttpError(
          400,
          'not in session',
          outside.map((t) => `stations: ${t} has not joined this session`),
        )
      const cmd = request.body.command
      if (cmd.type === 'launch' && !exhibitIds.has(cmd.exhibitId)) throw new HttpError(400, 'unknown exhibit', [`command.exhibitId: ${cmd.exhibitId}`])
      if (cmd.type === 'check-in' && passports.find(cmd.passport)?.status !== 'active') {
        throw new HttpError(400, 'unknown passport', ['command.passport: no active passport with this code at this center'])
      }
      const sent = sessions.enqueue(s.id, request.body.requestId, cmd, targets)
      hub.wakeStations(targets)
      hub.changed()
      return { sent, stations: targets }
    },
  )

  app.post(
    '/api/class-sessions/:sessionId/end',
    { ...staff, schema: { params: SessionParamsSchema, response: { 200: SessionInfoSchema, ...errorResponses } } },
    async (request) => {
      const s = known(request.params.sessionId, request)
      const members = sessions.stations(s.id)
      // Ending twice is harmless: the second call finds it ended and sends nothing.
      if (sessions.end(s.id)) hub.wakeStations(members)
      hub.changed()
      return sessionInfo(known(s.id, request))
    },
  )

  const lastEvent = db.prepare<[string], number | null>('SELECT max(seq) FROM events WHERE session_id = ?').pluck()
  // The live board: pushed at once, then on every change (debounced), as server-sent events.
  app.get('/api/class-sessions/:sessionId/live', { ...staff, schema: { params: SessionParamsSchema } }, async (request, reply) => {
    const id = known(request.params.sessionId, request).id
    const sse = openSse(request, reply)
    let timer: ReturnType<typeof setTimeout> | null = null
    const push = () => {
      const s = sessions.get(id)
      if (s) sse.send('board', board.board(s))
    }
    const soon = () => {
      timer ??= setTimeout(() => {
        timer = null
        push()
      }, BOARD_DEBOUNCE_MS)
    }
    push()
    let seen = lastEvent.get(id) ?? 0
    const poll = setInterval(() => {
      const last = lastEvent.get(id) ?? 0
      if (last !== seen) {
        seen = last
        soon()
      }
    }, EVENTS_POLL_MS)
    // Stations go stale without telling anyone (a dropped Wi-Fi): re-push so "online" decays.
    const decay = setInterval(soon, 10_000)
    const off = hub.watch(soon)
    sse.onClose(() => {
      off()
      clearInterval(poll)
      clearInterval(decay)
      if (timer) clearTimeout(timer)
    })
  })
}
