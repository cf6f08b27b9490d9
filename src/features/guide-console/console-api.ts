import { z } from 'zod'
import { BoardSchema, SessionInfoSchema, StationRowSchema, type Board, type Command, type NewSession } from '../../core/station-live.ts'
import { createSseParser } from '../../core/sse-frames.ts'

/**
 * The console's calls to the stats server (same origin), answers checked with zod. A failure
 * is a value: `{ ok: false, status }` (0 = no answer), never an exception to remember.
 */
export type Result<T> = { ok: true; data: T } | { ok: false; status: number }

async function call<T>(schema: z.ZodType<T>, path: string, token: string, init: { method?: string; body?: unknown } = {}): Promise<Result<T>> {
  try {
    const r = await fetch(path, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${token}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    })
    if (!r.ok) return { ok: false, status: r.status }
    const p = schema.safeParse(r.status === 204 ? null : await r.json())
    return p.success ? { ok: true, data: p.data } : { ok: false, status: r.status }
  } catch {
    return { ok: false, status: 0 }
  }
}

export const listStations = (token: string) => call(z.array(StationRowSchema), '/api/console/stations', token)
export const listSessions = (token: string) => call(z.array(SessionInfoSchema), '/api/class-sessions', token)
export const createSession = (token: string, s: NewSession) => call(SessionInfoSchema, '/api/class-sessions', token, { method: 'POST', body: s })
export const joinStation = (token: string, sessionId: string, stationId: string) =>
  call(z.null(), `/api/class-sessions/${sessionId}/stations`, token, { method: 'POST', body: { stationId } })
export const sendCommand = (token: string, sessionId: string, command: Command, stations?: string[]) =>
  call(z.object({ sent: z.number(), stations: z.array(z.string()) }), `/api/class-sessions/${sessionId}/commands`, token, {
    method: 'POST',
    body: { requestId: crypto.randomUUID(), command, ...(stations ? { stations } : {}) },
  })
/** A one-time setup token for the setup QR (10 minutes; the station spends it on saving its profile). */
export const mintSetupToken = (token: string) =>
  call(z.object({ token: z.string(), expiresAt: z.string() }), '/api/console/setup-tokens', token, { method: 'POST' })
export const endSession = (token: string, sessionId: string) => call(SessionInfoSchema, `/api/class-sessions/${sessionId}/end`, token, { method: 'POST' })

/**
 * The live board of a session: pushed by the server on every change. Reconnects with backoff
 * (a tablet's Wi-Fi drops too); `onStatus(false)` while it is away. Returns the cleanup.
 */
export function watchBoard(token: string, sessionId: string, onBoard: (b: Board) => void, onStatus: (live: boolean, status?: number) => void): () => void {
  let stopped = false
  let ctrl: AbortController | null = null
  let failures = 0
  void (async () => {
    while (!stopped) {
      ctrl = new AbortController()
      try {
        const r = await fetch(`/api/class-sessions/${sessionId}/live`, { headers: { authorization: `Bearer ${token}` }, signal: ctrl.signal })
        if (!r.ok || !r.body) {
          onStatus(false, r.status)
          if (r.status === 401 || r.status === 403 || r.status === 404) return
          throw new Error(`HTTP ${r.status}`)
        }
        const push = createSseParser((m) => {
          const b = m.event === 'board' ? BoardSchema.safeParse(m.data) : null
          if (b?.success) {
            failures = 0
            onStatus(true)
            onBoard(b.data)
          }
        })
        const reader = r.body.pipeThrough(new TextDecoderStream()).getReader()
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          push(value)
        }
      } catch {
        /* dropped: back off below */
      }
      if (stopped) return
      onStatus(false)
      const cap = Math.min(10_000, 500 * 2 ** Math.min(failures++, 10))
      await new Promise((res) => setTimeout(res, cap / 2 + Math.random() * (cap / 2)))
    }
  })()
  return () => {
    stopped = true
    ctrl?.abort()
  }
}
