// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'

let t: TestApp
let app: FastifyInstance
let token: string
const SESSION = '0195c1d2-0000-7000-8000-000000000001'
let A: string, B: string

const get = async (url: string) => {
  const res = await app.inject({ url, headers: { authorization: `Bearer ${token}` } })
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200)
  return res.json()
}

beforeAll(async () => {
  t = await testApp()
  app = t.app
  const s = await registerStation(app)
  token = await loginAs(t, 'li', 'guide', '1357')
  ;[A, B] = (await issuePassports(app, token, 2)) as [string, string]
  const ev = (time: string, over: Partial<VisitEvent> & Record<string, unknown>) => makeEvent(s.stationId, { time, ...over })
  // 17:30 UTC on 1 March is already 2 March in Shanghai (the default TIME_ZONE).
  const d1 = '2026-03-01T02:00:00.000Z',
    d2 = '2026-03-01T17:30:00.000Z'
  const events = [
    ev(d1, { passportId: A, sessionId: SESSION, type: 'exhibit-started', data: { mode: 'flat' } }),
    ev(d1, { passportId: A, sessionId: SESSION, type: 'answer-given', data: { quizId: 'q-exit', choiceId: 'a', correct: false } }),
    ev(d1, { passportId: A, sessionId: SESSION, type: 'answer-given', data: { quizId: 'q-exit', choiceId: 'b', correct: true } }),
    ev(d1, { passportId: A, sessionId: SESSION, type: 'exhibit-completed', data: { score: 3, maxScore: 4, passed: true, durationMs: 60_000 } }),
    ev(d1, { passportId: A, sessionId: SESSION, type: 'stamp-awarded', data: { stampId: 'fire' } }),
    ev(d1, { passportId: B, sessionId: SESSION, type: 'exhibit-started', data: {} }),
    ev(d1, { passportId: B, sessionId: SESSION, type: 'exhibit-completed', data: { score: 1, maxScore: 4, passed: false, durationMs: 120_000 } }),
    ev(d2, { passportId: B, type: 'exhibit-started', data: {} }),
    ev(d2, { passportId: B, type: 'exhibit-completed', data: { score: 4, maxScore: 4, passed: true, durationMs: 300_000 } }),
    ev(d2, { exhibitId: 'quake-drill', type: 'exhibit-started', data: {} }),
    ev(d2, { exhibitId: 'quake-drill', type: 'exhibit-crashed', data: { message: 'WebGL context lost' } }),
    ev(d2, { exhibitId: 'quake-drill', type: 'answer-given', data: { quizId: 'q-table', choiceId: 'c', correct: false } }),
  ]
  const first = await postEvents(app, s.token, events)
  expect(first.json().accepted).toBe(events.length)
  // A resend of everything must not change a single number.
  expect((await postEvents(app, s.token, events)).json().duplicate).toBe(events.length)
})
afterAll(async () => {
  await t.cleanup()
})

describe('statistics', () => {
  it('per day, in the center time zone', async () => {
    const { days } = await get('/api/stats/days')
    expect(days).toEqual([
      { day: '2026-03-01', events: 7, starts: 2, completions: 2, stamps: 1, crashes: 0, visitors: 2 },
      { day: '2026-03-02', events: 5, starts: 2, completions: 1, stamps: 0, crashes: 1, visitors: 1 },
    ])
    expect((await get('/api/stats/days?from=2026-03-02&to=2026-03-31')).days).toHaveLength(1)
  })

  it('per exhibit: starts, completions, rate, median duration', async () => {
    const { exhibits } = await get('/api/stats/exhibits')
    expect(exhibits).toEqual([
      { exhibitId: 'fire-escape', starts: 3, completions: 3, completionRate: 1, crashes: 0, medianDurationMs: 120_000 },
      { exhibitId: 'quake-drill', starts: 1, completions: 0, completionRate: 0, crashes: 1, medianDurationMs: null },
    ])
    const day1 = await get('/api/stats/exhibits?from=2026-03-01&to=2026-03-01')
    expect(day1.exhibits[0].medianDurationMs).toBe(90_000) // even count: mean of the middle two
  })

  it('per class session', async () => {
    const { sessions } = await get('/api/stats/sessions')
    expect(sessions).toEqual([{ sessionId: SESSION, firstDay: '2026-03-01', lastDay: '2026-03-01', events: 7, starts: 2, completions: 2, visitors: 2 }])
  })

  it('per quiz item: percent wrong', async () => {
    const { items } = await get('/api/stats/quiz')
    expect(items).toEqual([
      { exhibitId: 'fire-escape', quizId: 'q-exit', answers: 2, wrong: 1, percentWrong: 50 },
      { exhibitId: 'quake-drill', quizId: 'q-table', answers: 1, wrong: 1, percentWrong: 100 },
    ])
  })

  it('per passport', async () => {
    const p = await get(`/api/stats/passports/${A}`)
    expect(p).toMatchObject({
      passportId: A,
      exhibitsStarted: ['fire-escape'],
      exhibitsCompleted: ['fire-escape'],
      stamps: ['fire'],
      answers: 2,
      correctAnswers: 1,
    })
    expect(p.events).toHaveLength(5)
    // A code nobody issued: admin-only (a guide cannot probe which codes exist).
    const unissued = await app.inject({ url: '/api/stats/passports/0000000000', headers: { authorization: `Bearer ${token}` } })
    expect(unissued.statusCode).toBe(403)
    const bad = await app.inject({ url: '/api/stats/passports/robert', headers: { authorization: `Bearer ${token}` } })
    expect(bad.statusCode).toBe(400)
    const badRange = await app.inject({ url: '/api/stats/days?from=yesterday', headers: { authorization: `Bearer ${token}` } })
    expect(badRange.statusCode).toBe(400)
    expect(badRange.json().reasons[0]).toMatch(/from/)
  })
})
