// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase } from '../../src/server/db/database.ts'
import type { Db } from '../../src/server/db/database.ts'
import { INSERT_EVENT_SQL, createDayOf, eventRow } from '../../src/server/ingest.ts'
import { startDistrictForwarder } from '../../src/server/forwarder/district-forwarder.ts'
import type { DistrictForwarder } from '../../src/server/forwarder/district-forwarder.ts'
import { createDistrictForwarderState } from '../../src/server/forwarder/forwarder-state.ts'
import { createDistrictClient, retryAfterMs } from '../../src/server/forwarder/district-client.ts'
import { runForwardLoop } from '../../src/server/forward-loop.ts'
import type { ForwardedEvent } from '../../src/server/district/protocol.ts'
import { makeEvent, tempDir } from '../server/helpers.ts'
import { waitFor } from './district-process.ts'

/**
 * The center's forwarder against a stand-in district (no PostgreSQL): what it sends,
 * when it advances, and that it never skips an event.
 */
interface Seen {
  auth: string | undefined
  centerId: string
  events: ForwardedEvent[]
}
const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A district that answers each request with `answer(body)` (status, body), recording what came. */
async function fakeDistrict(answer: (seen: Seen, n: number) => [number, unknown, Record<string, string>?]) {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    let text = ''
    req.on('data', (d: Buffer) => (text += d.toString()))
    req.on('end', () => {
      const body = JSON.parse(text) as { centerId: string; events: ForwardedEvent[] }
      const s = { auth: req.headers.authorization, ...body }
      seen.push(s)
      const [status, reply, headers = {}] = answer(s, seen.length)
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(reply))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(() => new Promise((r) => server.close(r)))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const ok = (s: Seen): [number, unknown] => [200, { accepted: s.events.length, duplicate: 0, rejected: [] }]
const log = { info: () => undefined, warn: () => undefined, error: () => undefined }

function center(): { db: Db; add: (n: number) => string[] } {
  const t = tempDir()
  const db = openDatabase(join(t.dir, 'sophora.db'))
  cleanups.push(t.cleanup, () => db.close())
  const stationId = crypto.randomUUID()
  db.prepare('INSERT INTO stations (id, name, token_hash, created_ms) VALUES (?, ?, ?, ?)').run(stationId, 's', 'h', Date.now())
  const insert = db.prepare(INSERT_EVENT_SQL)
  const dayOf = createDayOf('Asia/Shanghai')
  const add = (n: number) =>
    Array.from({ length: n }, () => {
      const e = makeEvent(stationId)
      insert.run(eventRow(e, dayOf, Date.now()))
      return e.id
    })
  return { db, add }
}

function start(db: Db, url: string, batchSize = 500): DistrictForwarder {
  const f = startDistrictForwarder(
    db,
    { url, centerId: 'c-test', secret: 'sdc_test', caFile: null, batchSize, pollMs: 10, retryMs: 10, retryMaxMs: 40, timeoutMs: 5000 },
    { now: Date.now, log },
  )
  cleanups.push(() => f.stop())
  return f
}

describe('center → district forwarder', () => {
  it('sends in seq order and batches, as its center with its secret, and advances only on a 200 with an answer', async () => {
    const { db, add } = center()
    const ids = add(7)
    // First a 503, then a 200 that is no forwarding answer (a captive portal), then real answers.
    const district = await fakeDistrict((s, n) => (n === 1 ? [503, { error: 'busy' }] : n === 2 ? [200, { hello: 1 }] : ok(s)))
    const state = createDistrictForwarderState(db, district.url, 'c-test')
    start(db, district.url, 3)
    await waitFor('all sent', () => state.row()?.last_seq === 7)
    expect(district.seen.map((s) => s.events.map((e) => e.seq))).toEqual([[1, 2, 3], [1, 2, 3], [1, 2, 3], [4, 5, 6], [7]])
    expect(district.seen.every((s) => s.auth === 'Bearer sdc_test' && s.centerId === 'c-test')).toBe(true)
    expect(district.seen.flatMap((s) => s.events.map((e) => e.id)).slice(-4)).toEqual(ids.slice(3))
    expect(state.row()).toMatchObject({ sent: 7, duplicates: 0, last_error: null })
  })

  it('never skips an event whose seq SQLite handed out again after the newest rows were deleted', async () => {
    const { db, add } = center()
    add(3)
    const district = await fakeDistrict(ok)
    const state = createDistrictForwarderState(db, district.url, 'c-test')
    start(db, district.url)
    await waitFor('the first three', () => state.row()?.last_seq === 3)
    db.prepare('DELETE FROM events WHERE seq >= 2').run()
    const [late] = add(1)
    expect(db.prepare('SELECT seq FROM events WHERE id = ?').pluck().get(late)).toBe(2)
    await waitFor('the event with the reused seq', () => district.seen.some((s) => s.events.some((e) => e.id === late)))
    await waitFor('the cursor on it', () => state.row()?.last_seq === 2)
  })

  it("waits as long as a 503's Retry-After asks (never past retryMaxMs), and its own doubling backoff otherwise", async () => {
    expect([retryAfterMs('5'), retryAfterMs(['12']), retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT'), retryAfterMs('-1'), retryAfterMs(undefined)]).toEqual([
      5000,
      12000,
      undefined,
      undefined,
      undefined,
    ])
    const district = await fakeDistrict(() => [503, { error: 'unavailable', reasons: [] }, { 'retry-after': '7' }])
    const link = {
      url: district.url,
      centerId: 'c-test',
      secret: 'sdc_test',
      caFile: null,
      batchSize: 1,
      pollMs: 10,
      retryMs: 10,
      retryMaxMs: 40,
      timeoutMs: 5000,
    }
    const client = createDistrictClient(link)
    cleanups.push(() => client.close())
    const outcome = await client.send([], new AbortController().signal)
    expect(outcome).toMatchObject({ ok: false, status: 503, retryAfterMs: 7000 })

    const waits = async (results: { status: number; retryAfterMs?: number }[], retryMaxMs: number) => {
      const stop = new AbortController()
      const seen: number[] = []
      let i = 0
      await runForwardLoop({
        signal: stop.signal,
        step: async () => ({ failed: 'x', ...results[i++]! }),
        pollMs: 1,
        retryMs: 1,
        retryMaxMs,
        recordFailure: () => undefined,
        undelivered: ({ retryInMs }) => {
          seen.push(retryInMs)
          if (seen.length === results.length) stop.abort()
        },
      })
      return seen
    }
    // Milliseconds, so the pauses cost nothing; the last pause is aborted as soon as it is known.
    expect(await waits([{ status: 503, retryAfterMs: 30 }, { status: 503, retryAfterMs: 1 }, { status: 500 }], 60_000)).toEqual([30, 2, 4])
    expect(await waits([{ status: 503, retryAfterMs: 7000 }], 20)).toEqual([20])
  })
})
