// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'
import { buildSessionSummary } from '../../src/server/session-summary.ts'
import { SessionSummarySchema } from '../../src/core/session-summary.ts'

/**
 * The end-of-session summary over a real database, with events stored through the ingest
 * endpoint as stations send them: three passports (one never plays), one anonymous run, a
 * replay, another session's events that must not leak in, and the route's rights.
 */
let t: TestApp
let guide: string
let batchId: string
let A: string, B: string, C: string
let stationToken: string
const SESSION = '0195c1d2-0000-7000-8000-00000000a001'
const OTHER = '0195c1d2-0000-7000-8000-00000000a002'

beforeAll(async () => {
  t = await testApp()
  const s = await registerStation(t.app)
  stationToken = s.token
  guide = await loginAs(t, 'wang', 'guide', 'guide-pass-1')
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/passports/batches',
    headers: { authorization: `Bearer ${guide}` },
    payload: { requestId: crypto.randomUUID(), school: '槐树小学', grade: '四年级', className: '2班', count: 3 },
  })
  batchId = res.json().batchId
  ;[A, B, C] = res.json().passports.map((p: { code: string }) => p.code)
  const other = (await issuePassports(t.app, guide, 1))[0]!
  let clock = Date.parse('2026-03-03T01:00:00.000Z')
  const ev = (passportId: string | undefined, over: Partial<VisitEvent> & Record<string, unknown>, sessionId = SESSION) =>
    makeEvent(s.stationId, { time: new Date((clock += 1000)).toISOString(), sessionId, ...(passportId ? { passportId } : {}), ...over })
  const run = (p: string | undefined, exhibitId: string, answers: [string, string, boolean][], score: number, durationMs: number, session = SESSION) => [
    ev(p, { exhibitId, type: 'exhibit-started', data: { mode: 'flat' } }, session),
    ...answers.map(([quizId, choiceId, correct]) => ev(p, { exhibitId, type: 'answer-given', data: { quizId, choiceId, correct } }, session)),
    ev(p, { exhibitId, type: 'exhibit-completed', data: { score, maxScore: 2, passed: score === 2, durationMs } }, session),
    ...(score === 2 ? [ev(p, { exhibitId, type: 'stamp-awarded', data: { stampId: exhibitId } }, session)] : []),
  ]
  const events = [
    // A: takes the lift on a step first, then the stairs; answers the lift quiz wrong; then replays and passes.
    ev(A, { exhibitId: 'fire-escape', type: 'step-mistake', data: { stepId: 'stairs', choiceId: 'stairs-take-lift' } }),
    ev(A, { exhibitId: 'fire-escape', type: 'step-completed', data: { stepId: 'stairs' } }),
    ...run(
      A,
      'fire-escape',
      [
        ['lift', 'q-take-lift', false],
        ['hiding', 'q-warn-and-leave', true],
      ],
      1,
      100_000,
    ),
    ...run(
      A,
      'fire-escape',
      [
        ['lift', 'q-stairs', true],
        ['hiding', 'q-warn-and-leave', true],
      ],
      2,
      60_000,
    ),
    // B: takes the lift in the quiz too, hides under the bed, fails; passes the quake drill.
    ev(B, { exhibitId: 'fire-escape', type: 'step-completed', data: { stepId: 'stairs' } }),
    ...run(
      B,
      'fire-escape',
      [
        ['lift', 'q-take-lift', false],
        ['hiding', 'q-under-bed', false],
      ],
      0,
      200_000,
    ),
    ...run(B, 'quake-drill', [['q-table', 'under-table', true]], 2, 30_000),
    // Someone who did not check in, on the same station.
    ...run(
      undefined,
      'fire-escape',
      [
        ['lift', 'q-stairs', true],
        ['hiding', 'q-wardrobe', false],
      ],
      1,
      300_000,
    ),
    // Another class, another session: none of it belongs here.
    ...run(other, 'fire-escape', [['lift', 'q-run-up', false]], 0, 5_000, OTHER),
  ]
  const r = await postEvents(t.app, s.token, events)
  expect(r.json().accepted).toBe(events.length)
})
afterAll(async () => {
  await t.cleanup()
})

describe('end-of-session summary', () => {
  it('who finished what, scores, times, the top wrong choices and what nobody visited', () => {
    const s = buildSessionSummary(t.ctx.db, SESSION, {
      plannedExhibitIds: ['fire-escape', 'quake-drill', 'flood-typhoon'],
      passportCodes: [A, B, C],
      labels: { school: '槐树小学', grade: '四年级', className: '2班' },
    })
    expect(SessionSummarySchema.parse(s)).toEqual(s)
    expect(s.passports).toEqual([
      { code: A, completed: ['fire-escape'], stamps: ['fire-escape'], scores: { 'fire-escape': { score: 2, maxScore: 2 } } },
      {
        code: B,
        completed: ['fire-escape', 'quake-drill'],
        stamps: ['quake-drill'],
        scores: { 'fire-escape': { score: 0, maxScore: 2 }, 'quake-drill': { score: 2, maxScore: 2 } },
      },
      { code: C, completed: [], stamps: [], scores: {} },
    ])
    const fire = s.exhibits.find((e) => e.exhibitId === 'fire-escape')!
    // Finishers: A (best 2), B (0), the anonymous run (1) → mean 1; durations 100 s, 60 s, 200 s, 300 s → median 150 s.
    expect(fire).toEqual({
      exhibitId: 'fire-escape',
      planned: true,
      starts: 4,
      finishers: 3,
      stamps: 1,
      averageScore: 1,
      maxScore: 2,
      medianDurationMs: 150_000,
    })
    expect(s.exhibits.map((e) => e.exhibitId)).toEqual(['fire-escape', 'quake-drill', 'flood-typhoon'])
    expect(s.exhibits[2]).toMatchObject({ starts: 0, finishers: 0, averageScore: null, medianDurationMs: null })
    expect(s.notVisited).toEqual(['flood-typhoon'])
    expect(s.anonymousRuns).toBe(1)
    // Lift in the quiz: A and B of three who answered (the other session's q-run-up is not counted);
    // then one student each, the larger share first; hiding's two wrong choices tie, the first by id stands.
    expect(s.misconceptions).toEqual([
      { exhibitId: 'fire-escape', kind: 'quiz', itemId: 'lift', choiceId: 'q-take-lift', chosen: 2, respondents: 3, share: 0.667, correctChoiceId: 'q-stairs' },
      { exhibitId: 'fire-escape', kind: 'step', itemId: 'stairs', choiceId: 'stairs-take-lift', chosen: 1, respondents: 2, share: 0.5, correctChoiceId: null },
      {
        exhibitId: 'fire-escape',
        kind: 'quiz',
        itemId: 'hiding',
        choiceId: 'q-under-bed',
        chosen: 1,
        respondents: 3,
        share: 0.333,
        correctChoiceId: 'q-warn-and-leave',
      },
    ])
    expect(s.firstEventAt! < s.lastEventAt!).toBe(true)
  })

  it('a session with no events is an empty summary, every planned exhibit unvisited', () => {
    const s = buildSessionSummary(t.ctx.db, '0195c1d2-0000-7000-8000-00000000a0ff', { plannedExhibitIds: ['quake-drill'], passportCodes: [], labels: null })
    expect(s).toMatchObject({ passports: [], misconceptions: [], notVisited: ['quake-drill'], anonymousRuns: 0, firstEventAt: null })
  })

  it('GET /api/guide/sessions/:id/summary takes the class from its passport batch', async () => {
    const res = await t.app.inject({
      url: `/api/guide/sessions/${SESSION}/summary?batchId=${batchId}&exhibits=fire-escape,quake-drill`,
      headers: { authorization: `Bearer ${guide}` },
    })
    expect(res.statusCode, res.body).toBe(200)
    const body = SessionSummarySchema.parse(res.json())
    expect(body.labels).toEqual({ school: '槐树小学', grade: '四年级', className: '2班' })
    expect(body.passports.map((p) => p.code)).toEqual([A, B, C])
    expect(body.notVisited).toEqual([])
    expect(body.misconceptions[0]).toMatchObject({ itemId: 'lift', choiceId: 'q-take-lift' })
  })

  it('answers 4xx with reasons: no login, a station token, a bad session id, an unknown exhibit or batch', async () => {
    const url = `/api/guide/sessions/${SESSION}/summary`
    const cases: [string, Record<string, string>, number, RegExp][] = [
      [url, {}, 401, /Bearer/],
      [url, { authorization: `Bearer ${stationToken}` }, 403, /guide or admin/],
      ['/api/guide/sessions/not-a-uuid/summary', { authorization: `Bearer ${guide}` }, 400, /sessionId/],
      [`${url}?exhibits=fire-escape,no-such-thing`, { authorization: `Bearer ${guide}` }, 400, /unknown exhibit "no-such-thing"/],
      [`${url}?batchId=${crypto.randomUUID()}`, { authorization: `Bearer ${guide}` }, 404, /batchId/],
      [`${url}?passports=${A}`, { authorization: `Bearer ${guide}` }, 400, /passports|Unrecognized/i],
      [`${url}?x=1`, { authorization: `Bearer ${guide}` }, 400, /x|Unrecognized/i],
    ]
    for (const [u, headers, status, reason] of cases) {
      const res = await t.app.inject({ url: u, headers })
      expect(res.statusCode, `${u}: ${res.body}`).toBe(status)
      expect(res.json().reasons.join(' '), u).toMatch(reason)
    }
  })
})
