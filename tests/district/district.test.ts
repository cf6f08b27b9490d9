// @vitest-environment node
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeEvent, tempDir } from '../server/helpers.ts'
import { killAll, postJson, startServerProcess } from '../server/server-process.ts'
import { addCenter } from '../../src/server/district/centers.ts'
import { openPool, runDistrictMigrations } from '../../src/server/district/database.ts'
import type { Pool } from '../../src/server/district/database.ts'
import { findPgBin, startPgCluster } from './pg-cluster.ts'
import type { PgCluster } from './pg-cluster.ts'
import { startTcpProxy } from './tcp-proxy.ts'
import type { TcpProxy } from './tcp-proxy.ts'
import { startDistrictProcess, waitFor } from './district-process.ts'
import { runDistrictCli } from '../../src/server/district/cli.ts'

/**
 * Real processes: a PostgreSQL cluster, the district server, three center servers whose
 * links to the district run through TCP proxies. Without PostgreSQL this skips on a
 * developer machine and fails under CI (.ci/run installs it).
 */
const PG_BIN = findPgBin()

interface Center {
  id: string
  secret: string
  dbPath: string
  base: string
  child: ChildProcess
  token: string
  stationId: string
  /** This center's link to the district. */
  proxy: TcpProxy
  /** Ids of events the center acknowledged to its station: the ones that must reach the district. */
  acked: Set<string>
}

const children: ChildProcess[] = []
const temp = tempDir('sophora-district-')
let cluster: PgCluster | undefined
let pool: Pool
let district: { child: ChildProcess; port: number }
const centers: Center[] = []

async function cliOutput(args: string[], databaseUrl: string): Promise<{ code: number; output: string }> {
  let output = ''
  const code = await runDistrictCli(args, { DATABASE_URL: databaseUrl }, (line) => (output += `${line}\n`))
  return { code, output }
}

const startCenter = (c: Pick<Center, 'id' | 'secret' | 'dbPath' | 'proxy'>) =>
  startServerProcess(c.dbPath, children, {
    TLS: 'off',
    DISTRICT_URL: c.proxy.url,
    DISTRICT_CENTER_ID: c.id,
    DISTRICT_SECRET: c.secret,
    DISTRICT_BATCH_SIZE: '40',
    DISTRICT_POLL_MS: '20',
    DISTRICT_RETRY_MS: '20',
    DISTRICT_RETRY_MAX_MS: '100',
  })

/** `batches` station uploads of `size` events to a center, one after the other. */
async function pump(c: Center, batches: number, size = 20): Promise<void> {
  for (let i = 0; i < batches; i++) {
    const events = Array.from({ length: size }, (_, k) => makeEvent(c.stationId, k % 2 ? {} : { type: 'step-completed', data: { stepId: 'crawl-low' } }))
    const { status } = await postJson(c.base, '/api/events', { events }, c.token)
    expect(status).toBe(200)
    for (const e of events) c.acked.add(e.id)
  }
}

/** The center's own view, read from its SQLite file while it runs (WAL allows it). */
function centerSide(c: Center) {
  const db = new Database(c.dbPath, { readonly: true, fileMustExist: true })
  try {
    const ids = db.prepare('SELECT id FROM events').pluck().all() as string[]
    const maxSeq = (db.prepare('SELECT max(seq) FROM events').pluck().get() as number | null) ?? 0
    const fw = db.prepare('SELECT last_seq, sent, duplicates, last_error FROM district_forwarder WHERE center_id = ?').get(c.id) as
      { last_seq: number; sent: number; duplicates: number; last_error: string | null } | undefined
    return { ids, maxSeq, cursor: fw?.last_seq ?? 0, sent: fw?.sent ?? 0, duplicates: fw?.duplicates ?? 0, lastError: fw?.last_error ?? null }
  } finally {
    db.close()
  }
}

const districtCount = async (centerId: string) =>
  (await pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM events WHERE center_id = $1', [centerId])).rows[0]!.n

describe.skipIf(PG_BIN === null && !process.env.CI)('district server on PostgreSQL, fed by three centers', () => {
  beforeAll(async () => {
    if (PG_BIN === null) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run does this)')
    cluster = startPgCluster(PG_BIN)
    pool = openPool(cluster.url, 4)
    await runDistrictMigrations(pool)
    const [cli, two, three] = await Promise.all([
      // The admin command in this process: one process start fewer than `npm run district -- add-center`.
      cliOutput(['add-center', '一号社区科普馆', '--id', 'center-one'], cluster.url),
      addCenter(pool, 'Center two'),
      addCenter(pool, 'Center three'),
    ])
    expect(cli.code, cli.output).toBe(0)
    const secret = /^DISTRICT_SECRET=(sdc_\S+)$/m.exec(cli.output)?.[1]
    expect(cli.output).toContain('DISTRICT_CENTER_ID=center-one')
    const pairs = [{ id: 'center-one', secret: secret! }, two, three]
    // The district and the centers start together; each center's link reaches the district once it listens.
    const proxies = await Promise.all(pairs.map(() => startTcpProxy(0)))
    const [started, ...started3] = await Promise.all([
      startDistrictProcess(cluster.url, children),
      ...pairs.map(async (p, i) => {
        const dbPath = join(temp.dir, `center-${i}`, 'sophora.db')
        const proxy = proxies[i]!
        const { child, base } = await startCenter({ ...p, dbPath, proxy })
        const stationId = crypto.randomUUID()
        const { json } = await postJson(base, '/api/stations', { stationId })
        return { id: p.id, secret: p.secret, dbPath, proxy, base, child, token: json.token as string, stationId, acked: new Set<string>() }
      }),
    ])
    district = started as { child: ChildProcess; port: number }
    for (const proxy of proxies) proxy.targetPort = district.port
    centers.push(...(started3 as Center[]))
  }, 120_000)

  afterAll(async () => {
    killAll(children)
    await pool?.end()
    await Promise.all(centers.map((c) => c.proxy.close()))
    cluster?.stop()
    temp.cleanup()
  })

  it('every event acknowledged at any center arrives exactly once through lost answers, a cut link, a killed district and a restarted center', async () => {
    const [c0, c1, c2] = centers as [Center, Center, Center]
    await Promise.all(centers.map((c) => pump(c, 4)))

    // The district stores a batch but its answer never arrives: the center must resend it.
    // Every request sent from now on loses its answer; the events pumped now go in such requests.
    const each = async (f: (c: Center) => Promise<boolean> | boolean) => (await Promise.all(centers.map(f))).every(Boolean)
    for (const c of centers) c.proxy.dropAnswers = true
    await Promise.all(centers.map((c) => pump(c, 3)))
    const topSeq = async (c: Center) =>
      Number((await pool.query<{ s: string | null }>('SELECT max(center_seq) AS s FROM events WHERE center_id = $1', [c.id])).rows[0]!.s ?? 0)
    await waitFor('a batch of each center stored without its answer', () => each(async (c) => c.proxy.dropping && (await topSeq(c)) > centerSide(c).cursor))
    for (const c of centers) c.proxy.cut()
    for (const c of centers) c.proxy.dropAnswers = false
    await waitFor('each forwarder to notice the cut link', () => each((c) => centerSide(c).lastError !== null))
    for (const c of centers) c.proxy.restore()

    // The district is SIGKILLed while the centers forward, and restarted.
    const total = async () => (await pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM events')).rows[0]!.n
    const atKill = (await total()) + 40
    const pumps = Promise.all(centers.map((c) => pump(c, 6)))
    await waitFor('forwarding under way', async () => (await total()) >= atKill)
    district.child.kill('SIGKILL')
    await pumps
    district = await startDistrictProcess(cluster!.url, children)
    for (const c of centers) c.proxy.targetPort = district.port

    // A center restarted (SIGKILL) with a backlog it could not send.
    c0.proxy.cut()
    await pump(c0, 3)
    c0.child.kill('SIGKILL')
    await new Promise((r) => c0.child.once('exit', r))
    Object.assign(c0, await startCenter(c0))
    c0.proxy.restore()
    await pump(c1, 1)
    await pump(c2, 1)

    await waitFor('every center drained', () =>
      each(async (c) => {
        const s = centerSide(c)
        return s.cursor === s.maxSeq && (await districtCount(c.id)) === s.ids.length
      }),
    )
    for (const c of centers) {
      const s = centerSide(c)
      const atDistrict = (await pool.query<{ id: string }>('SELECT id::text FROM events WHERE center_id = $1', [c.id])).rows.map((r) => r.id)
      expect(new Set(atDistrict).size).toBe(atDistrict.length)
      expect(new Set(atDistrict)).toEqual(new Set(s.ids))
      expect([...c.acked].filter((id) => !atDistrict.includes(id))).toEqual([])
      // The batch whose answer was lost was resent and answered as duplicates, not stored again.
      expect(s.duplicates).toBeGreaterThan(0)
      expect(s.sent).toBe(s.ids.length)
    }
    const totals = await pool.query(`SELECT center_id, day::text, exhibit_id, type, n::integer FROM daily_counts ORDER BY 1, 2, 3, 4`)
    const counted = await pool.query(
      `SELECT center_id, day::text, exhibit_id, type, count(*)::integer AS n FROM events GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    )
    expect(totals.rows).toEqual(counted.rows)
    const perCenter = await pool.query(
      `SELECT c.id, c.events::integer AS n, (SELECT count(*)::integer FROM events e WHERE e.center_id = c.id) AS counted FROM centers c`,
    )
    for (const r of perCenter.rows as { n: number; counted: number }[]) expect(r.n).toBe(r.counted)
  }, 120_000)
})
