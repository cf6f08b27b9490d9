import { randomBytes, randomUUID } from 'node:crypto'
import type { PoolClient } from 'pg'
import type { Pool } from './database.ts'
import { inTransaction } from './database.ts'
import type { PrivacyRecord } from './protocol.ts'
import { SPLIT_PAIRS } from './visitor-pairs.ts'

/**
 * A center's erasures and retention cutoffs, applied to what it forwarded (docs/district.md):
 * the events lose the passport id, as at the center; the passport view's rows go; the
 * visitor tables keep their counts but the code is replaced by a token no one can map back
 * (a random one per erased passport, or md5 of the code under a salt that is discarded).
 * Each record runs in its own transaction; all are idempotent.
 */
const DAY_MS = 86_400_000
/**
 * First in each record's transaction: a new version of the center's row, held until
 * COMMIT. A batch of the center works out its pair counts from visitor_history as its
 * snapshot has it and then updates that row only if it is still the version it read
 * (store.ts): one running meanwhile waits for this record and runs again after it.
 */
const HOLD_CENTER = 'UPDATE centers SET events = events WHERE id = $1'

async function erasePassport(pool: Pool, centerId: string, code: string): Promise<void> {
  const client = await pool.connect()
  try {
    await inTransaction(client, async () => {
      await client.query(HOLD_CENTER, [centerId])
      // The days it was active bound the event scan to those months' partitions.
      const r = await client.query<{ lo: string | null; hi: string | null }>(
        `SELECT min(day)::text AS lo, max(day)::text AS hi FROM daily_visitors WHERE center_id = $1 AND passport_id = $2`,
        [centerId, code],
      )
      const { lo, hi } = r.rows[0] ?? { lo: null, hi: null }
      if (lo && hi)
        await client.query('UPDATE events SET passport_id = NULL WHERE center_id = $1 AND passport_id = $2 AND time >= $3 AND time < $4', [
          centerId,
          code,
          new Date(Date.parse(lo) - DAY_MS),
          new Date(Date.parse(hi) + 2 * DAY_MS),
        ])
      const token = `~${randomUUID()}`
      for (const table of ['daily_visitors', 'exhibit_visitors', 'session_visitors', 'visitor_sets', 'visitor_history'])
        await client.query(`UPDATE ${table} SET passport_id = $3 WHERE center_id = $1 AND passport_id = $2`, [centerId, code, token])
      await client.query('DELETE FROM passport_exhibits WHERE passport_id = $1 AND center_id = $2', [code, centerId])
    })
  } finally {
    client.release()
  }
}

/**
 * visitor_history's rows hold all time, so a cutoff splits them by years: the days of the
 * years before the cutoff's, and of its year too unless the passport is seen again in that
 * year on or after the cutoff, go to a row under the token;
 * the rest keeps the code. Whole rows before the cutoff simply take the token. A split adds
 * a row, so it adds to the all-time counters (scope 'a') too, and cuts the pair of days
 * across it in two (visitor-pairs.ts).
 */
async function splitHistory(client: PoolClient, centerId: string, day: string, salt: string): Promise<void> {
  await client.query(
    `WITH o AS (
      SELECT center_id, exhibit_id, passport_id, first_day, days,
        CASE WHEN day_set_meets(first_day, days, $2::date, (date_trunc('year', $2::date::timestamp) + interval '1 year - 1 day')::date)
          THEN date_trunc('year', $2::date::timestamp)::date ELSE $2::date END AS cut
      FROM visitor_history WHERE center_id = $1 AND first_day < $2::date AND passport_id NOT LIKE '~%' FOR UPDATE
    ), s AS (
      SELECT o.*, ltrim(substring(days::text FROM cut - first_day + 1), '0') AS kept, substring(days::text FROM cut - first_day + 1) AS rest,
        rtrim(substring(days::text FOR greatest(cut - first_day, 0)), '0') AS gone FROM o
    ), u AS (
      UPDATE visitor_history v SET passport_id = CASE WHEN s.kept = '' THEN '~' || md5($3 || v.passport_id) ELSE v.passport_id END,
        first_day = CASE WHEN s.kept = '' THEN v.first_day ELSE s.cut + length(s.rest) - length(s.kept) END,
        days = CASE WHEN s.kept = '' THEN v.days ELSE s.kept::varbit END
      FROM s WHERE v.center_id = s.center_id AND v.exhibit_id = s.exhibit_id AND v.passport_id = s.passport_id AND s.gone <> ''
    ), split AS (
      INSERT INTO visitor_history (center_id, exhibit_id, passport_id, first_day, last_day, days)
      SELECT center_id, exhibit_id, '~' || md5($3 || passport_id), first_day, first_day + length(gone) - 1, gone::varbit FROM s WHERE gone <> '' AND kept <> ''
      RETURNING exhibit_id
    )${SPLIT_PAIRS}
    INSERT INTO visitor_counts (center_id, scope, start, exhibit_id, n)
    SELECT $1, 'a', date '2000-01-01', exhibit_id, count(*) FROM split GROUP BY 4 ORDER BY 4
    ON CONFLICT (center_id, scope, start, exhibit_id) DO UPDATE SET n = visitor_counts.n + excluded.n`,
    [centerId, day, salt],
  )
}

async function anonymiseBefore(pool: Pool, centerId: string, day: string): Promise<void> {
  const client = await pool.connect()
  try {
    await inTransaction(client, async () => {
      await client.query(HOLD_CENTER, [centerId])
      // A day in the center's zone ends at most 12 h after its UTC midnight (+2 days is a safe bound for partition pruning).
      await client.query('UPDATE events SET passport_id = NULL WHERE center_id = $1 AND passport_id IS NOT NULL AND day < $2 AND time < $3', [
        centerId,
        day,
        new Date(Date.parse(day) + 2 * DAY_MS),
      ])
      const salt = randomBytes(16).toString('hex')
      const token = `'~' || md5($3 || passport_id)`
      for (const table of ['daily_visitors', 'exhibit_visitors'])
        await client.query(`UPDATE ${table} SET passport_id = ${token} WHERE center_id = $1 AND day < $2 AND passport_id NOT LIKE '~%'`, [centerId, day, salt])
      await client.query(
        `UPDATE session_visitors SET passport_id = ${token} WHERE center_id = $1 AND passport_id NOT LIKE '~%'
          AND session_id IN (SELECT session_id FROM session_counts WHERE center_id = $1 GROUP BY session_id HAVING max(last_day) < $2)`,
        [centerId, day, salt],
      )
      // A week, month or year set that began before the cutoff: its passports go unless the
      // passport is still seen (not yet anonymised) later in that same period.
      const end = `v.start + CASE v.scope WHEN 'd' THEN interval '1 day' WHEN 'w' THEN interval '7 days' WHEN 'm' THEN interval '1 month' ELSE interval '1 year' END`
      const later = (table: string, sameExhibit: string) =>
        `SELECT 1 FROM ${table} e WHERE e.center_id = v.center_id AND e.passport_id = v.passport_id AND e.day >= $2 AND e.day < ${end} ${sameExhibit}`
      await client.query(
        `UPDATE visitor_sets v SET passport_id = ${token.replaceAll('passport_id', 'v.passport_id')} WHERE v.center_id = $1 AND v.start < $2 AND v.passport_id NOT LIKE '~%'
          AND CASE WHEN v.exhibit_id = '*' THEN NOT EXISTS (${later('daily_visitors', '')})
            ELSE NOT EXISTS (${later('exhibit_visitors', "AND (v.exhibit_id = '' OR e.exhibit_id = v.exhibit_id)")}) END`,
        [centerId, day, salt],
      )
      await splitHistory(client, centerId, day, salt)
      await client.query('DELETE FROM passport_exhibits WHERE center_id = $1 AND day < $2', [centerId, day])
    })
  } finally {
    client.release()
  }
}

export async function applyPrivacy(pool: Pool, centerId: string, records: readonly PrivacyRecord[]): Promise<number> {
  for (const r of records) {
    if (r.kind === 'erase-passport') await erasePassport(pool, centerId, r.passportId)
    else await anonymiseBefore(pool, centerId, r.beforeDay)
  }
  return records.length
}
