import { z } from 'zod'
import { ActivityListSchema, ActivitySchema, type ActivityFilter, type ActivityInput } from '../../core/programme.ts'
import { SessionSummarySchema } from '../../core/session-summary.ts'
import { callApi } from '../passport/index.ts'

/**
 * The guide's report endpoints (session summary, programme log), answers checked with the
 * schemas the server answers with (src/core). Failures are values, as in the passport API.
 */
type Fetch = typeof fetch

/** `search` is the page's own query string (?batchId=…&exhibits=…), passed on as it came. */
export const fetchSummary = (sessionId: string, search: string, token: string, doFetch?: Fetch) =>
  callApi(SessionSummarySchema, `/api/guide/sessions/${encodeURIComponent(sessionId)}/summary${summaryQuery(search)}`, { token }, doFetch)

/** Only the parameters the summary knows; anything else in the page's URL stays behind. */
export function summaryQuery(search: string): string {
  const from = new URLSearchParams(search)
  const to = new URLSearchParams()
  for (const k of ['batchId', 'exhibits']) {
    const v = from.get(k)
    if (v) to.set(k, v)
  }
  const s = to.toString()
  return s ? `?${s}` : ''
}

export function listActivities(filter: ActivityFilter, token: string, doFetch?: Fetch) {
  const q = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== ''))
  const s = q.toString()
  return callApi(ActivityListSchema, `/api/programme/activities${s ? `?${s}` : ''}`, { token }, doFetch)
}
export const createActivity = (a: ActivityInput & { requestId: string }, token: string, doFetch?: Fetch) =>
  callApi(ActivitySchema, '/api/programme/activities', { method: 'POST', body: JSON.stringify(a), token }, doFetch)
export const updateActivity = (id: string, a: ActivityInput, token: string, doFetch?: Fetch) =>
  callApi(ActivitySchema, `/api/programme/activities/${encodeURIComponent(id)}`, { method: 'PUT', body: JSON.stringify(a), token }, doFetch)
/** 204 has no body: the call reads it as null. */
export const deleteActivity = (id: string, token: string, doFetch?: Fetch) =>
  callApi(z.null(), `/api/programme/activities/${encodeURIComponent(id)}`, { method: 'DELETE', token }, doFetch)
