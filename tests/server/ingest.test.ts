// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { countEvents, issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let t: TestApp
let app: FastifyInstance
let station: { stationId: string; token: string }

beforeEach(async () => {
  t = await testApp()
  app = t.app
  station = await registerStation(app)
})
afterEach(async () => {
  await t.cleanup()
})

describe('POST /api/events', () => {
  it('stores a valid batch and acknowledges every event', async () => {
    const events = [makeEvent(station.stationId), makeEvent(station.stationId, { type: 'step-completed', data: { stepId: 'find-exit' } })]
    const res = await postEvents(app, station.token, events)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ accepted: 2, duplicate: 0, rejected: 0 })
    expect(res.json().results.map((r: { id: string }) => r.id)).toEqual(events.map((e) => e.id))
    expect(countEvents(t)).toBe(2)
  })

  it('acknowledges a resent event as duplicate and stores it once, also within one batch', async () => {
    const e = makeEvent(station.stationId)
    expect((await postEvents(app, station.token, [e])).json().results[0].status).toBe('accepted')
    const again = await postEvents(app, station.token, [e, e, makeEvent(station.stationId)])
    expect(again.statusCode).toBe(200)
    expect(again.json().results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'accepted'])
    expect(countEvents(t)).toBe(2)
    // Totals follow stored rows, not requests.
    const starts = t.ctx.db.prepare("SELECT SUM(n) FROM daily_counts WHERE type = 'exhibit-started'").pluck().get()
    expect(starts).toBe(2)
  })

  it('concurrent batches sharing events (group commit) store each event once', async () => {
    const shared = Array.from({ length: 10 }, () => makeEvent(station.stationId))
    const batches = Array.from({ length: 8 }, () => [...shared, makeEvent(station.stationId)])
    const responses = await Promise.all(batches.map((b) => postEvents(app, station.token, b)))
    const statuses = responses.flatMap((r) => r.json().results as { id: string; status: string }[])
    for (const e of shared) {
      const mine = statuses
        .filter((s) => s.id === e.id)
        .map((s) => s.status)
        .sort()
      expect(mine).toEqual(['accepted', ...Array(7).fill('duplicate')])
    }
    expect(countEvents(t)).toBe(10 + 8)
  })

  it('rejects bad events one by one with a reason and stores the good ones (207)', async () => {
    const good = makeEvent(station.stationId)
    const events = [
      good,
      makeEvent(station.stationId, { exhibitId: 'no-such-exhibit' }),
      makeEvent(station.stationId, { time: new Date(t.clock.now() + 60 * 60_000).toISOString() }),
      makeEvent(crypto.randomUUID()),
      makeEvent(station.stationId, { type: 'answer-given', data: { quizId: 'q1', choiceId: 'a', correct: 'yes' } } as never),
      { ...makeEvent(station.stationId), id: 'not-a-uuid' },
      'just a string',
    ]
    const res = await postEvents(app, station.token, events)
    expect(res.statusCode).toBe(207)
    const results = res.json().results as { status: string; reason?: string }[]
    expect(results[0]!.status).toBe('accepted')
    expect(results.slice(1).every((r) => r.status === 'rejected')).toBe(true)
    expect(results[1]!.reason).toMatch(/unknown exhibit no-such-exhibit/)
    expect(results[2]!.reason).toMatch(/^time:.*future/)
    expect(results[3]!.reason).toMatch(/^stationId:/)
    expect(results[4]!.reason).toMatch(/data\.correct/)
    expect(results[5]!.reason).toMatch(/^id:/)
    expect(countEvents(t)).toBe(1)
  })

  it('answers 400 with reasons when every event is rejected', async () => {
    const res = await postEvents(app, station.token, [makeEvent(station.stationId, { exhibitId: 'nope' })])
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: 'all-events-rejected', rejected: 1 })
    expect(res.json().reasons[0]).toMatch(/unknown exhibit/)
  })

  it('refuses bad envelopes with 4xx JSON, never 5xx', async () => {
    const auth = { authorization: `Bearer ${station.token}` }
    const cases = [
      { payload: '{"events": [', headers: { ...auth, 'content-type': 'application/json' }, status: 400, error: 'malformed-json' },
      { payload: 'events=1', headers: { ...auth, 'content-type': 'text/plain' }, status: 415, error: 'unsupported-media-type' },
      { payload: { events: [] }, headers: auth, status: 400, error: 'invalid-request', reason: /^events: Too small/ },
      { payload: { events: 'x', more: 1 }, headers: auth, status: 400, error: 'invalid-request', reason: /^events: .*expected array/ },
      { payload: { events: Array.from({ length: 501 }, () => ({})) }, headers: auth, status: 400, error: 'invalid-request' },
      {
        payload: JSON.stringify({ events: [{ pad: 'x'.repeat(300 * 1024) }] }),
        headers: { ...auth, 'content-type': 'application/json' },
        status: 413,
        error: 'body-too-large',
      },
    ]
    for (const c of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/events', payload: c.payload, headers: c.headers })
      expect(res.statusCode, JSON.stringify(c).slice(0, 80)).toBe(c.status)
      expect(res.json().error).toBe(c.error)
      expect(Array.isArray(res.json().reasons)).toBe(true)
      if (c.reason) expect(res.json().reasons[0]).toMatch(c.reason)
    }
    expect(countEvents(t)).toBe(0)
  })

  it('stores no IP address and lifts the fields the statistics need', async () => {
    const [code] = await issuePassports(app, await loginAs(t, 'wang', 'guide', '2468'), 1)
    const e = makeEvent(station.stationId, { type: 'answer-given', passportId: code, data: { quizId: 'q-exit', choiceId: 'b', correct: false } })
    await postEvents(app, station.token, [e])
    const row = t.ctx.db.prepare('SELECT * FROM events').get() as Record<string, unknown>
    expect(row).toMatchObject({ id: e.id, passport_id: code, item_id: 'q-exit', correct: 0, type: 'answer-given' })
    expect(JSON.stringify(row)).not.toMatch(/127\.0\.0\.1|localhost/)
    expect(Object.keys(row)).not.toContain('ip')
  })
})
