// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildAppOver } from '../../../server/app.ts'
import { createAppContext } from '../../../server/context.ts'
import type { AppContext } from '../../../server/context.ts'
import { tempDir, testConfig } from '../../../../tests/server/helpers.ts'
import { createOutbox } from '../outbox.ts'
import type { Outbox } from '../outbox.ts'
import { createSyncClient } from '../sync-client.ts'
import { createStationCredentials } from '../station-credentials.ts'
import { createVisitRecorder } from '../recorder.ts'
import { createToken, hashToken } from '../../../server/auth/secrets.ts'
import { createUser } from '../../../server/auth/users.ts'

/**
 * The station side against the real server on loopback: IndexedDB (fake-indexeddb),
 * real HTTP, real SQLite. Offline, reload, lost responses, DB reset, rejections.
 */
let app: FastifyInstance
let ctx: AppContext
let base: string
let cleanup: () => void
let n = 0

function memoryStorage() {
  const m = new Map<string, string>()
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => {
      m.set(k, v)
    },
    removeItem: (k: string) => {
      m.delete(k)
    },
  }
}
const offline: typeof fetch = () => Promise.reject(new TypeError('Failed to fetch'))
const storedIds = () => ctx.db.prepare('SELECT id FROM events ORDER BY id').pluck().all() as string[]
const waitFor = async (cond: () => boolean | Promise<boolean>, ms = 5000) => {
  const end = Date.now() + ms
  while (!(await cond())) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

function station(outbox: Outbox, storage = memoryStorage()) {
  const creds = createStationCredentials({ storage, name: 'kiosk-1' })
  const recorder = createVisitRecorder({ outbox, stationId: creds.stationId, getPassportId: () => 'SP-0123456789AB', getSessionId: () => null })
  return { creds, recorder, storage }
}

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  ctx = createAppContext(testConfig(t.dir, { ingestRateMax: 100_000 }))
  app = await buildAppOver(ctx, { logger: false })
  base = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await app.close()
  cleanup()
})

describe('outbox + sync client', () => {
  it('keeps events offline, across a reload, then drains them exactly once', async () => {
    ctx.db.exec('DELETE FROM events')
    const dbName = `outbox-${++n}`
    const outbox = createOutbox({ dbName })
    const { creds, recorder, storage } = station(outbox)
    const counts: number[] = []
    outbox.subscribe((c) => counts.push(c))
    const recorded = []
    for (let i = 0; i < 120; i++) recorded.push(await recorder.record({ type: 'step-completed', exhibitId: 'fire-escape', data: { stepId: `step-${i % 5}` } }))
    expect(outbox.getPendingCount()).toBe(120)
    expect(counts.at(-1)).toBe(120)

    const sync1 = createSyncClient({ outbox, baseUrl: base, station: creds, fetch: offline })
    const r1 = await sync1.syncNow()
    expect(r1.error).toMatch(/network/)
    expect(sync1.getState()).toMatchObject({ failures: 1, pending: 120 })
    expect(await outbox.countPending()).toBe(120)
    expect(storedIds()).toEqual([])

    // "Reload": a new outbox over the same IndexedDB database, credentials from the same storage.
    outbox.close()
    const outbox2 = createOutbox({ dbName })
    expect(await outbox2.countPending()).toBe(120)
    expect((await outbox2.peek(500)).map((e) => e.id)).toEqual(recorded.map((e) => e.id))
    const creds2 = createStationCredentials({ storage })
    expect(creds2.stationId).toBe(creds.stationId)

    const sync2 = createSyncClient({ outbox: outbox2, baseUrl: base, station: creds2 })
    const r2 = await sync2.syncNow()
    expect(r2).toEqual({ acknowledged: 120, rejected: 0, error: null })
    expect(await outbox2.countPending()).toBe(0)
    expect(storedIds()).toEqual(recorded.map((e) => e.id).sort())
    expect(creds2.getToken()).toMatch(/^sst_/)
    outbox2.close()
  })

  it('a lost response is resent and counted once; refused events go to dead letters and are not retried', async () => {
    ctx.db.exec('DELETE FROM events')
    const outbox = createOutbox({ dbName: `outbox-${++n}` })
    const { creds, recorder } = station(outbox)
    const good = await recorder.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })
    const ghost = await recorder.record({ type: 'exhibit-started', exhibitId: 'ghost-house', data: {} })
    let calls = 0
    const loseFirstResponse: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (String(input).endsWith('/api/events') && ++calls === 1) throw new TypeError('connection reset')
      return res
    }
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds, fetch: loseFirstResponse })
    expect((await sync.syncNow()).error).toMatch(/reset/)
    expect(storedIds()).toEqual([good.id]) // the server did store it
    expect(await outbox.countPending()).toBe(2) // but the station could not know
    const r = await sync.syncNow()
    expect(r).toEqual({ acknowledged: 1, rejected: 1, error: null })
    expect(storedIds()).toEqual([good.id])
    expect(await outbox.countPending()).toBe(0)
    const dead = await outbox.deadLetters()
    expect(dead).toHaveLength(1)
    expect(dead[0]).toMatchObject({ id: ghost.id, reason: expect.stringMatching(/unknown exhibit ghost-house/) })
    expect((await sync.syncNow()).acknowledged).toBe(0)
    expect(calls).toBe(2)
    // An admin can put them back once the server knows the exhibit.
    expect(await outbox.requeueDeadLetters()).toBe(1)
    expect(await outbox.countPending()).toBe(1)
    outbox.close()
  })

  it('re-registers when the server no longer knows its token (database reset)', async () => {
    const outbox = createOutbox({ dbName: `outbox-${++n}` })
    const { creds, recorder } = station(outbox)
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds })
    await recorder.record({ type: 'exhibit-started', exhibitId: 'quake-drill', data: {} })
    await sync.syncNow()
    const oldToken = creds.getToken()
    ctx.db.exec('DELETE FROM stations')
    const e = await recorder.record({ type: 'exhibit-started', exhibitId: 'quake-drill', data: {} })
    expect(await sync.syncNow()).toEqual({ acknowledged: 1, rejected: 0, error: null })
    expect(creds.getToken()).not.toBe(oldToken)
    expect(storedIds()).toContain(e.id)
    outbox.close()
  })

  it('a lost registration answer: the station registers its id again with its secret', async () => {
    const outbox = createOutbox({ dbName: `outbox-${++n}` })
    const { creds, recorder } = station(outbox)
    const e = await recorder.record({ type: 'exhibit-started', exhibitId: 'quake-drill', data: {} })
    let lost = 0
    const loseFirstAnswer: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (String(input).endsWith('/api/stations') && ++lost === 1) throw new TypeError('connection reset')
      return res
    }
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds, fetch: loseFirstAnswer })
    expect((await sync.syncNow()).error).toMatch(/reset/)
    expect(await sync.syncNow()).toEqual({ acknowledged: 1, rejected: 0, error: null })
    expect(storedIds()).toContain(e.id)
    outbox.close()
  })

  it('an id an admin re-approved for another device: 409, events kept, one try per run, a readable error', async () => {
    const outbox = createOutbox({ dbName: `outbox-${++n}` })
    const { creds, recorder } = station(outbox)
    let posts = 0
    const counting: typeof fetch = (input, init) => {
      posts++
      return fetch(input, init)
    }
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds, fetch: counting })
    await recorder.record({ type: 'exhibit-started', exhibitId: 'quake-drill', data: {} })
    expect((await sync.syncNow()).error).toBeNull()
    // The replacement device enrols the id with an admin's login and its own secret.
    const adminToken = createToken('user')
    const adminId = await createUser(ctx.db, `admin-${n}`, 'admin', 'a long password')
    ctx.sessions.start(hashToken(adminToken), adminId, Date.now() + 60_000, Date.now())
    const other = await app.inject({
      method: 'POST',
      url: '/api/stations',
      payload: { stationId: creds.stationId, name: 'kiosk-1b', secret: 'z'.repeat(43) },
      headers: { authorization: `Bearer ${adminToken}` },
    })
    expect(other.statusCode).toBe(201)
    const e = await recorder.record({ type: 'exhibit-started', exhibitId: 'quake-drill', data: {} })
    for (let run = 1; run <= 2; run++) {
      posts = 0
      const r = await sync.syncNow()
      expect(r.error).toMatch(/admin must re-approve/)
      expect(posts).toBeLessThanOrEqual(2) // events (401 the first time), then one registration
      expect(sync.getState().lastError).toMatch(/admin must re-approve/)
      expect(await outbox.countPending()).toBe(1)
    }
    expect(storedIds()).not.toContain(e.id)
    outbox.close()
  })

  it('backs off exponentially while down and resumes at once on `online`', async () => {
    const outbox = createOutbox({ dbName: `outbox-${++n}` })
    const { creds, recorder } = station(outbox)
    await recorder.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })
    let up = false
    const tries: number[] = []
    const flaky: typeof fetch = (input, init) => {
      tries.push(Date.now())
      return up ? fetch(input, init) : offline(input, init)
    }
    const events = new EventTarget()
    const sync = createSyncClient({
      outbox,
      baseUrl: base,
      station: creds,
      fetch: flaky,
      retryBaseMs: 20,
      retryMaxMs: 60_000,
      random: () => 0.5,
      events,
      pollIntervalMs: 60_000,
    })
    const stop = sync.start()
    // Planned delays 15, 30, 60, 120, 240 ms (cap/2 + 0.5·cap/2). Wait for five tries rather than a
    // fixed time (a loaded machine runs fewer), then check the waits: exponential, never a tight loop.
    await waitFor(async () => tries.length >= 5, 10_000)
    const gaps = tries.slice(1, 5).map((t, i) => t - tries[i]!)
    // (A try is stamped when it reaches fetch, after reading the outbox, so a gap can come in a few
    // ms under its planned delay; the doubling is what matters.)
    gaps.forEach((gap, i) => expect(gap, `wait before try ${i + 2}`).toBeGreaterThanOrEqual(0.6 * 15 * 2 ** i))
    expect(gaps[3]! / gaps[1]!, 'waits double').toBeGreaterThanOrEqual(2.5)
    await waitFor(async () => sync.getState().failures >= 5, 2000)
    const s = sync.getState()
    expect(s.failures).toBe(tries.length)
    expect(Date.parse(s.nextAttemptAt!) - tries.at(-1)!, 'the next wait keeps growing').toBeGreaterThanOrEqual(200)
    up = true
    events.dispatchEvent(new Event('online'))
    await waitFor(async () => (await outbox.countPending()) === 0, 2000)
    // The run that delivered settles its state a tick after the outbox empties.
    await waitFor(() => !sync.getState().syncing, 2000)
    expect(sync.getState()).toMatchObject({ failures: 0, lastError: null, pending: 0 })
    stop()
    outbox.close()
  })

  it('a started client sends new events soon after they are recorded', async () => {
    const outbox = createOutbox({ dbName: `outbox-${++n}` })
    const { creds, recorder } = station(outbox)
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds, pollIntervalMs: 60_000 })
    const stop = sync.start()
    const e = await recorder.record({ type: 'stamp-awarded', exhibitId: 'fire-escape', data: { stampId: 'fire' } })
    await waitFor(() => storedIds().includes(e.id), 3000)
    await waitFor(() => outbox.getPendingCount() === 0, 3000)
    stop()
    outbox.close()
  })
})
