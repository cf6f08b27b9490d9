import { saveFile } from '../files/index.ts'
import { DashboardOptionsSchema, DashboardTableSchema, type DashboardFilter, type DashboardView, type ExportFormat } from '../../core/dashboard.ts'
import { callApi, type ApiResult } from '../passport/index.ts'
import { earlyFetch } from './early-start.ts'
import { OPTIONS_PATH, query, viewPath } from './view-url.ts'

type Fetch = typeof fetch
type Lang = 'zh-CN' | 'en'

/** The page's reads take the answers started before it rendered (early-start.ts) when they match. */
export const fetchOptions = (token: string, doFetch: Fetch = earlyFetch()) => callApi(DashboardOptionsSchema, OPTIONS_PATH, { token }, doFetch)

export const fetchView = (view: DashboardView, f: DashboardFilter, lang: Lang, token: string, doFetch: Fetch = earlyFetch()) =>
  callApi(DashboardTableSchema, viewPath(view, f, lang), { token }, doFetch)

/** Fetches a file with the sign-in header (a link cannot carry it) and saves it under the name the server gave. */
async function download(url: string, token: string, fallback: string): Promise<ApiResult<string>> {
  let res: Response
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    return { ok: false, kind: 'offline' }
  }
  if (!res.ok) return { ok: false, kind: 'http', status: res.status, error: `HTTP ${res.status}`, reasons: [] }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? fallback
  saveFile(name, await res.blob())
  return { ok: true, data: name }
}

/** Downloads a view's export (made by the server from the same suppressed table). */
export const downloadExport = (view: DashboardView, f: DashboardFilter, lang: Lang, format: ExportFormat, token: string): Promise<ApiResult<string>> =>
  download(`/api/dashboard/views/${view}/export?${query(f, { lang, format })}`, token, `sophora-${view}.${format}`)

/** Downloads every event of a date range as XLSX (admins; 413 when the range holds too many). */
export const downloadEvents = (from: string, to: string, lang: Lang, token: string): Promise<ApiResult<string>> =>
  download(`/api/dashboard/events/export?${new URLSearchParams({ from, to, lang }).toString()}`, token, `sophora-events-${from}_${to}.xlsx`)
