import { saveFile } from '../files/index.ts'
import { YearlyReportSchema } from '../../core/yearly-report.ts'
import type { ReportLang } from '../../core/yearly-report-tables.ts'
import { callApi } from '../passport/index.ts'

type Fetch = typeof fetch

/** One year's figures (guide or admin token); failures are values, as in the other guide APIs. */
export const fetchYearlyReport = (year: number, token: string, doFetch?: Fetch) =>
  callApi(YearlyReportSchema, `/api/reports/yearly?year=${year}`, { token }, doFetch)

export type ReportFile = 'csv' | 'xlsx'
export const reportFileUrl = (year: number, kind: ReportFile, lang: ReportLang) => `/api/reports/yearly.${kind}?year=${year}&lang=${encodeURIComponent(lang)}`

/**
 * Downloads the report file: the request needs the Authorization header, so a plain link
 * cannot fetch it; the answer becomes a blob the browser saves under the server's name.
 */
export async function downloadReport(year: number, kind: ReportFile, lang: ReportLang, token: string, doFetch: Fetch = fetch): Promise<boolean> {
  let res: Response
  try {
    res = await doFetch(reportFileUrl(year, kind, lang), { headers: { authorization: `Bearer ${token}` } })
  } catch {
    return false
  }
  if (!res.ok) return false
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `sophora-report-${year}.${kind}`
  saveFile(name, await res.blob())
  return true
}
