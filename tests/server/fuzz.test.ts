// @vitest-environment node
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { VisitEventSchema } from '../../src/core/event-schema.ts'
import { makeEvent, registerStation, testApp, loginAs } from './helpers.ts'
import type { TestApp } from './helpers.ts'

/**
 * Thousands of malformed requests at every endpoint: the server must answer each
 * with a 4xx (or a harmless 2xx for reads), never 5xx, stay up, and write nothing.
 */
let t: TestApp
let app: FastifyInstance
let station: { stationId: string; token: string }
let staff: string
/**
 * Random cases per property, per run. Fast-check draws a new seed each run, so CI runs add up;
 * the hand-made NASTY bodies, which random runs met only by chance (about 6 times each in 400),
 * are now examples that every run sends to both raw-body properties, so 200 random ones are enough.
 */
const RUNS = 200

beforeAll(async () => {
  // Pairing on (no open enrolment), so random registrations take the pairing path.
  t = await testApp({ ingestRateMax: 1_000_000, openEnroll: false, enrollCode: 'fuzz-enrol-code' })
  app = t.app
  station = await registerStation(app, { enrollCode: 'fuzz-enrol-code' })
  staff = await loginAs(t, 'fuzz-admin', 'admin', 'fuzz-password')
})
afterAll(async () => {
  await t.cleanup()
})

const NASTY = [
  '',
  'null',
  '[]',
  '{}',
  '{"events":null}',
  '{"events":[null]}',
  '{"__proto__":{"x":1}}',
  '{"constructor":{"prototype":{"x":1}}}',
  '{"events":[{"__proto__":{"id":1}}]}',
  '\u0000',
  '{"a":1}{"b":2}',
  '9'.repeat(400),
  '{"events":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
  '"\\ud800"',
]
const nasty = fc.constantFrom(...NASTY)

const rawBody = fc.oneof(
  nasty,
  fc.string({ maxLength: 200 }),
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? 'undefined'
    } catch {
      return 'x'
    }
  }),
  fc.uint8Array({ maxLength: 300 }).map((b) => Buffer.from(b).toString('latin1')),
)

/** A valid event with one field broken — filtered so the result is never a valid event. */
const brokenEvent = fc
  .record({
    key: fc.constantFrom('id', 'time', 'stationId', 'sessionId', 'passportId', 'exhibitId', 'type', 'data', 'extra'),
    value: fc.oneof(fc.anything({ maxDepth: 2 }), fc.string({ maxLength: 40 }), fc.integer(), fc.constant(null)),
    type: fc.constantFrom('exhibit-completed', 'answer-given', 'step-mistake', 'exhibit-crashed'),
  })
  .map(({ key, value, type }) => {
    const data = {
      'exhibit-completed': { score: 1, maxScore: 2, passed: true, durationMs: 5 },
      'answer-given': { quizId: 'q', choiceId: 'c', correct: true },
      'step-mistake': { stepId: 's', choiceId: 'c' },
      'exhibit-crashed': { message: 'x' },
    }[type]
    return { ...makeEvent(station.stationId, { type, data } as never), [key]: value }
  })
  .filter((e) => !VisitEventSchema.safeParse(JSON.parse(JSON.stringify(e))).success)

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  '',
  'application/json; charset=latin1',
)

/**
 * Any method on the given paths, with a random query and body, as staff or as nobody: never a 5xx.
 * `write` is the route family's body-carrying method besides POST.
 */
async function shakeRoutes(
  write: 'PUT' | 'PATCH',
  url: fc.Arbitrary<string>,
  query: fc.Arbitrary<Record<string, string>>,
  body: fc.Arbitrary<string>,
  numRuns: number,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(fc.constantFrom('GET', 'POST', write, 'DELETE'), url, query, body, fc.boolean(), async (method, u, q, payload, asStaff) => {
      const withBody = method === 'POST' || method === write
      const res = await app.inject({
        method,
        url: u,
        query: q,
        ...(withBody ? { payload } : {}),
        headers: { ...(withBody ? { 'content-type': 'application/json' } : {}), ...(asStaff ? { authorization: `Bearer ${staff}` } : {}) },
      })
      check(res.statusCode, res.body, method)
    }),
    { numRuns },
  )
}

/** Does this parsed JSON carry what secure-json-parse refuses (its protoAction/constructorAction)? */
function poisoned(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false
  const own = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k)
  if (own(v, '__proto__')) return true
  const ctor = (v as Record<string, unknown>).constructor
  if (own(v, 'constructor') && ctor !== null && typeof ctor === 'object' && own(ctor, 'prototype')) return true
  return Object.values(v).some(poisoned)
}

function check(status: number, body: string, method = 'POST') {
  expect(status, body.slice(0, 200)).toBeLessThan(500)
  if (status >= 400 && method !== 'HEAD') expect(() => JSON.parse(body)).not.toThrow()
}

describe('fuzz: malformed input never makes a 5xx or a row', () => {
  it('POST /api/events with raw bodies and any content type', async () => {
    await fc.assert(
      fc.asyncProperty(rawBody, contentType, fc.boolean(), async (payload, ct, withToken) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/events',
          payload,
          headers: { ...(ct ? { 'content-type': ct } : {}), ...(withToken ? { authorization: `Bearer ${station.token}` } : {}) },
        })
        check(res.statusCode, res.body)
      }),
      {
        numRuns: RUNS,
        examples: NASTY.flatMap((b) => [[b, 'application/json', true] as [string, string, boolean], [b, '', false] as [string, string, boolean]]),
      },
    )
  })

  it('POST /api/events with batches of broken events', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(brokenEvent, { minLength: 1, maxLength: 20 }), async (events) => {
        const res = await app.inject({ method: 'POST', url: '/api/events', payload: { events }, headers: { authorization: `Bearer ${station.token}` } })
        expect(res.statusCode).toBe(400)
        const body = res.json() as { error?: string; results?: { status: string; reason: string }[] }
        // A "__proto__" key, or a "constructor" key holding a "prototype" (fast-check makes both),
        // anywhere is refused for the whole body by Fastify's secure JSON parser (prototype
        // poisoning), before any event is looked at. A "__proto__" *value* is an ordinary string.
        if (poisoned(JSON.parse(JSON.stringify(events)))) expect(body.error).toBe('malformed-json')
        else expect(body.results?.every((r) => r.status === 'rejected' && r.reason.length > 0)).toBe(true)
      }),
      { numRuns: RUNS },
    )
  })

  it('the other write endpoints', async () => {
    const url = fc.constantFrom('/api/stations', '/api/auth/login', '/api/auth/logout')
    const auth = fc.oneof(
      fc.constant(undefined),
      fc.string({ maxLength: 80 }),
      fc.constant(`Bearer ${station.token}`),
      fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
    )
    await fc.assert(
      fc.asyncProperty(url, rawBody, contentType, auth, async (u, payload, ct, authorization) => {
        const res = await app.inject({
          method: 'POST',
          url: u,
          payload,
          headers: { ...(ct ? { 'content-type': ct } : {}), ...(authorization !== undefined ? { authorization } : {}) },
        })
        check(res.statusCode, res.body)
      }),
      {
        numRuns: RUNS * 2,
        examples: ['/api/stations', '/api/auth/login', '/api/auth/logout'].flatMap((u) =>
          NASTY.map((b) => [u, b, 'application/json', undefined] as [string, string, string, string | undefined]),
        ),
      },
    )
  })

  it('statistics with random query strings and paths', async () => {
    const path = fc.oneof(
      fc.constantFrom('/api/stats/days', '/api/stats/sessions', '/api/stats/exhibits', '/api/stats/quiz'),
      fc.string({ maxLength: 30 }).map((s) => `/api/stats/passports/${encodeURIComponent(s)}`),
      fc.oneof(fc.uuid(), fc.string({ maxLength: 40 })).map((s) => `/api/stations/pairing/${encodeURIComponent(s)}`),
      fc.webPath().map((p) => `/api${p}`),
    )
    const query = fc.dictionary(fc.constantFrom('from', 'to', 'x', '__proto__', 'from[]'), fc.string({ maxLength: 20 }), { maxKeys: 3 })
    await fc.assert(
      fc.asyncProperty(path, query, fc.constantFrom('GET', 'HEAD', 'DELETE', 'PUT'), fc.boolean(), async (p, q, method, asStaff) => {
        const res = await app.inject({ method, url: p, query: q, headers: asStaff ? { authorization: `Bearer ${staff}` } : {} })
        check(res.statusCode, res.body, method)
      }),
      { numRuns: RUNS },
    )
  })

  it('the programme log, the session summary and station pairing', async () => {
    const id = fc.oneof(fc.uuid(), fc.string({ maxLength: 40 }).map(encodeURIComponent))
    const url = fc.oneof(
      fc.constant('/api/programme/activities'),
      id.map((i) => `/api/programme/activities/${i}`),
      id.map((i) => `/api/guide/sessions/${i}/summary`),
      fc.constant('/api/stations/pending'),
      fc.tuple(id, fc.constantFrom('approve', 'reject')).map(([i, what]) => `/api/stations/pending/${i}/${what}`),
    )
    const query = fc.dictionary(
      fc.constantFrom('from', 'to', 'type', 'q', 'batchId', 'exhibits', 'passports', '__proto__', 'x'),
      fc.oneof(fc.string({ maxLength: 30 }), fc.constantFrom('2026-02-30', 'lecture', 'fire-escape,', ',,,', '%', '0000-00-00')),
      { maxKeys: 3 },
    )
    await shakeRoutes('PUT', url, query, rawBody, RUNS)
  })

  it('user management and the audit (admin-only)', async () => {
    const id = fc.oneof(fc.integer({ min: -5, max: 5 }).map(String), fc.string({ maxLength: 20 }).map(encodeURIComponent), fc.constant('99999999999'))
    const url = fc.oneof(
      fc.constantFrom('/api/admin/users', '/api/admin/audit'),
      id.map((i) => `/api/admin/users/${i}`),
    )
    const query = fc.dictionary(
      fc.constantFrom('user', 'passportCode', 'from', 'to', 'before', 'limit', '__proto__', 'x'),
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('0000000000', '2026-02-30', '-1', '1e9', 'boss')),
      { maxKeys: 3 },
    )
    // Bodies that parse but must be refused: wrong roles, weak passwords, two changes at once.
    const body = fc.oneof(
      rawBody,
      fc.constantFrom(
        '{"role":"root"}',
        '{"disabled":"yes"}',
        '{"password":"1"}',
        '{"role":"guide","disabled":true}',
        '{"name":"x y","role":"guide","password":"1234"}',
      ),
    )
    // Half the runs: the routes share the zod/guard machinery the other cases already shake.
    await shakeRoutes('PATCH', url, query, body, RUNS / 2)
  })

  it('the statistics dashboard and its exports', async () => {
    const views = fc.constantFrom('visits', 'passports', 'exhibits', 'misconceptions', 'trend', 'activities', 'nope', '..', '%00')
    const url = fc.oneof(
      fc.constant('/api/dashboard/options'),
      views.map((v) => `/api/dashboard/views/${v}`),
      views.map((v) => `/api/dashboard/views/${v}/export`),
    )
    const query = fc.dictionary(
      fc.constantFrom('from', 'to', 'school', 'grade', 'session', 'exhibit', 'kind', 'bucket', 'lang', 'format', '__proto__'),
      fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('2026-02-30', '9999-99-99', 'month', 'headset', 'xlsx', 'csv', 'en', 'fire-escape', '\u0000')),
      { maxKeys: 4 },
    )
    await shakeRoutes('PATCH', url, query, rawBody, RUNS / 2)
  })

  it('is still up and wrote nothing', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200)
    const db = t.ctx.db
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM daily_counts').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM activities').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM stations').pluck().get()).toBe(1)
    expect(db.prepare('SELECT COUNT(*) FROM station_pairings').pluck().get()).toBe(0)
    expect(db.prepare('SELECT COUNT(*) FROM users').pluck().get()).toBe(1)
    expect(db.prepare('SELECT COUNT(*) FROM auth_sessions').pluck().get()).toBe(1)
  })
})
