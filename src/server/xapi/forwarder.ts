import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '../db/database.ts'
import type { LrsConfig } from './config.ts'
import { createForwarderState } from './forwarder-state.ts'
import { sendBatch } from './lrs-client.ts'
import { createStatementReader, statementOfRow } from './statements.ts'

export interface ForwarderLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface ForwarderOptions {
  lrs: LrsConfig
  homePage: string
  /** The app's clock, for the times written to the state row. */
  now: () => number
  log: ForwarderLog
}

export interface Forwarder {
  /** Stops after the request in flight (aborted) without acknowledging it; resolves when the loop has ended. */
  stop(): Promise<void>
}

/**
 * Sends every stored event to the LRS as a statement, in `seq` order and batches of
 * `batchSize`, exactly once in effect: the position advances (in the database) only
 * after the LRS has acknowledged the whole batch, so a crash or a failure resends that
 * batch, with the same statement ids, which the LRS recognises (see lrs-client.ts).
 * Failures wait retryMs, doubling per consecutive failure up to retryMaxMs.
 */
export function startForwarder(db: Db, { lrs, homePage, now, log }: ForwarderOptions): Forwarder {
  const reader = createStatementReader(db)
  const state = createForwarderState(db)
  const stopping = new AbortController()
  const endpoint = lrs.endpoint

  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined)

  async function loop(): Promise<void> {
    let failures = 0
    state.row(endpoint, now())
    while (!stopping.signal.aborted) {
      // Read each time: `admin xapi-position` may have moved it.
      const from = (state.peek(endpoint) ?? state.row(endpoint, now())).last_seq
      const { rows, lastSeq } = reader.after(from, lrs.batchSize)
      if (lastSeq === null) {
        await pause(lrs.pollMs)
        continue
      }
      const outcome = await sendBatch(
        lrs,
        rows.map((r) => statementOfRow(r, homePage)),
        stopping.signal,
      )
      if (stopping.signal.aborted) return
      if (outcome.ok) {
        failures = 0
        if (!state.ack(endpoint, from, lastSeq, rows.length, now())) log.info({ endpoint }, 'xapi: position was moved meanwhile; continuing from there')
        if (outcome.conflicts) {
          log.warn({ endpoint, conflicts: outcome.conflicts }, 'xapi: the LRS already held some statement ids with other content; kept as delivered')
        }
        continue
      }
      failures++
      state.fail(endpoint, outcome.reason, now())
      const wait = Math.min(lrs.retryMaxMs, lrs.retryMs * 2 ** Math.min(failures - 1, 30))
      // A 4xx will not heal by itself (credentials, endpoint, a refused statement): that is an error for staff.
      const client = outcome.status !== null && outcome.status >= 400 && outcome.status < 500 && outcome.status !== 429
      log[client ? 'error' : 'warn']({ endpoint, failures, retryInMs: wait, reason: outcome.reason }, 'xapi: batch not delivered')
      await pause(wait)
    }
  }

  const done = loop().catch((err: unknown) => {
    if (!stopping.signal.aborted) log.error({ err }, 'xapi forwarder stopped')
  })
  return {
    async stop() {
      stopping.abort()
      await done
    },
  }
}
