import { runForwardLoop, type StepResult } from '../forward-loop.ts'
import type { Db } from '../db/database.ts'
import type { DistrictLink } from './config.ts'
import { createDistrictClient } from './district-client.ts'
import { createDistrictForwarderState } from './forwarder-state.ts'
import type { StoredSignal } from '../stored-signal.ts'

export interface ForwarderLog {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export interface DistrictForwarder {
  /** Stops after aborting the request in flight (unacknowledged); resolves when the loop has ended. */
  stop(): Promise<void>
}

/**
 * Sends this center's stored events to its district in `seq` (commit) order, in batches
 * of link.batchSize — the stations' outbox protocol, server to server: the cursor (in
 * this database) advances only after the district's 200, so a crash, a cut link or a
 * restart of either side resends the unacknowledged batch with the same event ids,
 * which the district stores once. Failures wait retryMs, doubling up to retryMaxMs; a
 * center offline for days just has a longer backlog, drained batch after batch. New
 * events (`stored`) wake an idle forwarder, which sends after link.gatherMs; the poll
 * remains for what the signal does not see (erasures, another process's writes).
 */
export function startDistrictForwarder(
  db: Db,
  link: DistrictLink,
  { now, log, stored }: { now: () => number; log: ForwarderLog; stored?: StoredSignal },
): DistrictForwarder {
  const state = createDistrictForwarderState(db, link.url, link.centerId)
  const client = createDistrictClient(link)
  const stopping = new AbortController()
  const where = { district: link.url, centerId: link.centerId }

  /**
   * Erasures and retention cutoffs (migration 012), once no event waits: an event read
   * before an erasure committed has then been acknowledged, so the erasure reaches the
   * district after it; later reads of that event already lack the passport.
   */
  async function privacyStep(): Promise<StepResult> {
    const { from, records } = state.privacyAfter(link.batchSize)
    const last = records.at(-1)
    if (!last) return 'idle'
    const outcome = await client.sendPrivacy(records, stopping.signal)
    if (stopping.signal.aborted) return 'stopped'
    if (!outcome.ok)
      return { failed: outcome.reason, status: outcome.status, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}) }
    if (!state.ackPrivacy(from, last.seq, now())) log.info(where, 'district: privacy position moved meanwhile; continuing from there')
    return 'sent'
  }

  async function step(): Promise<StepResult> {
    const from = state.position(now())
    const batch = state.batchAfter(from, link.batchSize)
    const last = batch.at(-1)
    if (!last) return privacyStep()
    const outcome = await client.send(batch, stopping.signal)
    if (stopping.signal.aborted) return 'stopped'
    if (!outcome.ok)
      return { failed: outcome.reason, status: outcome.status, ...(outcome.retryAfterMs !== undefined ? { retryAfterMs: outcome.retryAfterMs } : {}) }
    const { accepted, duplicate, rejected } = outcome.answer
    if (rejected.length)
      log.error({ ...where, rejected: rejected.slice(0, 5), count: rejected.length }, 'district: refused events of this center (kept here, not resent)')
    if (!state.ack(from, last.seq, { accepted, duplicate, rejected: rejected.length }, now()))
      log.info(where, 'district: position moved meanwhile; continuing from there')
    return 'sent'
  }

  async function loop(): Promise<void> {
    await runForwardLoop({
      signal: stopping.signal,
      step,
      pollMs: link.pollMs,
      ...(stored ? { wake: stored.listen, gatherMs: link.gatherMs ?? 0 } : {}),
      retryMs: link.retryMs,
      retryMaxMs: link.retryMaxMs,
      recordFailure: (reason) => state.fail(reason, now()),
      undelivered: ({ permanent, ...info }) =>
        // 401/403: the pairing is wrong and will not heal by waiting — an error for staff.
        log[permanent ? 'error' : 'warn']({ ...where, ...info }, 'district: batch not delivered'),
    })
  }

  const done = loop().catch((err: unknown) => {
    if (!stopping.signal.aborted) log.error({ err }, 'district forwarder stopped')
  })
  return {
    async stop() {
      stopping.abort()
      await done
      client.close()
    },
  }
}
