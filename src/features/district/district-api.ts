import { z } from 'zod'
import {
  DistrictLoginSchema,
  DistrictOptionsSchema,
  DistrictTableSchema,
  DistrictYearlyReportSchema,
  type DistrictFilter,
  type DistrictView,
} from '../../core/district.ts'
import { saveFile } from '../files/index.ts'
import { callApi, type ApiResult } from '../passport/index.ts'

type Fetch = typeof fetch
type Lang = 'zh-CN' | 'en'

/** The district admin's sign-in, kept for the tab only (sessionStorage), like the guide's. */
const KEY = 'sophora.district'
const StoredSchema = z.object({ token: z.string(), expiresAt: z.string() })
export function storedToken(): string | null {
  try {
    const s = StoredSchema.safeParse(JSON.parse(sessionStorage.getItem(KEY) ?? 'null'))
    return s.success && Date.parse(s.data.expiresAt) > Date.now() ? s.data.token : null
  } catch {
    return null
  }
}
export const storeToken = (s: { token: string; expiresAt: string } | null) =>
  s ? sessionStorage.setItem(KEY, JSON.stringify(s)) : sessionStorage.removeItem(KEY)

export const signIn = (username: string, password: string, doFetch?: Fetch) =>
  callApi(DistrictLoginSchema, '/api/district/login', { method: 'POST', body: JSON.stringify({ username, password }) }, doFetch)

const query = (f: DistrictFilter, extra: Record<string, string>) =>
  new URLSearchParams({ ...Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined && v !== '')), ...extra }).toString()

export const fetchOptions = (token: string, doFetch?: Fetch) => callApi(DistrictOptionsSchema, '/api/district/dashboard/options', { token }, doFetch)
export const fetchView = (view: DistrictView, f: DistrictFilter, lang: Lang, token: string, doFetch?: Fetch) =>
  callApi(DistrictTableSchema, `/api/district/dashboard/views/${view}?${query(f, { lang })}`, { token }, doFetch)
export const fetchReport = (year: number, token: string, doFetch?: Fetch) =>
  callApi(DistrictYearlyReportSchema, `/api/district/reports/yearly?year=${year}`, { token }, doFetch)

/** The report as CSV: fetched with the sign-in header (a link cannot carry it), saved under the server's name. */
export async function downloadReportCsv(year: number, lang: Lang, token: string): Promise<ApiResult<string>> {
  let res: Response
  try {
    res = await fetch(`/api/district/reports/yearly.csv?year=${year}&lang=${lang}`, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    return { ok: false, kind: 'offline' }
  }
  if (!res.ok) return { ok: false, kind: 'http', status: res.status, error: `HTTP ${res.status}`, reasons: [] }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `sophora-district-report-${year}.csv`
  saveFile(name, await res.blob())
  return { ok: true, data: name }
}
