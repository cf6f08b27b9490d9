import { setTimeout as sleep } from 'node:timers/promises'
import type { Db } from '../db/database.ts'
import type { DistrictLink } from './config.ts'
import { createDistrictClient } from './district-client.ts'
import { createDistrictForwarderState } from './forwarder-state.ts'

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
 * center offline for days just has a longer backlog, drained batch after batch.
 */
export function startDistrictForwarder(db: Db, link: DistrictLink, { now, log }: { now: () => number; log: ForwarderLog }): DistrictForwarder {
  const state = createDistrictForwarderState(db, link.url, link.centerId)
  const client = createDistrictClient(link)
  const stopping = new AbortController()
  const pause = (ms: number) => sleep(ms, undefined, { signal: stopping.signal }).catch(() => undefined)
  const where = { district: link.url, centerId: link.centerId }

  async function step(): Promise<'sent' | 'idle' | 'stopped' | { failed: string; status: number | null }> {
    const from = state.position(now())
    const batch = state.batchAfter(from, link.batchSize)
    const last = batch.at(-1)
    if (!last) return 'idle'
    const outcome = await client.send(batch, stopping.signal)
    if (stopping.signal.aborted) return 'stopped'
    if (!outcome.ok) return { failed: outcome.reason, status: outcome.status }
    const { accepted, duplicate, rejected } = outcome.answer
    if (rejected.length)
      log.error({ ...where, rejected: rejected.slice(0, 5), count: rejected.length }, 'district: refused events of this center (kept here, not resent)')
    if (!state.ack(from, last.seq, { accepted, duplicate, rejected: rejected.length }, now()))
      log.info(where, 'district: position moved meanwhile; continuing from there')
    return 'sent'
  }

  async function loop(): Promise<void> {
    let failures = 0
    while (!stopping.signal.aborted) {
      let r: Awaited<ReturnType<typeof step>>
      try {
        r = await step()
      } catch (err) {
        r = { failed: `local error: ${err instanceof Error ? err.message : String(err)}`, status: null }
      }
      if (r === 'stopped') return
      if (r === 'sent') {
        failures = 0
        continue
      }
      if (r === 'idle') {
        await pause(link.pollMs)
        continue
      }
      failures++
      const wait = Math.min(link.retryMaxMs, link.retryMs * 2 ** Math.min(failures - 1, 30))
      try {
        state.fail(r.failed, now())
      } catch {
        // Recording the error is best effort; the log line carries it too.
      }
      // 401/403: the pairing is wrong and will not heal by waiting — an error for staff.
      const client4xx = r.status !== null && r.status >= 400 && r.status < 500 && r.status !== 429
      log[client4xx ? 'error' : 'warn']({ ...where, failures, retryInMs: wait, reason: r.failed }, 'district: batch not delivered')
      await pause(wait)
    }
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
