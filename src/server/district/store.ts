import type { Pool } from './database.ts'
import { createPartitions, monthBoundsMs, monthOf } from './partitions.ts'
import { classifyDbError } from './db-errors.ts'
import { batchArrays } from './batch-arrays.ts'
import { createStationNums } from './station-nums.ts'
import { eventColumns } from './event-columns.ts'
import type { EventColumns } from './event-columns.ts'
import type { ForwardAnswer } from './protocol.ts'
import { INSERT_BATCH } from './ingest-statement.ts'

const DAY_MS = 86_400_000

export interface DistrictStoreOptions {
  /** Exhibit ids this district knows; others are stored with exhibit_known = false. */
  exhibitIds: ReadonlySet<string>
  now?: () => number
}

/** Stores a center's forwarded batch; resolves after COMMIT (PostgreSQL's own fsync). */
export function createDistrictStore(pool: Pool, { exhibitIds, now = Date.now }: DistrictStoreOptions) {
  const ensurePartitions = createPartitions(pool)
  const stations = createStationNums(pool)

  return async function store(centerId: string, items: readonly unknown[]): Promise<ForwardAnswer> {
    const rejected: ForwardAnswer['rejected'] = []
    const rows: EventColumns[] = []
    const seen = new Set<string>()
    const latest = now() + DAY_MS
    for (const item of items) {
      const row = eventColumns(item, latest)
      if (!Array.isArray(row)) {
        rejected.push(row)
        continue
      }
      if (seen.has(row[0])) continue // the same event twice in one batch: stored once, answered as a duplicate
      seen.add(row[0])
      rows.push(row)
    }
    if (rows.length === 0) return { accepted: 0, duplicate: items.length - rejected.length, rejected }
    // A batch's events are mostly of one month: one month's name per run of them.
    const months = new Set<string>()
    let from = Infinity,
      to = -Infinity
    for (const r of rows) {
      if (r[1] >= from && r[1] < to) continue
      const m = monthOf(r[1])
      months.add(m)
      ;[from, to] = monthBoundsMs(m)
    }
    await ensurePartitions(months)
    await stations.ensure(rows.map((r) => r[4]))

    /**
     * A statement PostgreSQL refuses for its data (db-errors.ts) would be refused again on
     * every resend, so the batch is halved until the event it cannot store is alone, and
     * that one is answered as rejected; the rest is stored. Each part is its own
     * statement: what it stored, it stored whole, with its totals.
     */
    const insert = async (part: EventColumns[], attempt = 0): Promise<number> => {
      try {
        // Named: each connection parses it once and, after five runs, keeps a generic plan.
        // Parsing and planning this statement were ~20 % of PostgreSQL's time per batch.
        const r = await pool.query<{ added: number }>({
          name: 'district-insert-batch',
          text: INSERT_BATCH,
          values: [centerId, ...batchArrays(part, exhibitIds, stations.num)],
        })
        return r.rows[0]?.added ?? 0
      } catch (e) {
        // Another batch or privacy record of the center committed while this one ran: it was rolled back, run it again now.
        if ((e as { code?: string }).code === '40001' && attempt < 5) return insert(part, attempt + 1)
        if (classifyDbError(e) !== 'data') throw e
        if (part.length === 1) {
          const code = (e as { code?: string }).code ?? '?'
          rejected.push({ seq: part[0]![3], reason: `not storable at the district (SQLSTATE ${code}): ${(e as Error).message.slice(0, 200)}` })
          return 0
        }
        const mid = part.length >> 1
        return (await insert(part.slice(0, mid))) + (await insert(part.slice(mid)))
      }
    }
    const added = await insert(rows)
    return { accepted: added, duplicate: items.length - rejected.length - added, rejected }
  }
}
export type DistrictStore = ReturnType<typeof createDistrictStore>
