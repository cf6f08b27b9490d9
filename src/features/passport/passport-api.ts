import { z } from 'zod'
import type { PassportCode } from '../../core/passport-code.ts'

/**
 * The passport endpoints of the stats server (same origin), each checked with zod on
 * the way in: schema → type → function. A network failure is a value ('offline'),
 * never an exception the page has to remember to catch.
 */
export const ErrorBodySchema = z.object({ error: z.string(), reasons: z.array(z.string()).default([]) })

import {
  BatchSchema,
  CenterSchema,
  PublicPassportSchema as PassportViewSchema,
  type Batch,
  type Center,
  type PublicPassport as PassportView,
} from '../../core/passport-api.ts'

export { BatchSchema, CenterSchema, PassportViewSchema, type Batch, type Center, type PassportView }
export interface BatchRequest {
  requestId: string
  school: string
  grade: string
  className: string
  count: number
}

export const StaffSessionSchema = z.object({ token: z.string().min(1), name: z.string(), role: z.string(), expiresAt: z.string() })
export type StaffSession = z.infer<typeof StaffSessionSchema>

export type ApiResult<T> =
  { ok: true; data: T } | { ok: false; kind: 'offline' } | { ok: false; kind: 'http'; status: number; error: string; reasons: string[] }

type Fetch = typeof fetch
const defaultFetch: Fetch = (input, init) => globalThis.fetch(input, init)

/** One request to the stats server, its answer checked with `schema`; exported for other guide pages. */
export async function call<T>(
  schema: z.ZodType<T>,
  path: string,
  init: RequestInit & { token?: string | null } = {},
  doFetch: Fetch = defaultFetch,
): Promise<ApiResult<T>> {
  const { token, ...rest } = init
  let res: Response
  try {
    res = await doFetch(path, {
      ...rest,
      headers: { ...(rest.body ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
    })
  } catch {
    return { ok: false, kind: 'offline' }
  }
  const json: unknown = await res.json().catch(() => null)
  if (res.ok) {
    const parsed = schema.safeParse(json)
    return parsed.success ? { ok: true, data: parsed.data } : { ok: false, kind: 'http', status: res.status, error: 'unexpected answer', reasons: [] }
  }
  // A proxy or a server in trouble is as good as no server for a station: keep working.
  if (res.status >= 502) return { ok: false, kind: 'offline' }
  const err = ErrorBodySchema.safeParse(json)
  return {
    ok: false,
    kind: 'http',
    status: res.status,
    error: err.success ? err.data.error : `HTTP ${res.status}`,
    reasons: err.success ? err.data.reasons : [],
  }
}

const StatusSchema = z.object({ code: z.string(), status: z.literal('active') })

/** What the server says about a code typed or scanned at a station. */
export type PassportStatus = 'active' | 'unknown' | 'revoked' | 'malformed' | 'unconfirmed'

export async function fetchPassportStatus(code: PassportCode, token: string | null, doFetch?: Fetch): Promise<PassportStatus> {
  const r = await call(StatusSchema, `/api/passports/${code}/status`, { token }, doFetch)
  if (r.ok) return 'active'
  if (r.kind === 'offline') return 'unconfirmed'
  if (r.status === 404) return 'unknown'
  if (r.status === 410) return 'revoked'
  if (r.status === 400) return 'malformed'
  // 401/403 (station not enrolled yet), 429, 500: the code's check characters decide for now.
  return 'unconfirmed'
}

export const fetchPassport = (code: PassportCode, doFetch?: Fetch) => call(PassportViewSchema, `/api/passports/${code}`, {}, doFetch)
export const fetchCenter = (doFetch?: Fetch) => call(CenterSchema, '/api/center', {}, doFetch)
export const signIn = (name: string, password: string, doFetch?: Fetch) =>
  call(StaffSessionSchema, '/api/auth/login', { method: 'POST', body: JSON.stringify({ name, password }) }, doFetch)
export const issueBatch = (req: BatchRequest, token: string, doFetch?: Fetch) =>
  call(BatchSchema, '/api/passports/batches', { method: 'POST', body: JSON.stringify(req), token }, doFetch)
export const fetchBatch = (batchId: string, token: string, doFetch?: Fetch) =>
  call(BatchSchema, `/api/passports/batches/${encodeURIComponent(batchId)}`, { token }, doFetch)

/** What the server holds for one passport (kept loose: the guide downloads it as it came). */
export const PassportExportSchema = z.looseObject({ code: z.string(), status: z.string(), events: z.array(z.unknown()) })
export type PassportExport = z.infer<typeof PassportExportSchema>
export const exportPassport = (code: PassportCode, token: string, doFetch?: Fetch) =>
  call(PassportExportSchema, `/api/passports/${code}/export`, { token }, doFetch)
/** 204 has no body: `call` reads it as null. */
export const deletePassport = (code: PassportCode, token: string, doFetch?: Fetch) =>
  call(z.null(), `/api/passports/${code}`, { method: 'DELETE', token }, doFetch)

/** The passport view's exhibits as stamps (for merging with a station's local ones). */
export function stampsOf(view: PassportView): Record<string, { awardedAt: string; score: number }> {
  const out: Record<string, { awardedAt: string; score: number }> = {}
  for (const e of view.exhibits) if (e.stamped) out[e.exhibitId] = { awardedAt: e.stampedAt ?? '', score: e.bestScore ?? 0 }
  return out
}
