import { saveFile } from '../files/index.ts'
import { DashboardOptionsSchema, DashboardTableSchema, type DashboardFilter, type DashboardView, type ExportFormat } from '../../core/dashboard.ts'
import { callApi, type ApiResult } from '../passport/index.ts'
import { writeFilter } from './url-filter.ts'

type Fetch = typeof fetch
type Lang = 'zh-CN' | 'en'

export const fetchOptions = (token: string, doFetch?: Fetch) => callApi(DashboardOptionsSchema, '/api/dashboard/options', { token }, doFetch)

const query = (f: DashboardFilter, extra: Record<string, string>) => {
  const q = writeFilter(f)
  const e = new URLSearchParams(extra).toString()
  return [q, e].filter(Boolean).join('&')
}

export const fetchView = (view: DashboardView, f: DashboardFilter, lang: Lang, token: string, doFetch?: Fetch) =>
  callApi(DashboardTableSchema, `/api/dashboard/views/${view}?${query(f, { lang })}`, { token }, doFetch)

/**
 * Downloads a view's export (made by the server from the same suppressed table). A link
 * cannot carry the sign-in header, so the file is fetched, then saved through a blob URL
 * under the name the server gave it.
 */
export async function downloadExport(view: DashboardView, f: DashboardFilter, lang: Lang, format: ExportFormat, token: string): Promise<ApiResult<string>> {
  let res: Response
  try {
    res = await fetch(`/api/dashboard/views/${view}/export?${query(f, { lang, format })}`, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    return { ok: false, kind: 'offline' }
  }
  if (!res.ok) return { ok: false, kind: 'http', status: res.status, error: `HTTP ${res.status}`, reasons: [] }
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `sophora-${view}.${format}`
  saveFile(name, await res.blob())
  return { ok: true, data: name }
}
