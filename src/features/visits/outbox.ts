import { openDB } from 'idb'
import type { DBSchema, IDBPDatabase } from 'idb'
import { z } from 'zod'
import { VisitEventSchema, formatIssues } from '../../core/event-schema.ts'
import type { VisitEvent } from '../../core/event-schema.ts'

/**
 * The station's durable queue of visit events (IndexedDB). An event is written here
 * before anything else happens to it and leaves only when the server acknowledged it
 * (removed) or refused it for good (moved to the dead-letter store with the reason).
 * Keys are the UUIDv7 event ids, so key order is time order.
 */
export const DeadLetterSchema = z.object({
  id: z.string(),
  event: z.unknown(),
  reason: z.string(),
  at: z.string(),
})
export type DeadLetter = z.infer<typeof DeadLetterSchema>

interface OutboxDB extends DBSchema {
  pending: { key: string; value: VisitEvent }
  dead: { key: string; value: DeadLetter }
}

export type Cleanup = () => void
export type PendingListener = (pending: number) => void

export interface Outbox {
  /** Stores an event durably. Adding the same id twice keeps one copy. */
  add(event: VisitEvent): Promise<void>
  /** Oldest pending events first, at most `limit`. Stored rows that no longer parse go to dead letters. */
  peek(limit: number): Promise<VisitEvent[]>
  /** Forgets events the server acknowledged (accepted or duplicate). */
  remove(ids: readonly string[]): Promise<void>
  /** Moves refused events out of the queue, keeping them and the reason for a person to look at. */
  deadLetter(items: readonly { id: string; reason: string }[]): Promise<void>
  deadLetters(): Promise<DeadLetter[]>
  /** Puts dead letters back in the queue (e.g. after the server learned a new exhibit). */
  requeueDeadLetters(): Promise<number>
  countPending(): Promise<number>
  /** Last known pending count (synchronous, for React's useSyncExternalStore). */
  getPendingCount(): number
  /** Called with the pending count now and after every change; returns its own cleanup. */
  subscribe(listener: PendingListener): Cleanup
  close(): void
}

export interface OutboxOptions {
  /** IndexedDB database name; one per station profile. Tests use fake-indexeddb/auto. */
  dbName?: string
}

export function createOutbox({ dbName = 'sophora-outbox' }: OutboxOptions = {}): Outbox {
  const dbp: Promise<IDBPDatabase<OutboxDB>> = openDB<OutboxDB>(dbName, 1, {
    upgrade(db) {
      db.createObjectStore('pending', { keyPath: 'id' })
      db.createObjectStore('dead', { keyPath: 'id' })
    },
  })
  const listeners = new Set<PendingListener>()
  let count = 0

  const refresh = async () => {
    count = await (await dbp).count('pending')
    for (const l of listeners) l(count)
    return count
  }
  void refresh().catch(() => {})

  const outbox: Outbox = {
    async add(event) {
      const parsed = VisitEventSchema.parse(event)
      await (await dbp).put('pending', parsed)
      await refresh()
    },
    async peek(limit) {
      const db = await dbp
      const rows = await db.getAll('pending', undefined, limit)
      const good: VisitEvent[] = []
      const corrupt: { id: string; reason: string }[] = []
      for (const row of rows) {
        const r = VisitEventSchema.safeParse(row)
        if (r.success) good.push(r.data)
        else corrupt.push({ id: String((row as { id?: unknown }).id), reason: `stored event invalid: ${formatIssues(r.error).join('; ')}` })
      }
      if (corrupt.length) await outbox.deadLetter(corrupt)
      return good
    },
    async remove(ids) {
      const tx = (await dbp).transaction('pending', 'readwrite')
      await Promise.all([...ids.map((id) => tx.store.delete(id)), tx.done])
      await refresh()
    },
    async deadLetter(items) {
      const tx = (await dbp).transaction(['pending', 'dead'], 'readwrite')
      const at = new Date().toISOString()
      const ops = items.map(async ({ id, reason }) => {
        const event = await tx.objectStore('pending').get(id)
        await tx.objectStore('dead').put({ id, event, reason, at })
        await tx.objectStore('pending').delete(id)
      })
      await Promise.all([...ops, tx.done])
      await refresh()
    },
    async deadLetters() {
      const rows = await (await dbp).getAll('dead')
      return rows.flatMap((r) => {
        const p = DeadLetterSchema.safeParse(r)
        return p.success ? [p.data] : []
      })
    },
    async requeueDeadLetters() {
      const tx = (await dbp).transaction(['pending', 'dead'], 'readwrite')
      const dead = await tx.objectStore('dead').getAll()
      let n = 0
      for (const d of dead) {
        const r = VisitEventSchema.safeParse(d.event)
        if (!r.success) continue
        await tx.objectStore('pending').put(r.data)
        await tx.objectStore('dead').delete(d.id)
        n++
      }
      await tx.done
      await refresh()
      return n
    },
    countPending: refresh,
    getPendingCount: () => count,
    subscribe(listener) {
      listeners.add(listener)
      listener(count)
      return () => {
        listeners.delete(listener)
      }
    },
    close() {
      listeners.clear()
      void dbp.then((db) => db.close())
    },
  }
  return outbox
}
