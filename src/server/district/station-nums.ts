import type { Pool } from './database.ts'

/**
 * Station uuid → its number at the district (`stations`, migration 006): an event stores
 * the 4-byte number. A number, once given, is never changed or reused, so every process
 * may remember it; a station not yet known is added (or found, if another batch or
 * process added it meanwhile) in its own statement, committed before any event names it.
 */
export function createStationNums(pool: Pool) {
  const known = new Map<string, number>()
  return {
    async ensure(stationIds: Iterable<string>): Promise<void> {
      const missing = [...new Set([...stationIds].map((s) => s.toLowerCase()))].filter((s) => !known.has(s))
      if (missing.length === 0) return
      await pool.query('INSERT INTO stations (id) SELECT unnest($1::uuid[]) ORDER BY 1 ON CONFLICT (id) DO NOTHING', [missing])
      const r = await pool.query<{ num: number; id: string }>('SELECT num, id::text AS id FROM stations WHERE id = ANY($1::uuid[])', [missing])
      for (const row of r.rows) known.set(row.id, row.num)
    },
    /** After ensure(): the number of a station. */
    num(stationId: string): number {
      const n = known.get(stationId.toLowerCase())
      if (n === undefined) throw new Error(`station ${stationId} has no number yet`)
      return n
    },
  }
}
