// @vitest-environment node
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import type { FastifyInstance } from 'fastify'
import { v7 as uuidv7 } from 'uuid'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeEvent, tempDir } from '../server/helpers.ts'
import { EVENT_TYPES } from '../../src/core/event-schema.ts'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { EARLIEST_MS, fastEventColumns, slowEventColumns } from '../../src/server/district/event-columns.ts'
import type { EventColumns } from '../../src/server/district/event-columns.ts'
import { buildDistrictApp } from '../../src/server/district/app.ts'
import { addCenter } from '../../src/server/district/centers.ts'
import { loadDistrictConfig } from '../../src/server/district/config.ts'
import { openPool, runDistrictMigrations } from '../../src/server/district/database.ts'
import type { Pool } from '../../src/server/district/database.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../../src/server/ingest.ts'
import { openDatabase } from '../../src/server/db/database.ts'
import { startDistrictForwarder } from '../../src/server/forwarder/district-forwarder.ts'
import type { DistrictLink } from '../../src/server/forwarder/config.ts'
import { createDistrictForwarderState } from '../../src/server/forwarder/forwarder-state.ts'
import { createCa, issueServerCert } from '../../src/server/tls/local-ca.ts'
import { findPgBin, startPgCluster } from './pg-cluster.ts'
import type { PgCluster } from './pg-cluster.ts'
import { waitFor } from './district-process.ts'

/**
 * The district's forwarding API in this process (app.inject, and once over HTTPS) on a
 * throwaway PostgreSQL cluster. Without PostgreSQL this skips on a developer machine and
 * fails under CI (.ci/run installs it).
 */
const PG_BIN = findPgBin()
const temp = tempDir('sophora-district-api-')
let cluster: PgCluster | undefined
let pool: Pool
let app: FastifyInstance

const districtCount = async (p: Pool, centerId: string) =>
  (await p.query<{ n: number }>('SELECT count(*)::integer AS n FROM events WHERE center_id = $1', [centerId])).rows[0]!.n

describe.skipIf(PG_BIN === null && !process.env.CI)('district forwarding API on PostgreSQL', () => {
  beforeAll(async () => {
    if (PG_BIN === null) throw new Error('PostgreSQL is not installed (Debian: apt-get install postgresql; .ci/run does this)')
    cluster = startPgCluster(PG_BIN)
    pool = openPool(cluster.url, 4)
    await runDistrictMigrations(pool)
    app = await buildDistrictApp({ ...loadDistrictConfig({ DATABASE_URL: cluster.url }), logLevel: 'silent' }, openPool(cluster.url, 2))
  }, 120_000)

  afterAll(async () => {
    await app?.close()
    await pool?.end()
    cluster?.stop()
    temp.cleanup()
  })

  it('knows every event type the centers record (a new one needs a district migration, or its batches would be refused)', async () => {
    const r = await pool.query<{ t: string }>('SELECT unnest(enum_range(NULL::event_type))::text AS t')
    expect(r.rows.map((x) => x.t).sort()).toEqual([...EVENT_TYPES].sort())
  })

  it('answers 401 to a wrong secret and 403 to a center sending as another; stores and flags an exhibit it does not know', async () => {
    const [a, b] = await Promise.all([addCenter(pool, 'Center A'), addCenter(pool, 'Center B')])
    const event = { seq: 1, id: uuidv7(), time: Date.now(), day: '2026-11-30', stationId: crypto.randomUUID(), sessionId: null, passportId: null }
    const known = { ...event, exhibitId: 'fire-escape', type: 'exhibit-started', data: {} }
    const post = async (secret: string | null, payload: Record<string, unknown>) => {
      const res = await app.inject({ method: 'POST', url: '/api/district/events', headers: secret ? { authorization: `Bearer ${secret}` } : {}, payload })
      return { status: res.statusCode, json: res.json<Record<string, unknown>>() }
    }

    expect((await post(null, { centerId: a.id, events: [known] })).status).toBe(401)
    expect((await post('sdc_not-a-real-secret', { centerId: a.id, events: [known] })).status).toBe(401)
    expect((await post(b.secret.slice(0, -2) + 'xx', { centerId: b.id, events: [known] })).status).toBe(401)
    const asOther = await post(a.secret, { centerId: b.id, events: [known] })
    expect(asOther.status).toBe(403)
    expect((await pool.query('SELECT 1 FROM events WHERE center_id = $1', [b.id])).rowCount).toBe(0)

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
      expect(await districtCount(pool, c.id)).toBe(0)

      const trusting = startDistrictForwarder(db, { ...link, caFile: file('district-ca.pem', ca.cert) }, { now: Date.now, log })
      await waitFor('the events over HTTPS', async () => (await districtCount(pool, c.id)) === 3)
      await trusting.stop()
      expect(state.row()).toMatchObject({ last_seq: 3, sent: 3, last_error: null })
    } finally {
      db.close()
      await app.close()
    }
  })

  it('answers malformed and hostile batches with a 4xx or a per-event answer, never a 5xx; the totals follow exactly what was stored', async () => {
    const c = await addCenter(pool, 'Fuzz center')
    {
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
    }
  })

  it('answers an event PostgreSQL refuses for its data as rejected, with its SQLSTATE, and stores the rest; an unreachable database is a 503 with Retry-After', async () => {
    const c = await addCenter(pool, 'Data error center')
    // Stands for any data error not foreseen by the schema: a constraint only the database knows.
    await pool.query("ALTER TABLE events ADD CONSTRAINT test_poison CHECK (exhibit_id <> 'poison-exhibit')")
    try {
      const events = Array.from({ length: 7 }, (_, i) => ({
        seq: i + 1,
        id: uuidv7(),
        time: Date.now(),
        day: '2026-11-30',
        stationId: crypto.randomUUID(),
        sessionId: null,
        passportId: null,
        exhibitId: i === 2 || i === 5 ? 'poison-exhibit' : 'fire-escape',
        type: 'exhibit-started',
        data: {},
      }))
      const res = await app.inject({
        method: 'POST',
        url: '/api/district/events',
        headers: { authorization: `Bearer ${c.secret}` },
        payload: { centerId: c.id, events },
      })
      expect(res.statusCode).toBe(200)
      const answer = res.json<{ accepted: number; duplicate: number; rejected: { seq: number; reason: string }[] }>()
      expect(answer).toMatchObject({ accepted: 5, duplicate: 0 })
      expect(answer.rejected.map((r) => r.seq).sort()).toEqual([3, 6])
      expect(answer.rejected.every((r) => r.reason.includes('SQLSTATE 23514'))).toBe(true)
      expect(await districtCount(pool, c.id)).toBe(5)
      const totals = await pool.query<{ n: number }>('SELECT coalesce(sum(n), 0)::integer AS n FROM daily_counts WHERE center_id = $1', [c.id])
      expect(totals.rows[0]!.n).toBe(5)
    } finally {
      await pool.query('ALTER TABLE events DROP CONSTRAINT test_poison')
    }

    // A pool on a socket directory where no PostgreSQL listens: every request that needs the database.
    const down = await buildDistrictApp(
      { ...loadDistrictConfig({ DATABASE_URL: `postgres://sophora@/postgres?host=${encodeURIComponent(temp.dir)}` }), logLevel: 'silent' },
      openPool(`postgres://sophora@/postgres?host=${encodeURIComponent(temp.dir)}`, 1),
    )
    try {
      for (const req of [
        { method: 'POST' as const, url: '/api/district/events', headers: { authorization: `Bearer ${c.secret}` }, payload: { centerId: c.id, events: [{}] } },
        { method: 'GET' as const, url: '/api/health' },
      ]) {
        const r = await down.inject(req)
        expect(r.statusCode, r.body).toBe(503)
        expect(r.headers['retry-after']).toBe('5')
        expect(r.json()).toMatchObject({ error: 'unavailable' })
      }
    } finally {
      await down.close()
    }
  })
})

describe('the district ingest fast path', () => {
  const latest = Date.now() + 86_400_000
  const passport = createPassportCode()
  const base = { seq: 7, time: Date.now(), day: '2026-11-30', stationId: crypto.randomUUID(), sessionId: null, passportId: passport, exhibitId: 'fire-escape' }
  const plays: [string, Record<string, unknown>][] = [
    ['exhibit-started', {}],
    ['exhibit-started', { mode: 'vr' }],
    ['step-completed', { stepId: 'crawl-low' }],
    ['step-mistake', { stepId: 'crawl-low', choiceId: 'run' }],
    ['answer-given', { quizId: 'q-exit', choiceId: 'b', correct: false }],
    ['exhibit-completed', { score: 2, maxScore: 3, passed: true, durationMs: 61_000 }],
    ['stamp-awarded', { stampId: 'fire-escape' }],
  ]
  /** The slow path's columns with data as a value: jsonb keeps no key order, so neither path's order matters. */
  const comparable = (c: EventColumns) => [...c.slice(0, 12), JSON.parse(c[12]) as unknown]

  it('takes every kind of event a play is made of, with the columns the two zod checks give, and leaves near misses to them', () => {
    for (const [type, data] of plays) {
      const e = { ...base, id: uuidv7().toUpperCase(), type, data }
      const fast = fastEventColumns(e, EARLIEST_MS, latest)
      expect(fast, type).not.toBeNull()
      const slow = slowEventColumns(e, latest)
      expect(Array.isArray(slow), JSON.stringify(slow)).toBe(true)
      expect(comparable(fast!)).toEqual(comparable(slow as EventColumns))
    }
    // Near misses, each refused by the slow path: the fast path leaves them to it.
    const completed = { ...base, type: 'exhibit-completed', data: { score: 2, maxScore: 3, passed: true, durationMs: 61_000 } }
    const misses: Record<string, unknown>[] = [
      { ...completed, data: { ...completed.data, score: 4 } },
      { ...completed, data: { ...completed.data, durationMs: 86_400_001 } },
      { ...completed, data: { ...completed.data, extra: 1 } },
      { ...completed, extra: 1 },
      { ...completed, passportId: 'SP-0123456789AB'.slice(0, 12) },
      { ...completed, passportId: passport.slice(0, 9) + (passport.endsWith('0') ? '1' : '0') },
      { ...completed, day: '2026-02-30' },
      { ...completed, time: EARLIEST_MS - 1 },
      { ...completed, seq: 0 },
      { ...completed, exhibitId: 'Fire-Escape' },
      { ...completed, type: 'step-completed', data: { stepId: 'a--b' } },
      { ...completed, type: 'exhibit-started', data: { mode: 'ar' } },
    ]
    for (const e of misses) {
      const m = { ...e, id: uuidv7() }
      expect(Array.isArray(slowEventColumns(m, latest)), JSON.stringify(m)).toBe(false)
      expect(fastEventColumns(m, EARLIEST_MS, latest), JSON.stringify(m)).toBeNull()
    }
  })

  it('vouches for no event the slow path refuses or stores otherwise (one field, or one data field, replaced by anything)', () => {
    const play = fc.constantFrom(...plays)
    const anything = fc.oneof(
      fc.anything({ maxDepth: 2 }),
      fc.constantFrom('', 'NULL', 'Fire-Escape', '2026-02-30', '1999-12-31', 1.5, -1, 4, 2 ** 53, 10_001, null),
    )
    const event = fc
      .tuple(
        play,
        fc.constantFrom(...Object.keys(base), 'id', 'type', 'data', 'extra'),
        anything,
        fc.constantFrom('stepId', 'choiceId', 'score', 'maxScore', 'durationMs', 'mode', 'correct', 'extra'),
        anything,
        fc.nat(3),
      )
      .map(([[type, data], key, value, dataKey, dataValue, how]) => {
        const e: Record<string, unknown> = { ...base, id: uuidv7(), type, data: { ...data } }
        if (how & 2) (e.data as Record<string, unknown>)[dataKey] = dataValue
        if (how & 1) e[key] = value
        return e
      })
    fc.assert(
      fc.property(event, (e) => {
        const fast = fastEventColumns(e, EARLIEST_MS, latest)
        if (fast === null) return
        const slow = slowEventColumns(e, latest)
        expect(Array.isArray(slow), `${JSON.stringify(e)} → ${JSON.stringify(slow)}`).toBe(true)
        expect(comparable(fast)).toEqual(comparable(slow as EventColumns))
      }),
      { numRuns: 400 },
    )
  })
})
