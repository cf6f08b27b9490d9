import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { createDayOf } from '../day-key.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import { YearlyReportExportQuerySchema, YearlyReportQuerySchema, YearlyReportSchema } from '../../core/yearly-report.ts'
import { createYearlyReportQueries } from './report-queries.ts'
import { reportCsv, reportXlsx } from './report-exports.ts'

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The yearly programme report (科普统计) for guides and admins, as JSON for the page and as
 * CSV / XLSX files with the page's tables. Center-wide totals; per-school cells under five
 * students are suppressed in all three.
 */
export const yearlyReportRoutes: FastifyPluginAsyncZod<{ ctx: AppContext }> = async (app, { ctx: { guards, db, config, now } }) => {
  const queries = createYearlyReportQueries(db, { centerId: config.centerId, centerName: config.centerName, timeZone: config.timeZone, now })
  const dayOf = createDayOf(config.timeZone)
  const report = (year: number) => {
    const thisYear = Number(dayOf(now()).slice(0, 4))
    if (year > thisYear) throw new HttpError(400, 'invalid-request', [`year: ${year} has not begun yet (this year is ${thisYear})`])
    return queries.yearly(year)
  }

  app.get(
    '/api/reports/yearly',
    { onRequest: guards.staff, schema: { querystring: YearlyReportQuerySchema, response: { 200: YearlyReportSchema, ...errorResponses } } },
    async (request) => report(request.query.year),
  )

  // No response schema on the files: the body is text or bytes, not an object to serialise.
  app.get('/api/reports/yearly.csv', { onRequest: guards.staff, schema: { querystring: YearlyReportExportQuerySchema } }, async (request, reply) => {
    const { year, lang } = request.query
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="sophora-report-${year}-${lang}.csv"`)
      .header('cache-control', 'no-store')
      .send(reportCsv(report(year), lang))
  })

  app.get('/api/reports/yearly.xlsx', { onRequest: guards.staff, schema: { querystring: YearlyReportExportQuerySchema } }, async (request, reply) => {
    const { year, lang } = request.query
    return reply
      .type(XLSX_TYPE)
      .header('content-disposition', `attachment; filename="sophora-report-${year}-${lang}.xlsx"`)
      .header('cache-control', 'no-store')
      .send(await reportXlsx(report(year), lang))
  })
}
