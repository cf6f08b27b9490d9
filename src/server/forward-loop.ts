import { setTimeout as sleep } from 'node:timers/promises'

/** What one batch came to: delivered, nothing to send, stopped, or failed (with the HTTP status if any, and the receiver's Retry-After). */
export type StepResult = 'sent' | 'idle' | 'stopped' | { failed: string; status: number | null; retryAfterMs?: number }

export interface ForwardLoop {
  signal: AbortSignal
  /** Sends the next batch (position read and advanced by the caller, in its own table). */
  step(): Promise<StepResult>
  /** How long an idle loop waits before it looks again, when nothing wakes it. */
  pollMs: number
  /**
   * Subscribes to "new events were stored" (StoredSignal.listen): an idle loop then steps
   * after `gatherMs` instead of at the end of its poll. Without it the loop only polls.
   */
  wake?: (listener: () => void) => () => void
  /** After a wake, how long more events may gather before the batch is read (0: at once). */
  gatherMs?: number
  retryMs: number
  retryMaxMs: number
  /** Records the failure where staff see it (best effort: a throw is ignored, the log carries it). */
  recordFailure(reason: string): void
  /** `permanent`: a 4xx other than 429 — credentials, pairing, a refused batch — which waiting will not heal. */
  undelivered(info: { failures: number; retryInMs: number; reason: string; permanent: boolean }): void
}

/**
 * The send loop both forwarders share (the xAPI one to a Learning Record Store, the center's to
 * its district): batch after batch while there is something to send, a poll when idle, doubling
 * backoff up to `retryMaxMs` after failures, until `signal` aborts. A wake ends an idle wait
 * early, never a backoff: a receiver that is down is not asked more often because stations
 * keep sending.
 */
export async function runForwardLoop(o: ForwardLoop): Promise<void> {
  const pause = (ms: number) => sleep(ms, undefined, { signal: o.signal }).catch(() => undefined)
  // `woken` outlives the wait: a store committed while a step runs (after its read) makes the
  // next 'idle' step again at once instead of waiting out the poll.
  let woken = false
  let endWait: (() => void) | null = null
  const unlisten = o.wake?.(() => {
    woken = true
    endWait?.()
  })
  const idle = async () => {
    if (!woken)
      await new Promise<void>((resolve) => {
        const end = () => {
          clearTimeout(timer)
          o.signal.removeEventListener('abort', end)
          endWait = null
          resolve()
        }
        const timer = setTimeout(end, o.pollMs)
        o.signal.addEventListener('abort', end)
        endWait = end
      })
    // Woken, not polled: station batches arriving together may go out as one batch.
    if (woken && o.gatherMs) await pause(o.gatherMs)
  }
  let failures = 0
  try {
    while (!o.signal.aborted) {
      woken = false
      let r: StepResult
      try {
        r = await o.step()
      } catch (err) {
        // The database (busy, full): not the receiver's fault, but the same remedy, later.
        r = { failed: `local error: ${err instanceof Error ? err.message : String(err)}`, status: null }
      }
      if (r === 'stopped') return
      if (r === 'sent') {
        failures = 0
        continue
      }
      if (r === 'idle') {
        await idle()
        continue
      }
      failures++
      // A receiver that says how long to wait (503 + Retry-After) is waited for, never longer than retryMaxMs.
      const wait = Math.min(o.retryMaxMs, Math.max(o.retryMs * 2 ** Math.min(failures - 1, 30), r.retryAfterMs ?? 0))
      try {
        o.recordFailure(r.failed)
      } catch {
        // best effort; the log line carries the reason too
      }
      const permanent = r.status !== null && r.status >= 400 && r.status < 500 && r.status !== 429
      o.undelivered({ failures, retryInMs: wait, reason: r.failed, permanent })
      await pause(wait)
    }
  } finally {
    unlisten?.()
  }
}
