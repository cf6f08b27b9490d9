// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { countEvents, issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})
const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const starts = (tt: TestApp) => tt.ctx.db.prepare("SELECT COALESCE(SUM(n), 0) FROM daily_counts WHERE type = 'exhibit-started'").pluck().get()

describe('events for passports the server does not know', () => {
  it('are acknowledged, kept aside, reported, not counted, and move in when the passport is issued', async () => {
    const stranger = createPassportCode()
    const forced: { code?: string } = {}
    t = await testApp({}, { newPassportCode: () => forced.code ?? createPassportCode() })
    const s = await registerStation(t.app)
    const guide = await loginAs(t, 'wang', 'guide', '2468')
    const events = [
      makeEvent(s.stationId, { passportId: stranger }),
      makeEvent(s.stationId, { passportId: stranger, type: 'stamp-awarded', data: { stampId: 'fire' } }),
    ]
    const res = await postEvents(t.app, s.token, events)
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ accepted: 2, rejected: 0 })
    expect(res.json().results[0].reason).toMatch(/not issued by this server/)
    expect((await postEvents(t.app, s.token, events)).json()).toMatchObject({ duplicate: 2 })
    expect(countEvents(t)).toBe(0)
    expect(starts(t)).toBe(0)
    const report = await t.app.inject({ url: '/api/stats/unknown-passports', headers: auth(guide) })
    expect(report.json().passports).toEqual([expect.objectContaining({ code: stranger, events: 2, stations: 1 })])
    expect((await t.app.inject({ url: '/api/stats/unknown-passports', headers: auth(s.token) })).statusCode).toBe(403)

    forced.code = stranger
    await issuePassports(t.app, guide, 1)
    expect(countEvents(t)).toBe(2)
    expect(starts(t)).toBe(1)
    expect((await t.app.inject({ url: `/api/passports/${stranger}` })).json().exhibits[0]).toMatchObject({ stamped: true })
    expect((await t.app.inject({ url: '/api/stats/unknown-passports', headers: auth(guide) })).json().passports).toEqual([])
    // A resend after the move is a duplicate, not a second stamp.
    expect((await postEvents(t.app, s.token, events)).json()).toMatchObject({ duplicate: 2 })
    expect(countEvents(t)).toBe(2)
  })

  it('a legacy SP- device passport: accepted as a walk-in event without the id, with a note', async () => {
    t = await testApp()
    const s = await registerStation(t.app)
    const e = makeEvent(s.stationId, { passportId: 'SP-0123456789AB' })
    const res = await postEvents(t.app, s.token, [e])
    expect(res.json().results[0]).toMatchObject({ id: e.id, status: 'accepted', reason: expect.stringMatching(/device passport/) })
    expect(t.ctx.db.prepare('SELECT passport_id FROM events').pluck().get()).toBeNull()
    expect(starts(t)).toBe(1)
  })
})

describe('export and delete', () => {
  it('exports everything held for one passport; delete leaves counts and a 410, and late events stay anonymous', async () => {
    t = await testApp()
    const s = await registerStation(t.app)
    const admin = await loginAs(t, 'alice')
    const [code, other] = (await issuePassports(t.app, admin, 2)) as [string, string]
    const session = crypto.randomUUID()
    await postEvents(t.app, s.token, [
      makeEvent(s.stationId, { passportId: code, sessionId: session }),
      makeEvent(s.stationId, { passportId: code, sessionId: session, type: 'stamp-awarded', data: { stampId: 'fire' } }),
      makeEvent(s.stationId, { passportId: other, sessionId: session }),
    ])
    const x = await t.app.inject({ url: `/api/passports/${code}/export`, headers: auth(admin) })
    expect(x.statusCode).toBe(200)
    expect(x.headers['content-disposition']).toBe(`attachment; filename="passport-${code}.json"`)
    expect(x.json()).toMatchObject({ code, status: 'active', batch: { school: '槐树小学', grade: '四年级', className: '2班' } })
    expect(x.json().events.map((e: { type: string }) => e.type)).toEqual(['exhibit-started', 'stamp-awarded'])

    const stats = async () => {
      const get = async (u: string) => (await t!.app.inject({ url: u, headers: auth(admin) })).json()
      return [await get('/api/stats/days'), await get('/api/stats/sessions'), await get('/api/stats/exhibits')]
    }
    const before = await stats()
    expect(before[0].days[0].visitors).toBe(2)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/passports/${code}`, headers: auth(admin) })).statusCode).toBe(204)
    expect(await stats()).toEqual(before)
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM events WHERE passport_id = ?').pluck().get(code)).toBe(0)
    expect(JSON.stringify(t.ctx.db.prepare('SELECT * FROM daily_visitors UNION ALL SELECT * FROM session_visitors').all())).not.toContain(code)
    expect((await t.app.inject({ url: `/api/passports/${code}/export`, headers: auth(admin) })).json()).toMatchObject({
      status: 'deleted',
      batch: null,
      events: [],
    })
    expect((await t.app.inject({ url: `/api/passports/${code}` })).statusCode).toBe(410)
    // The batch still has `other`, so it stays; a station that was offline brings no passport back.
    await postEvents(t.app, s.token, [makeEvent(s.stationId, { passportId: code })])
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM events WHERE passport_id = ?').pluck().get(code)).toBe(0)
    expect(countEvents(t)).toBe(4)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/passports/${createPassportCode()}`, headers: auth(admin) })).statusCode).toBe(404)
  })
})

describe('logs', () => {
  it('never contain a passport code or a token, also for 4xx answers', async () => {
    const lines: string[] = []
    t = await testApp({}, { logTo: { level: 'trace', lines } })
    const s = await registerStation(t.app)
    const admin = await loginAs(t, 'alice')
    const [code] = (await issuePassports(t.app, admin, 1)) as [string]
    const stranger = createPassportCode()
    for (const url of [
      `/api/passports/${code}`,
      `/api/passports/${code}/status`,
      `/api/passports/${code.toLowerCase()}/export`,
      `/api/stats/passports/${code}`,
      `/api/passports/${stranger}`,
      `/api/passports/${stranger}/nope`,
    ]) {
      await t.app.inject({ url, headers: auth(admin) })
    }
    await t.app.inject({ url: `/api/passports/${code}/status`, headers: auth(s.token) })
    await postEvents(t.app, s.token, [makeEvent(s.stationId, { passportId: code })])
    const log = lines.join('')
    expect(log).toMatch(/\/api\/passports\/:code\/status/)
    for (const secret of [code, code.toLowerCase(), stranger, s.token, admin]) expect(log).not.toContain(secret)
  })
})
