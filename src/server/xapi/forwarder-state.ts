import type { Db } from '../db/database.ts'

export interface ForwarderRow {
  endpoint: string
  last_seq: number
  sent: number
  updated_ms: number
  last_error: string | null
  last_error_ms: number | null
}

/** The forwarder's position per LRS endpoint (table xapi_forwarder, migration 007). */
export function createForwarderState(db: Db) {
  const ensure = db.prepare<[string, number]>('INSERT OR IGNORE INTO xapi_forwarder (endpoint, updated_ms) VALUES (?, ?)')
  const get = db.prepare<[string], ForwarderRow>('SELECT * FROM xapi_forwarder WHERE endpoint = ?')
  // Compare-and-set on the position the batch was read from: if `admin xapi-position`
  // moved it meanwhile, the move wins and the forwarder continues from there.
  const ack = db.prepare<[number, number, number, string, number]>(
    'UPDATE xapi_forwarder SET last_seq = ?, sent = sent + ?, updated_ms = ?, last_error = NULL, last_error_ms = NULL WHERE endpoint = ? AND last_seq = ?',
  )
  const fail = db.prepare<[string, number, string]>('UPDATE xapi_forwarder SET last_error = ?, last_error_ms = ? WHERE endpoint = ?')
  const set = db.prepare<[number, number, string]>('UPDATE xapi_forwarder SET last_seq = ?, updated_ms = ? WHERE endpoint = ?')
  const all = db.prepare<[], ForwarderRow>('SELECT * FROM xapi_forwarder ORDER BY endpoint')

  const row = (endpoint: string, nowMs: number): ForwarderRow => {
    ensure.run(endpoint, nowMs)
    return get.get(endpoint)!
  }
  return {
    /** The endpoint's row, created at position 0 if it has none. */
    row,
    /** The endpoint's row without creating it (reads only). */
    peek: (endpoint: string): ForwarderRow | undefined => get.get(endpoint),
    /** Records that the LRS holds every statement up to `toSeq`; false when the position was moved meanwhile. */
    ack: (endpoint: string, fromSeq: number, toSeq: number, n: number, nowMs: number): boolean => ack.run(toSeq, n, nowMs, endpoint, fromSeq).changes === 1,
    fail: (endpoint: string, reason: string, nowMs: number): void => {
      fail.run(reason.slice(0, 500), nowMs, endpoint)
    },
    setPosition: (endpoint: string, seq: number, nowMs: number): void => {
      ensure.run(endpoint, nowMs)
      set.run(seq, nowMs, endpoint)
    },
    all: (): ForwarderRow[] => all.all(),
  }
}
export type ForwarderState = ReturnType<typeof createForwarderState>
