import type { Pool } from './database.ts'
import { inTransaction } from './database.ts'

/** Any lock id, held while creating a partition: concurrent batches would race on CREATE TABLE. */
const PARTITION_LOCK = 7_155_002

/** 'YYYY-MM' (UTC) of an instant. */
export const monthOf = (ms: number) => new Date(ms).toISOString().slice(0, 7)

/** [start, end) of a 'YYYY-MM' month (UTC) in epoch milliseconds. */
export function monthBoundsMs(month: string): [number, number] {
  const [y, m] = month.split('-').map(Number) as [number, number]
  return [Date.UTC(y, m - 1, 1), Date.UTC(y, m, 1)]
}

function boundsOf(month: string): { name: string; from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number]
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
  return { name: `events_${month.replace('-', '_')}`, from: `${month}-01 00:00:00+00`, to: `${next}-01 00:00:00+00` }
}

/**
 * The month partitions of `events`, created when a batch first needs one. There is no
 * default partition: a month's rows never have to be moved out of one when its own
 * partition is created later. Known months are cached; a cold cache costs one catalog
 * read per month.
 */
export function createPartitions(pool: Pool) {
  const known = new Set<string>()
  return async function ensure(months: Iterable<string>): Promise<void> {
    const missing = [...new Set(months)].filter((m) => !known.has(m))
    if (missing.length === 0) return
    const client = await pool.connect()
    try {
      await inTransaction(client, async () => {
        await client.query('SELECT pg_advisory_xact_lock($1)', [PARTITION_LOCK])
        for (const month of missing) {
          if (!/^\d{4}-\d{2}$/.test(month)) throw new Error(`bad month ${month}`)
          const { name, from, to } = boundsOf(month)
          // Names and bounds are built from a checked YYYY-MM only, never from request text.
          await client.query(`CREATE TABLE IF NOT EXISTS ${name} PARTITION OF events FOR VALUES FROM ('${from}') TO ('${to}')`)
        }
      })
    } finally {
      client.release()
    }
    for (const m of missing) known.add(m)
  }
}
