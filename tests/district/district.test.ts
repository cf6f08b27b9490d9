// @vitest-environment node
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeEvent, tempDir } from '../server/helpers.ts'
import { killAll, postJson, startServerProcess } from '../server/server-process.ts'
import { addCenter } from '../../src/server/district/centers.ts'
import { openPool, runDistrictMigrations } from '../../src/server/district/database.ts'
import type { Pool } from '../../src/server/district/database.ts'
import { buildDistrictApp } from '../../src/server/district/app.ts'
import { loadDistrictConfig } from '../../src/server/district/config.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../../src/server/ingest.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { startDistrictForwarder } from '../../src/server/forwarder/district-forwarder.ts'
import type { DistrictLink } from '../../src/server/forwarder/config.ts'
import { createDistrictForwarderState } from '../../src/server/forwarder/forwarder-state.ts'
import { createCa, issueServerCert } from '../../src/server/tls/local-ca.ts'
import { EVENT_TYPES } from '../../src/core/event-schema.ts'
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

const districtUrl = () => `http://127.0.0.1:${district.port}`
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
    const [cli, two, three, started] = await Promise.all([
      // The admin command in this process: one process start fewer than `npm run district -- add-center`.
      cliOutput(['add-center', '一号社区科普馆', '--id', 'center-one'], cluster.url),
      addCenter(pool, 'Center two'),
      addCenter(pool, 'Center three'),
      startDistrictProcess(cluster.url, children),
    ])
    district = started
    expect(cli.code, cli.output).toBe(0)
    const secret = /^DISTRICT_SECRET=(sdc_\S+)$/m.exec(cli.output)?.[1]
    expect(cli.output).toContain('DISTRICT_CENTER_ID=center-one')
    const pairs = [{ id: 'center-one', secret: secret! }, two, three]
    const started3 = await Promise.all(
      pairs.map(async (p, i) => {
        const dbPath = join(temp.dir, `center-${i}`, 'sophora.db')
        const proxy = await startTcpProxy(district.port)
        const { child, base } = await startCenter({ ...p, dbPath, proxy })
        const stationId = crypto.randomUUID()
        const { json } = await postJson(base, '/api/stations', { stationId })
        return { id: p.id, secret: p.secret, dbPath, proxy, base, child, token: json.token as string, stationId, acked: new Set<string>() }
      }),
    )
    centers.push(...started3)
  }, 120_000)

  afterAll(async () => {
    killAll(children)
    await pool?.end()
    await Promise.all(centers.map((c) => c.proxy.close()))
    cluster?.stop()
    temp.cleanup()
  })

  it('knows every event type the centers record (a new one needs a district migration, or its batches would be refused)', async () => {
    const r = await pool.query<{ t: string }>('SELECT unnest(enum_range(NULL::event_type))::text AS t')
    expect(r.rows.map((x) => x.t).sort()).toEqual([...EVENT_TYPES].sort())
  })

  it('answers 401 to a wrong secret and 403 to a center sending as another; stores and flags an exhibit it does not know', async () => {
    const [a, b] = centers as [Center, Center]
    const event = { seq: 1, id: uuidv7(), time: Date.now(), day: '2026-11-30', stationId: crypto.randomUUID(), sessionId: null, passportId: null }
    const known = { ...event, exhibitId: 'fire-escape', type: 'exhibit-started', data: {} }
    const post = (secret: string | null, body: unknown) => postJson(districtUrl(), '/api/district/events', body, secret ?? undefined)

    expect((await post(null, { centerId: a.id, events: [known] })).status).toBe(401)
    expect((await post('sdc_not-a-real-secret', { centerId: a.id, events: [known] })).status).toBe(401)
    expect((await post(b.secret.slice(0, -2) + 'xx', { centerId: b.id, events: [known] })).status).toBe(401)
    const asOther = await post(a.secret, { centerId: b.id, events: [known] })
    expect(asOther.status).toBe(403)
    expect(await districtCount(b.id)).toBe(0)

    const direct = await addCenter(pool, 'Direct test center')
    const unknown = { ...event, exhibitId: 'not-at-this-district', type: 'exhibit-started', data: {} }
    const first = await post(direct.secret, { centerId: direct.id, events: [unknown, { ...unknown, seq: 2, id: 'not-a-uuid' }] })
    expect(first.json).toMatchObject({ accepted: 1, duplicate: 0, rejected: [{ seq: 2 }] })
    expect((await post(direct.secret, { centerId: direct.id, events: [unknown] })).json).toMatchObject({ accepted: 0, duplicate: 1, rejected: [] })
    const stored = await pool.query('SELECT exhibit_known FROM events WHERE center_id = $1', [direct.id])
    expect(stored.rows).toEqual([{ exhibit_known: false }])
    const flagged = await pool.query('SELECT exhibit_id, events FROM unknown_exhibits WHERE center_id = $1', [direct.id])
    expect(flagged.rows).toEqual([{ exhibit_id: 'not-at-this-district', events: '1' }])
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

  it('forwards over HTTPS to a district whose CA the center was given (DISTRICT_CA_FILE), and not without it', async () => {
    const ca = createCa('district')
    const pair = issueServerCert(ca, { dns: ['localhost'], ips: ['127.0.0.1'] })
    const file = (name: string, text: string) => {
      writeFileSync(join(temp.dir, name), text)
      return join(temp.dir, name)
    }
    const config = { ...loadDistrictConfig({ DATABASE_URL: cluster!.url, EXHIBITS_DIRS: '' }), logLevel: 'silent' as const }
    const app = await buildDistrictApp({ ...config, tls: { certFile: file('d.crt', pair.cert), keyFile: file('d.key', pair.key) } }, openPool(cluster!.url, 2))
    const db = openDatabase(join(temp.dir, 'tls-center', 'sophora.db'))
    try {
      const address = await app.listen({ port: 0, host: '127.0.0.1' })
      const stationId = crypto.randomUUID()
      db.prepare('INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)').run(stationId, 's', 'h', Date.now())
      const insert = db.prepare(INSERT_EVENT_SQL)
      const dayOf = createDayOf('Asia/Shanghai')
      for (let i = 0; i < 3; i++) insert.run(eventRow(makeEvent(stationId), dayOf, Date.now()))
      const c = await addCenter(pool, 'TLS center')
      const link: DistrictLink = {
        url: address,
        centerId: c.id,
        secret: c.secret,
        caFile: null,
        batchSize: 500,
        pollMs: 20,
        retryMs: 20,
        retryMaxMs: 50,
        timeoutMs: 5000,
      }
      const log = { info: () => undefined, warn: () => undefined, error: () => undefined }
      const state = createDistrictForwarderState(db, link.url, c.id)

      const untrusting = startDistrictForwarder(db, link, { now: Date.now, log })
      await waitFor('a refused certificate', () => (state.row()?.last_error ?? '').includes('certificate'))
      await untrusting.stop()
      expect(await districtCount(c.id)).toBe(0)

      const trusting = startDistrictForwarder(db, { ...link, caFile: file('district-ca.pem', ca.cert) }, { now: Date.now, log })
      await waitFor('the events over HTTPS', async () => (await districtCount(c.id)) === 3)
      await trusting.stop()
      expect(state.row()).toMatchObject({ last_seq: 3, sent: 3, last_error: null })
    } finally {
      db.close()
      await app.close()
    }
  })

  it('answers malformed and hostile batches with a 4xx or a per-event answer, never a 5xx; the totals follow exactly what was stored', async () => {
    const c = await addCenter(pool, 'Fuzz center')
    const app = await buildDistrictApp({ ...loadDistrictConfig({ DATABASE_URL: cluster!.url }), logLevel: 'silent' }, openPool(cluster!.url, 2))
    try {
      const valid = {
        seq: 1,
        id: uuidv7(),
        time: Date.now(),
        day: '2026-11-30',
        stationId: crypto.randomUUID(),
        sessionId: null,
        passportId: null,
        exhibitId: 'fire-escape',
        type: 'exhibit-started',
        data: {},
      }
      // A crash message SQLite kept but jsonb cannot hold must not stall the center's forwarding.
      const crash = { ...valid, id: uuidv7(), type: 'exhibit-crashed', data: { message: 'a\u0000b\ud800c' } }
      const crashRes = await app.inject({
        method: 'POST',
        url: '/api/district/events',
        headers: { authorization: `Bearer ${c.secret}` },
        payload: { centerId: c.id, events: [crash] },
      })
      expect(crashRes.json()).toMatchObject({ accepted: 1, duplicate: 0, rejected: [] })
      const kept = await pool.query<{ m: string }>("SELECT data->>'message' AS m FROM events WHERE id = $1", [crash.id])
      expect(kept.rows).toEqual([{ m: 'a\ufffdb\ufffdc' }])

      // A valid event with one field replaced by anything, or a random body; with the right or a wrong secret.
      const field = fc.constantFrom(...Object.keys(valid))
      const event = fc.tuple(field, fc.anything({ maxDepth: 2 })).map(([k, v]) => ({ ...valid, id: uuidv7(), [k]: v }))
      const body = fc.oneof(
        fc.array(event, { minLength: 1, maxLength: 5 }).map((events) => JSON.stringify({ centerId: c.id, events })),
        fc.json({ maxDepth: 3 }),
        fc.string({ maxLength: 100 }),
        fc.constantFrom('{"centerId":"x","events":[]}', '{"__proto__":{"a":1}}', '{"events":' + '['.repeat(3000) + ']'.repeat(3000) + '}'),
      )
      await fc.assert(
        fc.asyncProperty(body, fc.boolean(), async (payload, rightSecret) => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/district/events',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${rightSecret ? c.secret : 'sdc_wrong'}` },
            payload,
          })
          expect(res.statusCode, res.body).toBeLessThan(500)
          if (!rightSecret) expect(res.statusCode).toBe(401)
          if (res.statusCode === 200) {
            // Every event of the batch is answered for: stored, already there, or rejected with a reason.
            const answer = res.json<{ accepted: number; duplicate: number; rejected: unknown[] }>()
            const sent = (JSON.parse(payload) as { events: unknown[] }).events.length
            expect(answer.accepted + answer.duplicate + answer.rejected.length).toBe(sent)
          }
        }),
        { numRuns: 150 },
      )
      // The totals moved exactly with what was stored, whatever arrived.
      const stored = await pool.query<{ n: number }>('SELECT count(*)::integer AS n FROM events WHERE center_id = $1', [c.id])
      const totals = await pool.query<{ n: number }>('SELECT coalesce(sum(n), 0)::integer AS n FROM daily_counts WHERE center_id = $1', [c.id])
      expect(totals.rows[0]!.n).toBe(stored.rows[0]!.n)
    } finally {
      await app.close()
    }
  })
})
