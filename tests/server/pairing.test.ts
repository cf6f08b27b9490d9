// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/server/config.ts'
import { countEvents, loginAs, makeEvent, postEvents, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
  cleanup = undefined
})

const SECRET = 's'.repeat(43)
const UA = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36'

/** A server with pairing on (no open enrolment) and a signed-in guide. */
async function closedApp(over: Parameters<typeof testApp>[0] = {}) {
  const t = await testApp({ openEnroll: false, ...over })
  cleanup = t.cleanup
  return { t, guide: await loginAs(t, 'wang', 'guide', '2468') }
}

function ask(t: TestApp, stationId: string, body: Record<string, unknown> = {}) {
  return t.app.inject({
    method: 'POST',
    url: '/api/stations',
    payload: { stationId, name: 'kiosk-2F', secret: SECRET, ...body },
    headers: { 'user-agent': UA },
  })
}
const poll = (t: TestApp, stationId: string, secret = SECRET) =>
  t.app.inject({ url: `/api/stations/pairing/${stationId}`, headers: { 'x-station-secret': secret } })
const decide = (t: TestApp, stationId: string, what: 'approve' | 'reject', token: string, code?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/stations/pending/${stationId}/${what}`,
    headers: { authorization: `Bearer ${token}` },
    ...(code === undefined ? {} : { payload: { code } }),
  })

describe('station pairing', () => {
  it('pending → a guide approves with the code the station shows → the token comes once and works', async () => {
    const { t, guide } = await closedApp()
    const id = crypto.randomUUID()
    const first = await ask(t, id)
    expect(first.statusCode, first.body).toBe(202)
    const { code, codeExpiresAt } = first.json() as { code: string; codeExpiresAt: string }
    expect(code).toMatch(/^\d{6}$/)
    expect(Date.parse(codeExpiresAt) - t.clock.now()).toBe(600_000)
    // No token yet: the station is not enrolled, and asking again (a reload) shows the same code.
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM stations').pluck().get()).toBe(0)
    expect((await ask(t, id)).json()).toMatchObject({ status: 'pending', code })
    expect((await poll(t, id)).json()).toMatchObject({ status: 'pending', code })

    const list = await t.app.inject({ url: '/api/stations/pending', headers: { authorization: `Bearer ${guide}` } })
    expect(list.statusCode).toBe(200)
    expect(list.json().stations).toEqual([
      { stationId: id, name: 'kiosk-2F', agent: 'Chrome 131 · Android', firstSeenAt: new Date(t.clock.now()).toISOString(), codeExpiresAt },
    ])
    // The list does not reveal the code (the guide reads it off the station) nor any address.
    expect(list.body).not.toContain(code)
    expect(list.body).not.toContain('127.0.0.1')

    const ok = await decide(t, id, 'approve', guide, code)
    expect(ok.statusCode, ok.body).toBe(200)
    // Who let this device write to the center is on the audit record.
    const audited = () => t.ctx.db.prepare('SELECT user_name AS who, action, detail FROM audit_log WHERE action LIKE ?').all('station-%')
    expect(audited()).toEqual([{ who: expect.any(String), action: 'station-approve', detail: `kiosk-2F (${id.slice(0, 8)})` }])
    expect((await t.app.inject({ url: '/api/stations/pending', headers: { authorization: `Bearer ${guide}` } })).json().stations).toEqual([])
    const approved = await poll(t, id)
    expect(approved.json()).toMatchObject({ status: 'approved', stationId: id, token: expect.stringMatching(/^sst_/) })
    const { token } = approved.json() as { token: string }
    expect((await postEvents(t.app, token, [makeEvent(id)])).statusCode).toBe(200)
    expect(countEvents(t)).toBe(1)
    // Once: the request is gone; a station whose answer was lost re-registers with its secret (201).
    expect((await poll(t, id)).statusCode).toBe(404)
    expect(JSON.stringify(t.ctx.db.prepare('SELECT * FROM stations').all())).not.toContain(token)
    expect((await ask(t, id)).statusCode).toBe(201)
  })

  it('refuses a wrong code, voids a code after five wrong tries, and an expired code', async () => {
    const { t, guide } = await closedApp({ pairingCodeTtlMs: 60_000 })
    const id = crypto.randomUUID()
    const { code } = (await ask(t, id)).json() as { code: string }
    const wrong = code === '000000' ? '000001' : '000000'
    const res = await decide(t, id, 'approve', guide, wrong)
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ error: 'wrong-pairing-code', reasons: [expect.stringMatching(/4 tries left/)] })
    for (let i = 0; i < 4; i++) expect((await decide(t, id, 'approve', guide, wrong)).statusCode).toBe(403)
    // Five wrong tries: even the right code no longer works, and the station gets a new one.
    expect((await decide(t, id, 'approve', guide, code)).json().error).toBe('pairing-code-expired')
    const renewed = (await poll(t, id)).json() as { code: string }
    expect((await decide(t, id, 'approve', guide, 'abc')).statusCode).toBe(400)

    t.clock.advance(60_000)
    const late = await decide(t, id, 'approve', guide, renewed.code)
    expect(late.statusCode).toBe(410)
    expect(late.json().error).toBe('pairing-code-expired')
    const fresh = (await poll(t, id)).json() as { code: string; codeExpiresAt: string }
    expect(Date.parse(fresh.codeExpiresAt)).toBe(t.clock.now() + 60_000)
    expect((await decide(t, id, 'approve', guide, fresh.code)).statusCode).toBe(200)
  })

  it('a rejected station gets no token; strangers cannot poll, hijack or approve', async () => {
    const { t, guide } = await closedApp()
    const id = crypto.randomUUID()
    const { code } = (await ask(t, id)).json() as { code: string }
    // Another device with the same id but not its secret; a poll with a wrong secret.
    expect((await ask(t, id, { secret: 'x'.repeat(43) })).json().error).toBe('station-pairing-in-progress')
    expect((await poll(t, id, 'x'.repeat(43))).statusCode).toBe(404)
    // Without a secret there is nothing to poll with: a plain refusal.
    expect((await t.app.inject({ method: 'POST', url: '/api/stations', payload: { stationId: crypto.randomUUID() } })).json().error).toBe('approval-required')
    // A station token (and no token) cannot approve or list.
    const admin = await loginAs(t, 'zhao')
    const enrolled = await t.app.inject({
      method: 'POST',
      url: '/api/stations',
      payload: { stationId: crypto.randomUUID() },
      headers: { authorization: `Bearer ${admin}` },
    })
    expect(enrolled.statusCode).toBe(201)
    const station = enrolled.json() as { token: string }
    expect((await decide(t, id, 'approve', station.token, code)).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/stations/pending', headers: { authorization: `Bearer ${station.token}` } })).statusCode).toBe(403)
    expect((await t.app.inject({ method: 'POST', url: `/api/stations/pending/${id}/approve`, payload: { code } })).statusCode).toBe(401)

    expect((await decide(t, id, 'reject', guide)).statusCode).toBe(200)
    expect((await decide(t, id, 'approve', guide, code)).statusCode).toBe(404)
    expect((await decide(t, id, 'reject', guide)).statusCode).toBe(404)
    // Refusals by strangers left no trace; the one rejection did.
    expect(t.ctx.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'station-%'").pluck().all()).toEqual(['station-reject'])
    expect((await poll(t, id)).json().error).toBe('pairing-rejected')
    expect((await ask(t, id)).statusCode).toBe(403)
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM stations WHERE id = ?').pluck().get(id)).toBe(0)
  })

  it('an approval does not replace a station enrolled meanwhile by an admin', async () => {
    const { t, guide } = await closedApp()
    const id = crypto.randomUUID()
    const { code } = (await ask(t, id)).json() as { code: string }
    const admin = await loginAs(t, 'alice')
    const direct = await t.app.inject({ method: 'POST', url: '/api/stations', payload: { stationId: id }, headers: { authorization: `Bearer ${admin}` } })
    const { token } = direct.json() as { token: string }
    expect((await decide(t, id, 'approve', guide, code)).statusCode).toBe(200)
    expect((await poll(t, id)).json().error).toBe('station-already-enrolled')
    expect((await postEvents(t.app, token, [makeEvent(id)])).statusCode).toBe(200)
  })

  it('at most 50 stations wait: made-up ids cannot bury the real one; idle requests leave the list', async () => {
    const { t, guide } = await closedApp()
    for (let i = 0; i < 50; i++) {
      if (i % 25 === 0) t.clock.advance(60_000) // past the per-IP rate limit of 30 a minute
      expect((await ask(t, crypto.randomUUID())).statusCode).toBe(202)
    }
    const full = await ask(t, crypto.randomUUID())
    expect(full.statusCode).toBe(429)
    expect(full.json().error).toBe('too-many-pending-stations')
    // An hour without a question from them and they are gone.
    t.clock.advance(3600_001)
    expect((await ask(t, crypto.randomUUID())).statusCode).toBe(202)
    expect((await t.app.inject({ url: '/api/stations/pending', headers: { authorization: `Bearer ${guide}` } })).json().stations).toHaveLength(1)
  })

  it('the enrol code still enrols at once; STATION_OPEN_ENROLL=1 (off by default) enrols anyone', async () => {
    expect(loadConfig({}).openEnroll).toBe(false)
    expect(loadConfig({ STATION_OPEN_ENROLL: '1' }).openEnroll).toBe(true)
    const t = await testApp({ openEnroll: false, enrollCode: 'guohuai-2026' })
    cleanup = t.cleanup
    const withCode = await ask(t, crypto.randomUUID(), { enrollCode: 'guohuai-2026' })
    expect(withCode.statusCode).toBe(201)
    expect((await ask(t, crypto.randomUUID(), { enrollCode: 'guess' })).json().error).toBe('enroll-code-required')
    expect((await ask(t, crypto.randomUUID())).statusCode).toBe(202)
    await cleanup?.()
    const open = await testApp({ openEnroll: true })
    cleanup = open.cleanup
    expect((await ask(open, crypto.randomUUID())).statusCode).toBe(201)
  })
})
