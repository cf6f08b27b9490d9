// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeEvent, postEvents, registerStation, testApp, countEvents } from './helpers.ts'

let cleanup: (() => Promise<void>) | undefined
afterEach(async () => {
  await cleanup?.()
  cleanup = undefined
})

describe('roles and tokens', () => {
  it('a station token cannot read statistics; a guide can (but not a passport they did not issue)', async () => {
    const t = await testApp()
    cleanup = t.cleanup
    const station = await registerStation(t.app)
    const guide = await loginAs(t, 'wang', 'guide', '2468')
    for (const url of [
      '/api/stats/days',
      '/api/stats/sessions',
      '/api/stats/exhibits',
      '/api/stats/quiz',
      '/api/stats/passports/0000000000',
      '/api/stats/unknown-passports',
    ]) {
      const asStation = await t.app.inject({ url, headers: { authorization: `Bearer ${station.token}` } })
      expect(asStation.statusCode, url).toBe(403)
      const anonymous = await t.app.inject({ url })
      expect(anonymous.statusCode, url).toBe(401)
      const asGuide = await t.app.inject({ url, headers: { authorization: `Bearer ${guide}` } })
      // A code nobody issued is admin-only (tests/server/rights-audit.test.ts has the whole matrix).
      expect(asGuide.statusCode, url).toBe(url.startsWith('/api/stats/passports/') ? 403 : 200)
    }
  })

  it('no token, a forged token or a user token cannot write events', async () => {
    const t = await testApp()
    cleanup = t.cleanup
    const station = await registerStation(t.app)
    const admin = await loginAs(t, 'alice')
    const e = makeEvent(station.stationId)
    expect((await postEvents(t.app, null, [e])).statusCode).toBe(401)
    expect((await postEvents(t.app, 'sst_forgedforgedforgedforgedforged', [e])).json()).toMatchObject({ error: 'invalid-token' })
    expect((await postEvents(t.app, admin, [e])).statusCode).toBe(403)
    expect(countEvents(t)).toBe(0)
    expect((await postEvents(t.app, station.token, [e])).statusCode).toBe(200)
  })

  it('refuses a wrong password and rate-limits repeated tries per IP and name', async () => {
    const t = await testApp({ loginRateMax: 5 })
    cleanup = t.cleanup
    await loginAs(t, 'alice', 'admin', 'right-password')
    const codes: number[] = []
    for (let i = 0; i < 7; i++) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'alice', password: `wrong-${i}` } })
      codes.push(res.statusCode)
      if (res.statusCode === 401) expect(res.json()).toMatchObject({ error: 'bad-credentials' })
    }
    // The successful login in loginAs counted as the first attempt.
    expect(codes).toEqual([401, 401, 401, 401, 429, 429, 429])
    const right = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'alice', password: 'right-password' } })
    expect(right.statusCode).toBe(429)
    // Another name from the same IP has its own budget, and an unknown name is a plain 401.
    const other = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'bob', password: 'whatever' } })
    expect(other.statusCode).toBe(401)
    // The window is one minute of the app's clock.
    t.clock.advance(59_000)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'alice', password: 'right-password' } })).statusCode).toBe(429)
    t.clock.advance(1_000)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'alice', password: 'right-password' } })).statusCode).toBe(200)
  })

  it('expired sessions and logged-out tokens are refused', async () => {
    const t = await testApp({ sessionTtlMs: 1000 })
    cleanup = t.cleanup
    const token = await loginAs(t, 'alice')
    const ok = await t.app.inject({ url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })
    expect(ok.json()).toEqual({ name: 'alice', role: 'admin' })
    t.clock.advance(999)
    expect((await t.app.inject({ url: '/api/stats/days', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200)
    t.clock.advance(1)
    const expired = await t.app.inject({ url: '/api/stats/days', headers: { authorization: `Bearer ${token}` } })
    expect(expired.statusCode).toBe(401)
    const fresh = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'alice', password: 'correct-horse' } })).json().token as string
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { authorization: `Bearer ${fresh}` } })).statusCode).toBe(204)
    expect((await t.app.inject({ url: '/api/stats/days', headers: { authorization: `Bearer ${fresh}` } })).statusCode).toBe(401)
  })

  it('tokens and passwords are stored hashed only, at the production scrypt cost, which verifies at login', async () => {
    // The one server test at the context's default cost (the others lower it: helpers.ts).
    const t = await testApp({}, { passwordCost: 'production' })
    cleanup = t.cleanup
    const station = await registerStation(t.app)
    const admin = await loginAs(t, 'alice', 'admin', 'correct-horse')
    const dump = JSON.stringify([
      t.ctx.db.prepare('SELECT * FROM stations').all(),
      t.ctx.db.prepare('SELECT * FROM users').all(),
      t.ctx.db.prepare('SELECT * FROM auth_sessions').all(),
    ])
    expect(dump).not.toContain(station.token)
    expect(dump).not.toContain(admin)
    expect(dump).not.toContain('correct-horse')
    expect(dump).toMatch(/scrypt\$16384\$8\$1\$/)
  })
})

describe('station enrollment', () => {
  it('is open for a new id with STATION_OPEN_ENROLL=1; an enrolled id is not taken over by someone who only knows it', async () => {
    const t = await testApp()
    cleanup = t.cleanup
    const secret = 'a'.repeat(43)
    const first = await registerStation(t.app, { secret })
    const again = (body: Record<string, unknown>, token?: string) =>
      t.app.inject({ method: 'POST', url: '/api/stations', payload: { name: 'x', ...body }, headers: token ? { authorization: `Bearer ${token}` } : {} })
    const guide = await loginAs(t, 'wang', 'guide', '2468')
    const admin = await loginAs(t, 'alice', 'admin')
    // A stranger (no proof, a wrong secret, the id in upper case, a guide, another station): 409, and the station keeps working.
    const other = await registerStation(t.app)
    for (const res of [
      await again({ stationId: first.stationId }),
      await again({ stationId: first.stationId, secret: 'b'.repeat(43) }),
      await again({ stationId: first.stationId.toUpperCase() }),
      await again({ stationId: first.stationId }, guide),
      await again({ stationId: first.stationId }, other.token),
    ]) {
      expect(res.statusCode, res.body).toBe(409)
      expect(res.json()).toMatchObject({ error: 'station-already-enrolled', reasons: [expect.stringMatching(/admin/)] })
    }
    expect((await again({ stationId: first.stationId }, 'sst_not-a-real-token')).statusCode).toBe(401)
    expect((await postEvents(t.app, first.token, [makeEvent(first.stationId)])).statusCode).toBe(200)

    // Its secret (a lost answer), its current token (rotation) or an admin (re-approval) get a new token; the old one is void.
    let token = first.token
    for (const [body, auth] of [[{ secret }], [{}, 'current'], [{}, admin]] as const) {
      const res = await again({ stationId: first.stationId, ...body }, auth === 'current' ? token : auth)
      expect(res.statusCode, res.body).toBe(201)
      const next = (res.json() as { token: string }).token
      expect((await postEvents(t.app, token, [makeEvent(first.stationId)])).statusCode).toBe(401)
      expect((await postEvents(t.app, next, [makeEvent(first.stationId)])).statusCode).toBe(200)
      token = next
    }
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM stations').pluck().get()).toBe(2)
  })

  it('enrols with STATION_ENROLL_CODE when open enrolment is off (pairing: pairing.test.ts)', async () => {
    const t = await testApp({ enrollCode: 'guohuai-2026', openEnroll: false })
    cleanup = t.cleanup
    const stationId = crypto.randomUUID()
    const none = await t.app.inject({ method: 'POST', url: '/api/stations', payload: { stationId } })
    expect(none.statusCode).toBe(403)
    expect(none.json().error).toBe('approval-required')
    const wrong = await t.app.inject({ method: 'POST', url: '/api/stations', payload: { stationId, enrollCode: 'guess' } })
    expect(wrong.statusCode).toBe(403)
    const right = await t.app.inject({ method: 'POST', url: '/api/stations', payload: { stationId, enrollCode: 'guohuai-2026' } })
    expect(right.statusCode).toBe(201)
    expect(right.json().token).toMatch(/^sst_/)
    // An admin re-approving an enrolled station needs no code.
    const admin = await loginAs(t, 'alice', 'admin')
    const reapproved = await t.app.inject({ method: 'POST', url: '/api/stations', payload: { stationId }, headers: { authorization: `Bearer ${admin}` } })
    expect(reapproved.statusCode).toBe(201)
  })
})
