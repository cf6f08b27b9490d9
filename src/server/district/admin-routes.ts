import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { FastifyRequest } from 'fastify'
import { z } from 'zod'
import { LangSchema } from '../../core/dashboard.ts'
import { createTitles } from '../dashboard/views.ts'
import { createExhibitTexts } from '../exhibit-texts.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { adminOfToken, signIn, signOut } from './admins.ts'
import type { Pool } from './database.ts'
import {
  DistrictFilterFields,
  DistrictLoginSchema,
  DistrictOptionsSchema,
  DistrictTableSchema,
  DistrictViewSchema,
  DistrictYearlyReportSchema,
} from '../../core/district.ts'
import { refineRange } from '../../core/dashboard.ts'
import { ReportLangSchema, ReportYearSchema } from '../../core/yearly-report.ts'
import { districtReportCsv, districtYearlyReport } from './yearly-report.ts'
import { buildDistrictView } from './dashboard-views.ts'

const bearer = (req: FastifyRequest) => /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1] ?? ''

/**
 * The district administrator's API: sign in with the password `add-admin` printed, then
 * read the dashboard views over every center (docs/district.md).
 */
export const districtAdminRoutes: FastifyPluginAsyncZod<{ pool: Pool; exhibitsDirs: string[]; exhibitIds: ReadonlySet<string> }> = async (
  app,
  { pool, exhibitsDirs, exhibitIds },
) => {
  const deps = { pool, texts: createExhibitTexts(exhibitsDirs), title: createTitles(exhibitsDirs) }
  const admin = async (req: FastifyRequest) => {
    if (!(await adminOfToken(pool, bearer(req)))) throw new HttpError(401, 'unauthorized', ['sign in as a district admin (Authorization: Bearer sda_…)'])
  }

  app.post(
    '/api/district/login',
    {
      // Password guesses per IP and minute.
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (request) => request.ip } },
      schema: {
        body: z.strictObject({ username: z.string().min(1).max(32), password: z.string().min(1).max(200) }),
        response: { 200: DistrictLoginSchema, ...errorResponses },
      },
    },
    async (req) => {
      const s = await signIn(pool, req.body.username, req.body.password)
      if (!s) throw new HttpError(401, 'bad-credentials', ['wrong username or password'])
      return { token: s.token, expiresAt: s.expiresAt.toISOString() }
    },
  )
  app.post('/api/district/logout', { onRequest: admin, schema: { response: { 204: z.null(), ...errorResponses } } }, async (req, reply) => {
    await signOut(pool, bearer(req))
    return reply.code(204).send(null)
  })

  app.get('/api/district/dashboard/options', { onRequest: admin, schema: { response: { 200: DistrictOptionsSchema, ...errorResponses } } }, async () => {
    const r = await pool.query<{ id: string; name: string }>('SELECT id, name FROM centers ORDER BY id')
    return { centers: r.rows, exhibits: [...exhibitIds].sort() }
  })
  app.get(
    '/api/district/dashboard/views/:view',
    {
      onRequest: admin,
      schema: {
        params: z.strictObject({ view: DistrictViewSchema }),
        querystring: refineRange(DistrictFilterFields.extend({ lang: LangSchema.default('zh-CN') })),
        response: { 200: DistrictTableSchema, ...errorResponses },
      },
    },
    async (req) => {
      const { lang, ...filter } = req.query
      return buildDistrictView(deps, req.params.view, filter, lang)
    },
  )

  app.get(
    '/api/district/reports/yearly',
    { onRequest: admin, schema: { querystring: z.strictObject({ year: ReportYearSchema }), response: { 200: DistrictYearlyReportSchema, ...errorResponses } } },
    async (req) => districtYearlyReport(pool, req.query.year),
  )
  // No response schema on the file: the body is text, not an object to serialise.
  app.get(
    '/api/district/reports/yearly.csv',
    { onRequest: admin, schema: { querystring: z.strictObject({ year: ReportYearSchema, lang: ReportLangSchema.default('zh-CN') }) } },
    async (req, reply) => {
      const { year, lang } = req.query
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="sophora-district-report-${year}-${lang}.csv"`)
        .header('cache-control', 'no-store')
        .send(districtReportCsv(await districtYearlyReport(pool, year), lang))
    },
  )
}
