// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { addCenter } from '../../src/server/district/centers.ts'
import { studentsOver } from '../../src/server/district/dashboard-queries.ts'
import { addDays, periodStart } from '../../src/server/district/dashboard-range.ts'
import type { Span } from '../../src/server/district/dashboard-range.ts'
import { DISTRICT_MIGRATIONS_DIR, openPool, runDistrictMigrations } from '../../src/server/district/database.ts'
import type { Pool } from '../../src/server/district/database.ts'
import { applyPrivacy } from '../../src/server/district/privacy.ts'
import { createDistrictStore } from '../../src/server/district/store.ts'
import { findPgBin, startPgCluster } from './pg-cluster.ts'
import type { PgCluster } from './pg-cluster.ts'

/**
 * Students over any range from the pairs of consecutive days (migration 008), against a
 * count of distinct students over the visits this test sent: random students of two
 * centers over 2024–2026, sent shuffled (days out of order), partly twice, in batches of
 * which some run at once; then a retention cutoff splits the students seen on both of its
 * sides, a passport is erased, and more visits arrive. Also: 008's back-fill from
 * visitor_history gives the pair counts the inserts kept.
 */
const PG_BIN = findPgBin()
let cluster: PgCluster | undefined
let pool: Pool

function rng(seed: number) {
  let s = seed
  return (n: number) => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31
    return (s >>> 12) % n
  }
}
const r = rng(15)
const CENTERS = ['pair-a', 'pair-b']
const EXHIBITS = ['fire-escape', 'quake-drill', 'flood-walk', 'gas-leak']
const FIRST = '2024-10-01'
const LAST = '2026-12-31'
const SPAN_DAYS = (Date.parse(LAST) - Date.parse(FIRST)) / 86_400_000 + 1
// A Monday and a month's first day, so no week or month set straddles it (their cutoff rule is per period, visitor_history's per year).
const CUTOFF = '2025-09-01'

interface Visit {
  center: string
  passport: string
  exhibit: string
  day: string
}
/** A student's visits: some days anywhere, some close together (the same month, the next), 1–3 exhibits a day. */
function visitsOf(center: string, passport: string, from: string, days: number): Visit[] {
  const out: Visit[] = []
  let day = addDays(from, r(days))
  for (let k = 1 + r(7); k > 0; k--) {
    for (let e = 1 + r(3); e > 0; e--) out.push({ center, passport, exhibit: EXHIBITS[r(EXHIBITS.length)]!, day })
    const next = r(3) === 0 ? addDays(from, r(days)) : addDays(day, 1 + r(45))
    if (next > LAST) break
    day = next
  }
  return out
}
const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = r(i + 1)
    ;[xs[i], xs[j]] = [xs[j]!, xs[i]!]
  }
  return xs
}

describe.skipIf(PG_BIN === null && !process.env.CI)('students over any range from pairs of consecutive days (migration 008)', () => {
  const visits: Visit[] = []
  const students = CENTERS.flatMap((c) => Array.from({ length: 45 }, () => ({ center: c, passport: createPassportCode() })))
  const erased = students[3]!

  beforeAll(async () => {
    if (PG_BIN === null) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run does this)')
    cluster = startPgCluster(PG_BIN)
    pool = openPool(cluster.url, 6)
    await runDistrictMigrations(pool)
    for (const c of CENTERS) await addCenter(pool, c, c)
  }, 120_000)
  afterAll(async () => {
    await pool?.end()
    cluster?.stop()
  })

  const store = () => createDistrictStore(pool, { exhibitIds: new Set(EXHIBITS), now: () => Date.parse('2027-01-01T00:00:00Z') })
  const station = '0190f0f0-0000-7000-8000-000000000001'
  let seq = 1
  const event = (v: Visit, type = 'exhibit-started') => ({
    seq: seq++,
    id: uuidv7(),
    time: Date.parse(`${v.day}T03:00:00Z`),
    day: v.day,
    stationId: station,
    sessionId: null,
    passportId: v.passport,
    exhibitId: v.exhibit,
    type,
    data: type === 'exhibit-started' ? { mode: 'flat' } : { stampId: v.exhibit },
  })
  /** Shuffled, in batches of 1–60 per center, three at a time (one center's batches at once), a fifth of them sent twice. */
  async function send(vs: Visit[]) {
    const put = store()
    for (const c of CENTERS) {
      const events = shuffle(vs.filter((v) => v.center === c).flatMap((v) => (r(5) ? [event(v)] : [event(v), event(v, 'stamp-awarded'), event(v)])))
      const batches: ReturnType<typeof event>[][] = []
      for (let i = 0; i < events.length;) {
        const n = 1 + r(60)
        batches.push(events.slice(i, i + n))
        i += n
      }
      for (let i = 0; i < batches.length; i += 3) {
        const group = batches.slice(i, i + 3)
        const answers = await Promise.all(group.map((b) => put(c, b)))
        expect(answers.flatMap((a) => a.rejected)).toEqual([])
        for (const b of group.filter(() => r(5) === 0)) expect((await put(c, b)).accepted).toBe(0)
      }
    }
  }

  /**
   * Where the cutoff split each row (center, exhibit or '' for any, passport) seen before it:
   * the year's first day when the row had a day in the rest of that year, else the cutoff.
   */
  const cuts = new Map<string, string>()
  function split() {
    const row = (v: Visit, x: string) => `${v.center}/${x}/${v.passport}`
    const laterThatYear = new Set(visits.filter((v) => v.day >= CUTOFF && v.day <= '2025-12-31').flatMap((v) => [row(v, ''), row(v, v.exhibit)]))
    for (const v of visits.filter((v) => v.day < CUTOFF))
      for (const x of ['', v.exhibit]) cuts.set(row(v, x), laterThatYear.has(row(v, x)) ? '2025-01-01' : CUTOFF)
  }
  /** Distinct students per key over [a, b]: a passport seen before its row's split day is another student there. */
  function expected(s: Span, key: 'center_id' | 'exhibit_id', center: string | null, exhibit: string | null): Record<string, number> {
    const seen = new Map<string, Set<string>>()
    for (const v of visits) {
      if (v.day < s.lo || v.day > s.hi || (center && v.center !== center) || (exhibit && v.exhibit !== exhibit)) continue
      const x = key === 'exhibit_id' || exhibit ? v.exhibit : ''
      const k = key === 'center_id' ? v.center : v.exhibit
      const who = `${v.center}/${v.passport}${v.day < (cuts.get(`${v.center}/${x}/${v.passport}`) ?? '') ? '~' : ''}`
      seen.set(k, (seen.get(k) ?? new Set()).add(who))
    }
    return Object.fromEntries([...seen].map(([k, set]) => [k, set.size]))
  }

  const asMap = (rows: Record<string, unknown>[], key: string) => Object.fromEntries(rows.map((row) => [String(row[key]), Number(row.students)]))
  async function check(spans: Span[]) {
    for (const s of spans)
      for (const [key, center, exhibit] of [
        ['center_id', null, null],
        ['exhibit_id', null, null],
        ['center_id', null, 'quake-drill'],
        ['exhibit_id', 'pair-b', null],
      ] as const) {
        const args = [center ? [center] : null, exhibit]
        const want = expected(s, key, center, exhibit)
        const label = `${s.lo}..${s.hi} per ${key}, ${center ?? 'all centers'}, ${exhibit ?? 'any exhibit'}`
        expect(asMap((await pool.query(studentsOver(s, key), args)).rows, key), label).toEqual(want)
      }
  }
  /** Random spans: across years, within a year, within a month, adjacent months, on and beside month edges. */
  function spans(n: number): Span[] {
    const out: Span[] = [
      { lo: '2024-12-01', hi: '2025-01-31' },
      { lo: '2024-12-31', hi: '2025-01-01' },
      { lo: '2025-12-31', hi: '2026-01-01' },
      { lo: '2025-01-31', hi: '2025-02-01' },
      { lo: '2025-08-31', hi: '2025-09-01' },
      { lo: '2025-05-10', hi: '2025-05-20' },
      { lo: '2025-02-02', hi: '2025-11-29' },
      { lo: '2000-01-01', hi: '2099-12-31' },
      { lo: '2025-03-01', hi: '2026-02-28' },
      { lo: '2024-01-01', hi: '2026-12-31', all: true },
    ]
    const monthEdge = (d: string) => [periodStart('month', d), addDays(periodStart('month', addDays(periodStart('month', d), 40)), -1), d][r(3)]!
    while (out.length < n) {
      // Half of them around a year's end (pairs across it), half anywhere (most within a year).
      const lo = monthEdge(r(2) ? addDays(FIRST, r(SPAN_DAYS) - 20) : addDays(['2024-12-31', '2025-12-31'][r(2)]!, -r(100)))
      const len = [r(28), 20 + r(50), r(400), r(800)][r(4)]!
      const hi = monthEdge(addDays(lo, len))
      if (hi >= lo) out.push({ lo, hi })
    }
    return out
  }

  it('counts each student seen in a range once, for any range, against the visits sent; 008 back-fills the same pair counts', async () => {
    for (const s of students) visits.push(...visitsOf(s.center, s.passport, FIRST, SPAN_DAYS))
    await send(visits)
    await check(spans(60))

    for (const c of CENTERS) await applyPrivacy(pool, c, [{ seq: 1, kind: 'anonymise-before', beforeDay: CUTOFF }])
    split()
    await applyPrivacy(pool, erased.center, [{ seq: 2, kind: 'erase-passport', passportId: erased.passport }])
    // After the cutoff, only days on or after it (as a center forwards them); some before a student's last day.
    const later = students.filter((s) => s !== erased && r(2)).flatMap((s) => visitsOf(s.center, s.passport, CUTOFF, SPAN_DAYS - 335))
    visits.push(...later)
    await send(later)
    await check(spans(120))

    const tables = ['visitor_pair_months', 'visitor_pair_ends', 'visitor_pair_starts', 'visitor_pair_days']
    const snapshot = () => Promise.all(tables.map(async (t) => (await pool.query(`SELECT * FROM ${t} x WHERE n <> 0 ORDER BY x`)).rows))
    const kept = await snapshot()
    expect(kept.every((rows) => rows.length > 0)).toBe(true)
    const sql = readFileSync(join(DISTRICT_MIGRATIONS_DIR, '008-visitor-pairs.sql'), 'utf8')
    await pool.query(`TRUNCATE ${tables.join(', ')}`)
    await pool.query(sql.slice(sql.indexOf("-- The existing students' pairs")))
    expect(await snapshot()).toEqual(kept)
  }, 240_000)
})
