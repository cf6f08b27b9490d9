import { runForwardLoop, type StepResult } from '../forward-loop.ts'
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

  /** One batch read, sent and (on the LRS's 2xx) acknowledged; or nothing new, or a failure to retry. */
  async function step(): Promise<StepResult> {
    // Read each time: `admin xapi-position` may have moved it.
    const from = (state.peek(endpoint) ?? state.row(endpoint, now())).last_seq
    const { rows, lastSeq } = reader.after(from, lrs.batchSize)
    if (lastSeq === null) return 'idle'
    const statements = rows.map((r) => statementOfRow(r, homePage))
    const outcome = await sendBatch(lrs, statements, stopping.signal)
    if (stopping.signal.aborted) return 'stopped'
    if (!outcome.ok) return { failed: outcome.reason, status: outcome.status }
    if (!state.ack(endpoint, from, lastSeq, rows.length, now())) log.info({ endpoint }, 'xapi: position was moved meanwhile; continuing from there')
    if (outcome.conflicts)
      log.warn({ endpoint, conflicts: outcome.conflicts }, 'xapi: the LRS answered 409 for statement ids it already holds; counted as delivered')
    return 'sent'
  }

  async function loop(): Promise<void> {
    await runForwardLoop({
      signal: stopping.signal,
      step,
      pollMs: lrs.pollMs,
      retryMs: lrs.retryMs,
      retryMaxMs: lrs.retryMaxMs,
      recordFailure: (reason) => state.fail(endpoint, reason, now()),
      undelivered: ({ permanent, ...info }) =>
        // A 4xx will not heal by itself (credentials, endpoint, a refused statement): an error for staff.
        log[permanent ? 'error' : 'warn']({ endpoint, ...info }, 'xapi: batch not delivered'),
    })
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
