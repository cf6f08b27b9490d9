import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { staffOf } from '../auth/guards.ts'
import type { BatchRow } from '../db/passports-repo.ts'
import { HttpError } from '../http-error.ts'
import { parseCodeParam } from '../passport-code-reason.ts'
import { errorResponses } from '../schemas/common.ts'
import {
  BatchParamsSchema,
  BatchSchema,
  CodeParamsSchema,
  IssueBatchSchema,
  PassportExportSchema,
  PassportStatusSchema,
  PublicPassportSchema,
} from '../schemas/passports.ts'

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Class-set passports: guides issue; a guide reprints, exports and deletes the passports of
 * class sets they issued, an admin any (auth/passport-access.ts decides, the audit records
 * it); stations check a code in; anyone with the card sees its stamps (rate-limited per IP,
 * so codes cannot be enumerated).
 */
export const passportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { db, guards, passports, config, now, access, audit } }) => {
  /** 403 unless the signed-in guide issued this passport's class set (or is an admin). */
  const mayRead = (request: FastifyRequest, code: string) => {
    const who = staffOf(request)
    if (!access.canReadPassport(who, code))
      throw new HttpError(403, 'not-your-passport', ['a guide sees only passports of class sets they issued; ask an admin'])
    return who
  }
  const batchBody = ({ batch, codes }: { batch: BatchRow; codes: string[] }) => ({
    batchId: batch.id,
    createdAt: iso(batch.created_ms),
    school: batch.school,
    grade: batch.grade,
    className: batch.class_name,
    centerName: config.centerName,
    publicUrl: config.publicUrl,
    passports: codes.map((code) => ({ code })),
  })
  /** This center's passport, or the 404/410 a station shows. */
  const known = (code: string) => {
    const p = passports.find(code)
    if (!p) throw new HttpError(404, 'unknown passport', ['no passport with this code was issued by this center'])
    if (p.status !== 'active') throw new HttpError(410, `${p.status} passport`, [`this passport was ${p.status}`])
    return p
  }

  app.post(
    '/api/passports/batches',
    {
      onRequest: guards.staff,
      schema: { body: IssueBatchSchema, response: { 200: BatchSchema, 201: BatchSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const b = request.body
      const who = staffOf(request)
      const r = db.transaction(() => {
        const issued = passports.issue({ ...b, createdBy: who.userId })
        if (issued.created) audit.record(who, 'batch-issue', { batchId: issued.batch.id, detail: `${issued.codes.length}` })
        return issued
      })()
      const same = r.batch.school === b.school && r.batch.grade === b.grade && r.batch.class_name === b.className && r.batch.count === b.count
      if (!same) throw new HttpError(409, 'request-id-reused', ['requestId: already used for a different class set; make a new requestId'])
      return reply.code(r.created ? 201 : 200).send(batchBody(r))
    },
  )

  app.get(
    '/api/passports/batches/:batchId',
    {
      onRequest: guards.staff,
      schema: { params: BatchParamsSchema, response: { 200: BatchSchema, ...errorResponses } },
    },
    async (request) => {
      const who = staffOf(request)
      const r = passports.batch(request.params.batchId)
      if (!r) throw new HttpError(404, 'unknown batch', ['no class set with this id'])
      if (!access.canReadBatch(who, r.batch.id)) throw new HttpError(403, 'not-your-batch', ['a guide sees only class sets they issued; ask an admin'])
      audit.record(who, 'batch-print', { batchId: r.batch.id })
      return batchBody(r)
    },
  )

  app.get(
    '/api/passports/:code/status',
    {
      onRequest: guards.stationOrStaff,
      schema: { params: CodeParamsSchema, response: { 200: PassportStatusSchema, ...errorResponses } },
    },
    async (request) => {
      const code = parseCodeParam(request.params.code)
      known(code)
      return { code, status: 'active' as const }
    },
  )

  app.get(
    '/api/passports/:code',
    {
      schema: { params: CodeParamsSchema, response: { 200: PublicPassportSchema, ...errorResponses } },
      // Before parsing, so malformed guesses count against the limit too.
      config: { rateLimit: { max: config.passportRateMax, timeWindow: '1 minute', keyGenerator: (request) => request.ip } },
    },
    async (request) => {
      const code = parseCodeParam(request.params.code)
      known(code)
      return {
        code,
        centerName: config.centerName,
        exhibits: passports.activity(code).map((a) => ({
          exhibitId: a.exhibitId,
          stamped: a.stampedMs !== null,
          stampedAt: a.stampedMs === null ? null : iso(a.stampedMs),
          bestScore: a.bestScore,
          maxScore: a.maxScore,
          attempts: Math.max(a.starts, a.completions),
        })),
      }
    },
  )

  app.get(
    '/api/passports/:code/export',
    {
      onRequest: guards.staff,
      schema: { params: CodeParamsSchema, response: { 200: PassportExportSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const code = parseCodeParam(request.params.code)
      const who = mayRead(request, code)
      const x = passports.exportOf(code)
      if (!x) throw new HttpError(404, 'unknown passport', ['no passport with this code was issued by this center'])
      audit.record(who, 'passport-export', { passportCode: code })
      void reply.header('content-disposition', `attachment; filename="passport-${code}.json"`).header('cache-control', 'no-store')
      return {
        code,
        status: x.passport.status,
        issuedAt: iso(x.passport.created_ms),
        centerName: config.centerName,
        batch: x.batch && {
          batchId: x.batch.id,
          school: x.batch.school,
          grade: x.batch.grade,
          className: x.batch.class_name,
          createdAt: iso(x.batch.created_ms),
        },
        events: x.events.map((e) => ({
          id: e.id,
          time: iso(e.time_ms),
          receivedAt: iso(e.received_ms),
          stationId: e.station_id,
          sessionId: e.session_id,
          exhibitId: e.exhibit_id,
          type: e.type,
          data: JSON.parse(e.data) as unknown,
        })),
        exportedAt: iso(now()),
      }
    },
  )

  app.delete(
    '/api/passports/:code',
    {
      onRequest: guards.staff,
      schema: { params: CodeParamsSchema, response: { 204: z.undefined(), ...errorResponses } },
    },
    async (request, reply) => {
      const code = parseCodeParam(request.params.code)
      // The issuing guide may delete (a family's request reaches the center through the guide
      // who ran the class); a deleted passport leaves its batch, so a second delete is the admin's 410.
      const who = mayRead(request, code)
      // A second delete says it is already gone (410), so an admin is not told it worked twice.
      known(code)
      db.transaction(() => {
        passports.delete(code)
        audit.record(who, 'passport-delete', { passportCode: code })
      })()
      return reply.code(204).send()
    },
  )
}
