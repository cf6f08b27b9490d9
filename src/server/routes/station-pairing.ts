import { randomInt } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { AppContext } from '../context.ts'
import { agentSummary } from '../agent-summary.ts'
import { staffOf } from '../auth/guards.ts'
import { createToken, hashToken } from '../auth/secrets.ts'
import type { Db } from '../db/database.ts'
import type { PairingRow, PairingsRepo } from '../db/pairings-repo.ts'
import type { StationsRepo } from '../db/stations-repo.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import {
  ApproveBodySchema,
  DecisionSchema,
  PairingParamsSchema,
  PairingSecretHeadersSchema,
  PairingStateSchema,
  PendingStationsSchema,
} from '../schemas/stations.ts'
import { sameSecret } from './same-secret.ts'

/** Wrong codes a pending station's code survives; then the station shows a new one (5 in a million per code). */
export const MAX_WRONG_TRIES = 5
/** Requests no station asks about for an hour leave the guide's list; a decision is remembered a day. */
const IDLE_MS = 3600_000
const KEEP_DECIDED_MS = 86_400_000
/** A flood of made-up station ids must not bury the real one in the guide's list. */
const MAX_PENDING = 50

const sixDigits = () => String(randomInt(0, 1_000_000)).padStart(6, '0')
const iso = (ms: number) => new Date(ms).toISOString()

export type PairingAnswer =
  { status: 'pending'; stationId: string; code: string; codeExpiresAt: string } | { status: 'approved'; stationId: string; token: string }

/**
 * Pairing: a new station without the enrol code asks (POST /api/stations with its secret),
 * shows the 6-digit code it gets, and asks again until a guide standing at it has typed
 * that code in the console. The token is made when the approved station next asks, so it
 * is handed out once and never stored in clear. docs/stats-server.md.
 */
export function createPairing(db: Db, pairings: PairingsRepo, stations: StationsRepo, codeTtlMs: number) {
  const deliver = db.transaction((row: PairingRow, nowMs: number): string => {
    // Enrolled meanwhile some other way (enrol code, admin): the approval must not replace that station's token.
    if (stations.existing(row.stationId)) {
      pairings.remove(row.stationId)
      throw new HttpError(409, 'station-already-enrolled', ['stationId: enrolled meanwhile; this pairing is void'])
    }
    const token = createToken('station')
    stations.enroll({ id: row.stationId, name: row.name, tokenHash: hashToken(token), secretHash: row.secretHash, createdMs: nowMs })
    pairings.remove(row.stationId)
    return token
  })

  /** The state of an existing request for its station (which proved its secret). */
  function answer(row: PairingRow, nowMs: number): PairingAnswer {
    if (row.status === 'rejected') throw new HttpError(403, 'pairing-rejected', ['a guide rejected this station; ask an admin'])
    if (row.status === 'approved') return { status: 'approved', stationId: row.stationId, token: deliver(row, nowMs) }
    let { code, codeExpiresMs } = row
    if (nowMs >= codeExpiresMs || row.wrongTries >= MAX_WRONG_TRIES) {
      code = sixDigits()
      codeExpiresMs = nowMs + codeTtlMs
      pairings.renewCode(row.stationId, code, codeExpiresMs, nowMs)
    } else pairings.seen(row.stationId, nowMs)
    return { status: 'pending', stationId: row.stationId, code, codeExpiresAt: iso(codeExpiresMs) }
  }

  return {
    answer,
    /** A new station id asks to be paired (or asks again). */
    request(p: { stationId: string; name: string; secret: string; userAgent: string | undefined; nowMs: number }): PairingAnswer {
      pairings.prune(p.nowMs, IDLE_MS, KEEP_DECIDED_MS)
      const row = pairings.get(p.stationId)
      if (row) {
        if (!sameSecret(hashToken(p.secret), row.secretHash)) {
          throw new HttpError(409, 'station-pairing-in-progress', ['stationId: another device is pairing with this id'])
        }
        return answer(row, p.nowMs)
      }
      if (pairings.pendingCount() >= MAX_PENDING) throw new HttpError(429, 'too-many-pending-stations', ['too many stations wait for approval; try later'])
      const code = sixDigits()
      const codeExpiresMs = p.nowMs + codeTtlMs
      const fields = { stationId: p.stationId, name: p.name, secretHash: hashToken(p.secret), agent: agentSummary(p.userAgent), code, codeExpiresMs }
      pairings.create({ ...fields, nowMs: p.nowMs })
      return { status: 'pending', stationId: p.stationId, code, codeExpiresAt: iso(codeExpiresMs) }
    },
  }
}
export type Pairing = ReturnType<typeof createPairing>

/** The audit names a station as the guide saw it: its name and the start of its id. */
const stationLabel = (row: PairingRow) => `${row.name} (${row.stationId.slice(0, 8)})`

const noPending = (id: string) => new HttpError(404, 'no-pending-station', [`stationId: ${id} is not waiting for approval`])

/** The station's polling and the guide's list, approval and rejection. */
export const stationPairingRoutes: FastifyPluginAsyncZod<{ ctx: AppContext; pairings: PairingsRepo; pairing: Pairing }> = async (
  app,
  { ctx: { guards, now, db, audit }, pairings, pairing },
) => {
  app.get(
    '/api/stations/pairing/:stationId',
    {
      schema: { params: PairingParamsSchema, headers: PairingSecretHeadersSchema, response: { 200: PairingStateSchema, ...errorResponses } },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (request) => {
      const row = pairings.get(request.params.stationId)
      // An unknown id and a wrong secret read the same: the answer tells a stranger nothing.
      if (!row || !sameSecret(hashToken(request.headers['x-station-secret']), row.secretHash)) {
        throw new HttpError(404, 'no-pairing', ['no pairing request for this station and secret'])
      }
      return pairing.answer(row, now())
    },
  )

  app.get('/api/stations/pending', { onRequest: guards.staff, schema: { response: { 200: PendingStationsSchema, ...errorResponses } } }, async () => {
    pairings.prune(now(), IDLE_MS, KEEP_DECIDED_MS)
    return {
      stations: pairings.pending().map((r) => ({
        stationId: r.stationId,
        name: r.name,
        agent: r.agent,
        firstSeenAt: iso(r.firstSeenMs),
        codeExpiresAt: iso(r.codeExpiresMs),
      })),
    }
  })

  app.post(
    '/api/stations/pending/:stationId/approve',
    {
      onRequest: guards.staff,
      schema: { params: PairingParamsSchema, body: ApproveBodySchema, response: { 200: DecisionSchema, ...errorResponses } },
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
    },
    async (request) => {
      const user = staffOf(request)
      const row = pairings.get(request.params.stationId)
      if (row?.status !== 'pending') throw noPending(request.params.stationId)
      const t = now()
      if (t >= row.codeExpiresMs || row.wrongTries >= MAX_WRONG_TRIES) {
        throw new HttpError(410, 'pairing-code-expired', ['this code is no longer valid; the station now shows a new one'])
      }
      if (!sameSecret(request.body.code, row.code)) {
        pairings.wrongTry(row.stationId)
        throw new HttpError(403, 'wrong-pairing-code', [`code: not the one this station shows (${MAX_WRONG_TRIES - row.wrongTries - 1} tries left)`])
      }
      // Who let a device write to the center is on record with the decision, in one transaction.
      const decided = db.transaction(() => {
        if (!pairings.decide(row.stationId, 'approved', user.userId, t)) return false
        audit.record(user, 'station-approve', { detail: stationLabel(row) })
        return true
      })()
      if (!decided) throw noPending(row.stationId)
      return { stationId: row.stationId, status: 'approved' as const }
    },
  )

  app.post(
    '/api/stations/pending/:stationId/reject',
    { onRequest: guards.staff, schema: { params: PairingParamsSchema, response: { 200: DecisionSchema, ...errorResponses } } },
    async (request) => {
      const user = staffOf(request)
      const id = request.params.stationId
      const row = pairings.get(id)
      const decided = db.transaction(() => {
        if (!row || !pairings.decide(id, 'rejected', user.userId, now())) return false
        audit.record(user, 'station-reject', { detail: stationLabel(row) })
        return true
      })()
      if (!decided) throw noPending(id)
      return { stationId: id, status: 'rejected' as const }
    },
  )
}
