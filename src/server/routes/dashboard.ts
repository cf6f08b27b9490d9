import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../context.ts'
import { staffOf } from '../auth/guards.ts'
import { createDayOf } from '../day-key.ts'
import { createExhibitTexts } from '../exhibit-texts.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import {
  DashboardFilterFields,
  DashboardOptionsSchema,
  DashboardTableSchema,
  DashboardViewSchema,
  ExportFormatSchema,
  exportFileName,
  LangSchema,
  refineRange,
} from '../../core/dashboard.ts'
import { buildView, createTitles, type ViewDeps } from '../dashboard/views.ts'
import { toCsv, toXlsx } from '../dashboard/export.ts'
import { eventsInRange, eventsXlsx, MAX_EXPORT_EVENTS } from '../dashboard/event-export.ts'

const ViewParamsSchema = z.strictObject({ view: DashboardViewSchema })
const ViewQuerySchema = refineRange(DashboardFilterFields.extend({ lang: LangSchema.default('zh-CN') }))
const ExportQuerySchema = refineRange(DashboardFilterFields.extend({ lang: LangSchema.default('zh-CN'), format: ExportFormatSchema }))
const MAX_SESSIONS = 500
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD')
/** Per-event export: a range is required; `limit` lets a caller ask to be stopped below the server's maximum. */
const EventsExportQuerySchema = z
  .strictObject({ from: Day, to: Day, lang: LangSchema.default('zh-CN'), limit: z.coerce.number().int().positive().max(MAX_EXPORT_EVENTS).optional() })
  .refine((q) => q.from <= q.to, { message: 'must not be after to', path: ['from'] })

/**
 * The statistics dashboard (issue 11): each view as a suppressed table for guides and admins,
 * and its CSV/XLSX export, made from the very same table, for admins only (data that leaves
 * the center's screens is the admin's call).
 */
export const dashboardRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx }) => {
  const { guards, db, config, exhibitIds } = ctx
  const dayOf = createDayOf(config.timeZone)
  const deps: ViewDeps = {
    db,
    centerId: config.centerId,
    coreSet: config.coreSet ?? [...exhibitIds].sort(),
    dayOf,
    texts: createExhibitTexts(config.exhibitsDirs),
    title: createTitles(config.exhibitsDirs),
  }
  const admin = async (req: FastifyRequest) => {
    await guards.staff(req)
    if (staffOf(req).role !== 'admin') throw new HttpError(403, 'admin-only', ['only an admin may export dashboard data'])
  }
  const schoolsOf = db.prepare<[string], string>('SELECT DISTINCT school FROM passport_batches WHERE center_id = ? ORDER BY school').pluck()
  const gradesOf = db.prepare<[string], string>('SELECT DISTINCT grade FROM passport_batches WHERE center_id = ? ORDER BY grade').pluck()
  const sessionsOf = db.prepare<[string], { id: string; school: string; grade: string; className: string; createdMs: number }>(
    `SELECT id, school, grade, class_name AS className, created_ms AS createdMs FROM class_sessions WHERE center_id = ? ORDER BY created_ms DESC LIMIT ${MAX_SESSIONS}`,
  )

  app.get('/api/dashboard/options', { onRequest: guards.staff, schema: { response: { 200: DashboardOptionsSchema, ...errorResponses } } }, async () => ({
    schools: schoolsOf.all(config.centerId),
    grades: gradesOf.all(config.centerId),
    sessions: sessionsOf.all(config.centerId).map(({ createdMs, ...s }) => ({ ...s, day: dayOf(createdMs) })),
    exhibits: [...exhibitIds].sort(),
  }))

  app.get(
    '/api/dashboard/views/:view',
    { onRequest: guards.staff, schema: { params: ViewParamsSchema, querystring: ViewQuerySchema, response: { 200: DashboardTableSchema, ...errorResponses } } },
    async (req) => {
      const { lang, ...filter } = req.query
      return buildView(deps, req.params.view, filter, lang)
    },
  )

  app.get(
    '/api/dashboard/views/:view/export',
    { onRequest: admin, schema: { params: ViewParamsSchema, querystring: ExportQuerySchema } },
    async (req, reply) => {
      const { lang, format, ...filter } = req.query
      const table = buildView(deps, req.params.view, filter, lang)
      const body = format === 'csv' ? toCsv(table, lang) : await toXlsx(table, lang)
      return reply
        .header('content-type', format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${exportFileName(req.params.view, filter, format)}"`)
        .header('cache-control', 'no-store')
        .send(body)
    },
  )

  // Every event of a range, one row each (pseudonymous students), streamed: admins only, like every export.
  app.get('/api/dashboard/events/export', { onRequest: admin, schema: { querystring: EventsExportQuerySchema } }, async (req, reply) => {
    const { from, to, lang, limit = MAX_EXPORT_EVENTS } = req.query
    const n = eventsInRange(db, from, to)
    if (n > limit)
      throw new HttpError(413, 'too-many-events', [`${from}…${to} holds about ${n} events; at most ${limit} fit one export: choose a shorter range`])
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="sophora-events-${from}_${to}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(eventsXlsx(db, { from, to, lang }))
  })
}
