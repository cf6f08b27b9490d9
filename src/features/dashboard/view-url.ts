import type { DashboardFilter, DashboardView } from '../../core/dashboard.ts'
import { writeFilter } from './url-filter.ts'

type Lang = 'zh-CN' | 'en'

/** The filter and extra keys as one query string (no leading `?`). */
export const query = (f: DashboardFilter, extra: Record<string, string>): string => {
  const q = writeFilter(f)
  const e = new URLSearchParams(extra).toString()
  return [q, e].filter(Boolean).join('&')
}

/** One place builds a view's URL: the early start and the page must ask for the very same one. */
export const viewPath = (view: DashboardView, f: DashboardFilter, lang: Lang): string => `/api/dashboard/views/${view}?${query(f, { lang })}`
export const OPTIONS_PATH = '/api/dashboard/options'
