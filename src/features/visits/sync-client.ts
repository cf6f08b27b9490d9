import { z } from 'zod'
import type { Cleanup, Outbox } from './outbox.ts'
import type { StationCredentials } from './station-credentials.ts'

/**
 * Sends the outbox to the stats server: batches of ≤ 50, one request at a time,
 * exponential backoff with jitter on failure, a fresh try when the browser comes
 * back online and on a timer. An event leaves the outbox only on the server's word:
 * accepted/duplicate -> removed, rejected -> dead letter. Everything else is retried,
 * which is safe because the server de-duplicates by event id. A station the server does
 * not enrol at once gets a pairing code (state.pairing) to show a guide; events wait in the
 * outbox meanwhile and go out as soon as the guide has approved it.
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
const PendingResponseSchema = z.object({ status: z.literal('pending'), code: z.string().regex(/^\d{6}$/), codeExpiresAt: z.string() })
const PollResponseSchema = z.union([PendingResponseSchema, RegisterResponseSchema.extend({ status: z.literal('approved') })])
const ErrorBodySchema = z.object({ error: z.string() })

/** A station the server does not enrol at once waits for a guide: it shows `code` until then. */
export type PairingState = { status: 'pending'; code: string; codeExpiresAt: string } | { status: 'rejected' }

export interface SyncState {
  pending: number
  syncing: boolean
  /** Consecutive failed attempts; 0 when the last attempt reached the server. */
  failures: number
  lastError: string | null
  lastSyncAt: string | null
  nextAttemptAt: string | null
  /** Not null while this station waits for a guide's approval (or was refused it). */
  pairing: PairingState | null
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
  /**
   * This station's token, registering (or asking to be paired) first when it has none. One
   * registration at a time for the whole page: two at once (the check-in page asking the server
   * while the sync client enrols) made the second replace the first's token, and the check-in
   * then read as unconfirmed. Null while no token can be had (pending approval, offline).
   */
  token(): Promise<string | null>
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
  /** How often a station waiting for approval asks whether it was approved. */
  pairingPollMs?: number
  /** Register (or ask for a pairing code) at start, before there is anything to send: a kiosk shows its code at once. */
  enrolAtStart?: boolean
  /** Where `online` events come from; defaults to the window. */
  events?: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>
}

class SyncError extends Error {}
/** Not a failure: the station waits for a guide, and asks again at the pairing pace, not the backoff's. */
class AwaitingApproval extends SyncError {}

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
  const pairingPollMs = opts.pairingPollMs ?? 3000

  const state: SyncState = {
    pending: outbox.getPendingCount(),
    syncing: false,
    failures: 0,
    lastError: null,
    lastSyncAt: null,
    nextAttemptAt: null,
    pairing: null,
  }
  const listeners = new Set<(s: SyncState) => void>()
  const emit = () => {
    const snap = { ...state }
    for (const l of listeners) l(snap)
  }
  let running: Promise<SyncRunResult> | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let started = false

  async function request(path: string, init: { body?: unknown; token?: string; headers?: Record<string, string> }) {
    const ctrl = new AbortController()
    const timer = setTimeout(() => ctrl.abort(), timeoutMs)
    try {
      const res = await doFetch(`${base}${path}`, {
        method: init.body === undefined ? 'GET' : 'POST',
        headers: {
          ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
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

  const post = (path: string, body: unknown, token?: string) => request(path, { body, ...(token ? { token } : {}) })

  function setPairing(p: PairingState | null) {
    if (JSON.stringify(p) === JSON.stringify(state.pairing)) return
    state.pairing = p
    emit()
  }
  function waiting(code: { code: string; codeExpiresAt: string }): never {
    setPairing({ status: 'pending', ...code })
    throw new AwaitingApproval('waiting for a guide to approve this station')
  }
  function accepted(token: string): string {
    station.setToken(token)
    setPairing(null)
    return token
  }

  /** While pending: has a guide approved this station? Null when the server knows no request (ask anew). */
  async function pollPairing(): Promise<string | null> {
    const reg = station.registration()
    const { status, json } = await request(`/api/stations/pairing/${encodeURIComponent(reg.stationId)}`, { headers: { 'x-station-secret': reg.secret } })
    const parsed = PollResponseSchema.safeParse(json)
    if (status === 200 && parsed.success) return parsed.data.status === 'approved' ? accepted(parsed.data.token) : waiting(parsed.data)
    if (status === 404) return null
    if (ErrorBodySchema.safeParse(json).data?.error === 'pairing-rejected') return rejected()
    throw new SyncError(`pairing check failed (HTTP ${status})`)
  }
  function rejected(): never {
    setPairing({ status: 'rejected' })
    throw new SyncError('a guide rejected this station (HTTP 403)')
  }

  async function ensureToken(): Promise<string> {
    const existing = station.getToken()
    if (existing) return existing
    if (state.pairing?.status === 'pending') {
      const token = await pollPairing()
      if (token) return token
    }
    const { status, json } = await post('/api/stations', station.registration())
    const parsed = RegisterResponseSchema.safeParse(json)
    if (status === 202) {
      const pending = PendingResponseSchema.safeParse(json)
      if (pending.success) waiting(pending.data)
    }
    if (status === 403 && ErrorBodySchema.safeParse(json).data?.error === 'pairing-rejected') rejected()
    if (status === 409) {
      // Another device holds this id (or this one lost its secret): only an admin can re-approve it.
      // The events stay in the outbox; the backoff keeps the tries rare until then.
      throw new SyncError('registration refused: this station id is enrolled elsewhere; an admin must re-approve this station (HTTP 409)')
    }
    if (status !== 201 || !parsed.success) throw new SyncError(`registration refused (HTTP ${status})`)
    return accepted(parsed.data.token)
  }

  let registering: Promise<string> | null = null
  /** ensureToken, single-flight: callers during a registration share its answer. */
  function sharedToken(): Promise<string> {
    const existing = station.getToken()
    if (existing) return Promise.resolve(existing)
    registering ??= ensureToken().finally(() => {
      registering = null
    })
    return registering
  }

  async function run(): Promise<SyncRunResult> {
    const result: SyncRunResult = { acknowledged: 0, rejected: 0, error: null }
    let reRegistered = false
    for (;;) {
      const batch = await outbox.peek(batchSize)
      if (batch.length === 0) {
        // A station waiting for approval keeps asking with nothing to send, so its code goes away once approved.
        if ((opts.enrolAtStart || state.pairing?.status === 'pending') && !station.getToken()) await sharedToken()
        return result
      }
      const token = await sharedToken()
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
          if (e instanceof AwaitingApproval) {
            state.failures = 0
            state.lastError = e.message
            if (started) schedule(pairingPollMs)
            return { acknowledged: 0, rejected: 0, error: e.message }
          }
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
    token: () => sharedToken().catch(() => null),
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
