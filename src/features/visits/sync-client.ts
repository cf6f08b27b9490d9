import { z } from 'zod'
import type { Cleanup, Outbox } from './outbox.ts'
import type { StationCredentials } from './station-credentials.ts'

/**
 * Sends the outbox to the stats server: batches of ≤ 50, one request at a time,
 * exponential backoff with jitter on failure, a fresh try when the browser comes
 * back online and on a timer. An event leaves the outbox only on the server's word:
 * accepted/duplicate -> removed, rejected -> dead letter. Everything else is retried,
 * which is safe because the server de-duplicates by event id.
 */
export const IngestResponseSchema = z.object({
  results: z.array(
    z.object({
      id: z.string().nullable(),
      status: z.enum(['accepted', 'duplicate', 'rejected']),
      reason: z.string().optional(),
    }),
  ),
})
export type IngestResponse = z.infer<typeof IngestResponseSchema>
const RegisterResponseSchema = z.object({ stationId: z.string(), token: z.string().min(1) })
const ErrorBodySchema = z.object({ error: z.string() })

export interface SyncState {
  pending: number
  syncing: boolean
  /** Consecutive failed attempts; 0 when the last attempt reached the server. */
  failures: number
  lastError: string | null
  lastSyncAt: string | null
  nextAttemptAt: string | null
}
export interface SyncRunResult {
  acknowledged: number
  rejected: number
  error: string | null
}

export interface SyncClient {
  /** Starts timers and listeners and syncs once; the returned cleanup stops everything. */
  start(): Cleanup
  /** Sends everything pending now (joins a run already in progress). */
  syncNow(): Promise<SyncRunResult>
  getState(): SyncState
  subscribe(listener: (state: SyncState) => void): Cleanup
}

export interface SyncClientOptions {
  outbox: Outbox
  /** Server origin, '' for the page's own origin (the usual `npm start` setup). */
  baseUrl: string
  station: StationCredentials
  fetch?: typeof fetch
  batchSize?: number
  retryBaseMs?: number
  retryMaxMs?: number
  pollIntervalMs?: number
  requestTimeoutMs?: number
  random?: () => number
  /** Where `online` events come from; defaults to the window. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
}

class SyncError extends Error {}

export function createSyncClient(opts: SyncClientOptions): SyncClient {
  const { outbox, station } = opts
  const base = opts.baseUrl.replace(/\/+$/, '')
  const doFetch = opts.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const batchSize = Math.min(Math.max(1, opts.batchSize ?? 50), 50)
  const retryBaseMs = opts.retryBaseMs ?? 1000
  const retryMaxMs = opts.retryMaxMs ?? 5 * 60_000
  const pollIntervalMs = opts.pollIntervalMs ?? 30_000
  const timeoutMs = opts.requestTimeoutMs ?? 15_000
  const random = opts.random ?? Math.random

  const state: SyncState = { pending: outbox.getPendingCount(), syncing: false, failures: 0, lastError: null, lastSyncAt: null, nextAttemptAt: null }
  const listeners = new Set<(s: SyncState) => void>()
  const emit = () => {
    const snap = { ...state }
    for (const l of listeners) l(snap)
  }
  let running: Promise<SyncRunResult> | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let started = false

  async function post(path: string, body: unknown, token?: string) {
    const ctrl = new AbortController()
    const timer = setTimeout(() => ctrl.abort(), timeoutMs)
    try {
      const res = await doFetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(body),
        signal: ctrl.signal,
      })
      const json: unknown = await res.json().catch(() => null)
      return { status: res.status, json }
    } catch (e) {
      throw new SyncError(`network: ${e instanceof Error ? e.message : String(e)}`)
    } finally {
      clearTimeout(timer)
    }
  }

  async function ensureToken(): Promise<string> {
    const existing = station.getToken()
    if (existing) return existing
    const { status, json } = await post('/api/stations', station.registration())
    const parsed = RegisterResponseSchema.safeParse(json)
    if (status === 409) {
      // Another device holds this id (or this one lost its secret): only an admin can re-approve it.
      // The events stay in the outbox; the backoff keeps the tries rare until then.
      throw new SyncError('registration refused: this station id is enrolled elsewhere; an admin must re-approve this station (HTTP 409)')
    }
    if (status !== 201 || !parsed.success) throw new SyncError(`registration refused (HTTP ${status})`)
    station.setToken(parsed.data.token)
    return parsed.data.token
  }

  async function run(): Promise<SyncRunResult> {
    const result: SyncRunResult = { acknowledged: 0, rejected: 0, error: null }
    let reRegistered = false
    for (;;) {
      const batch = await outbox.peek(batchSize)
      if (batch.length === 0) return result
      const token = await ensureToken()
      const { status, json } = await post('/api/events', { events: batch }, token)
      if (status === 401 && !reRegistered) {
        // The server no longer knows this token (e.g. its database was reset): enrol again.
        station.setToken(null)
        reRegistered = true
        continue
      }
      const parsed = IngestResponseSchema.safeParse(json)
      if (!parsed.success) {
        const err = ErrorBodySchema.safeParse(json)
        throw new SyncError(`server answered HTTP ${status}${err.success ? ` (${err.data.error})` : ''}`)
      }
      const inBatch = new Set(batch.map((e) => e.id))
      const ack: string[] = []
      const dead: { id: string; reason: string }[] = []
      for (const r of parsed.data.results) {
        if (r.id === null || !inBatch.has(r.id)) continue
        if (r.status === 'rejected') dead.push({ id: r.id, reason: r.reason ?? 'rejected' })
        else ack.push(r.id)
      }
      if (ack.length) await outbox.remove(ack)
      if (dead.length) await outbox.deadLetter(dead)
      result.acknowledged += ack.length
      result.rejected += dead.length
      if (ack.length + dead.length === 0) throw new SyncError('server acknowledged nothing in the batch')
    }
  }

  function schedule(delayMs: number) {
    if (retryTimer) clearTimeout(retryTimer)
    state.nextAttemptAt = new Date(Date.now() + delayMs).toISOString()
    retryTimer = setTimeout(() => {
      retryTimer = null
      void syncNow()
    }, delayMs)
  }

  function syncNow(): Promise<SyncRunResult> {
    if (running) return running
    state.syncing = true
    emit()
    running = run()
      .then(
        (r) => {
          state.failures = 0
          state.lastError = null
          state.lastSyncAt = new Date().toISOString()
          state.nextAttemptAt = null
          return r
        },
        (e: unknown) => {
          state.failures++
          state.lastError = e instanceof Error ? e.message : String(e)
          const cap = Math.min(retryMaxMs, retryBaseMs * 2 ** Math.min(state.failures - 1, 30))
          if (started) schedule(cap / 2 + random() * (cap / 2))
          return { acknowledged: 0, rejected: 0, error: state.lastError }
        },
      )
      .finally(() => {
        running = null
        state.syncing = false
        state.pending = outbox.getPendingCount()
        emit()
      })
    return running
  }

  return {
    start() {
      if (started) return () => {}
      started = true
      const onOnline = () => {
        state.failures = 0
        void syncNow()
      }
      const target = opts.events ?? (typeof globalThis.addEventListener === 'function' ? globalThis : undefined)
      target?.addEventListener('online', onOnline)
      const poll = setInterval(() => {
        if (!retryTimer) void syncNow()
      }, pollIntervalMs)
      let debounce: ReturnType<typeof setTimeout> | null = null
      const unsub = outbox.subscribe((n) => {
        state.pending = n
        emit()
        // New events go out soon, unless we are waiting out a backoff.
        if (n > 0 && !retryTimer && !debounce)
          debounce = setTimeout(() => {
            debounce = null
            void syncNow()
          }, 100)
      })
      void syncNow()
      return () => {
        started = false
        target?.removeEventListener('online', onOnline)
        clearInterval(poll)
        if (debounce) clearTimeout(debounce)
        if (retryTimer) clearTimeout(retryTimer)
        retryTimer = null
        unsub()
      }
    },
    syncNow,
    getState: () => ({ ...state }),
    subscribe(listener) {
      listeners.add(listener)
      listener({ ...state })
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
