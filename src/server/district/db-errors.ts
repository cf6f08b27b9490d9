/**
 * What a failed PostgreSQL statement means for the center that sent the batch:
 *  - `data`: this data cannot be stored (SQLSTATE class 22 data exception, 23 integrity
 *    constraint violation) — resending it will fail again, so the bad event must be
 *    answered on its own (store.ts isolates it) and the rest stored;
 *  - `transient`: the database is unreachable or busy (class 08 connection exception,
 *    40001 serialization failure, 40P01 deadlock, 53 insufficient resources, 57 operator
 *    intervention such as a shutdown, or the driver's own connection errors) — answered
 *    503 with Retry-After, and the center waits and resends;
 *  - null: anything else, a bug of ours (500, logged).
 */
export type DbErrorKind = 'data' | 'transient'

const NODE_CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOENT', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN'])
/** The pg driver's own words when a connection ends or cannot be had from the pool in time. */
const DRIVER_CONNECTION = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection closed/i

export function classifyDbError(err: unknown): DbErrorKind | null {
  if (!(err instanceof Error)) return null
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string') {
    if (/^2[23][0-9A-Z]{3}$/.test(code)) return 'data'
    if (/^(08|53|57)[0-9A-Z]{3}$/.test(code) || code === '40001' || code === '40P01') return 'transient'
    if (NODE_CONNECTION_CODES.has(code)) return 'transient'
  }
  return DRIVER_CONNECTION.test(err.message) ? 'transient' : null
}

/** Seconds a center is asked to wait after a 503 (its own backoff may wait longer). */
export const RETRY_AFTER_S = 5
