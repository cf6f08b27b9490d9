// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})
const DAY = 86_400_000

describe('the retention job', () => {
  it('rolls per-passport records older than RETENTION_DAYS into anonymous counts; every statistic stays equal', async () => {
    t = await testApp({ retentionDays: 30 })
    const s = await registerStation(t.app)
    let admin = await loginAs(t, 'alice')
    // Sessions last hours and this test moves the clock by days.
    const relogin = async () => {
      admin = (await t!.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'alice', password: 'correct-horse' } })).json().token
    }
    const [a, b, c] = (await issuePassports(t.app, admin, 3)) as [string, string, string]
    const oldSession = crypto.randomUUID(),
      newSession = crypto.randomUUID()
    const now = t.clock.now()
    const at = (daysAgo: number) => new Date(now - daysAgo * DAY).toISOString()
    const ev = (passportId: string, daysAgo: number, sessionId: string, over: Record<string, unknown> = {}) =>
      makeEvent(s.stationId, { passportId, sessionId, time: at(daysAgo), ...over })
    const done = (ms: number) => ({ type: 'exhibit-completed', data: { score: 3, maxScore: 4, passed: true, durationMs: ms } })
    const events = [
      ev(a, 20, oldSession),
      ev(a, 20, oldSession, done(60_000)),
      ev(b, 20, oldSession),
      ev(b, 20, oldSession, done(90_000)),
      ev(a, 20, oldSession, { type: 'answer-given', data: { quizId: 'q-exit', choiceId: 'b', correct: false } }),
      ev(b, 19, oldSession, { exhibitId: 'quake-drill' }),
      ev(a, 2, newSession),
      ev(c, 2, newSession, done(30_000)),
      ev(c, 1, newSession),
    ]
    expect((await postEvents(t.app, s.token, events)).json()).toMatchObject({ accepted: events.length })
    const urls = ['/api/stats/days', '/api/stats/sessions', '/api/stats/exhibits', '/api/stats/quiz']
    const stats = async () =>
      Promise.all(urls.map(async (u) => (await t!.app.inject({ url: u, headers: { authorization: `Bearer ${admin}` } })).json() as unknown))
    const withPassport = () => t!.ctx.db.prepare('SELECT COUNT(*) FROM events WHERE passport_id IS NOT NULL').pluck().get()

    const before = await stats()
    expect(t.ctx.retention()).toMatchObject({ eventsAnonymised: 0, visitorDaysRolled: 0 })

    // 15 days later the events of 19–20 days ago are 34–35 days old: past the 30 days.
    t.clock.advance(15 * DAY)
    await relogin()
    const r = t.ctx.retention()
    expect(r).toMatchObject({ eventsAnonymised: 6, visitorDaysRolled: 3, sessionVisitorsRolled: 2, passportsExpired: 0 })
    expect(await stats()).toEqual(before)
    expect(withPassport()).toBe(3)
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM daily_visitors').pluck().get()).toBe(3) // a and c on day −2, c on day −1
    // Idempotent: a second run changes nothing.
    expect(t.ctx.retention()).toMatchObject({ eventsAnonymised: 0, visitorDaysRolled: 0, sessionVisitorsRolled: 0 })
    expect(await stats()).toEqual(before)

    // A late upload of an event older than the retention period is stored without its passport (no double count).
    const late = ev(a, 40, oldSession)
    expect((await postEvents(t.app, s.token, [late])).json().results[0]).toMatchObject({ status: 'accepted', reason: expect.stringMatching(/retention/) })
    expect(withPassport()).toBe(3)

    // A year on, nothing is left that names a passport; passports without activity expire, their batch goes.
    const beforeYear = await stats()
    t.clock.advance(400 * DAY)
    await relogin()
    expect(t.ctx.retention()).toMatchObject({ eventsAnonymised: 3, passportsExpired: 3, batchesDropped: 1 })
    expect(await stats()).toEqual(beforeYear)
    expect(withPassport()).toBe(0)
    for (const table of ['daily_visitors', 'session_visitors', 'passport_batches']) {
      expect(t.ctx.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get(), table).toBe(0)
    }
    expect((await t.app.inject({ url: `/api/passports/${a}` })).statusCode).toBe(410)
  })
})
