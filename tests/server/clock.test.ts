// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

describe('the injectable clock', () => {
  it('is the only time the server stores: enrollment, users, sessions, receipt', async () => {
    t = await testApp({ sessionTtlMs: 3_600_000 })
    // Far from the real time, so a stray Date.now() cannot pass for it. (The day key comes from the event's own time.)
    const at = Date.parse('2026-03-01T15:59:30.000Z')
    t.clock.advance(at - t.clock.now())
    const station = await registerStation(t.app)
    await loginAs(t, 'alice')
    const e = makeEvent(station.stationId, { time: new Date(at).toISOString() })
    expect((await postEvents(t.app, station.token, [e])).statusCode).toBe(200)
    const db = t.ctx.db
    expect(db.prepare('SELECT created_ms FROM stations').pluck().get()).toBe(at)
    expect(db.prepare('SELECT created_ms FROM users').pluck().get()).toBe(at)
    expect(db.prepare('SELECT expires_ms FROM auth_sessions').pluck().get()).toBe(at + 3_600_000)
    expect(db.prepare('SELECT received_ms, day FROM events').get()).toEqual({ received_ms: at, day: '2026-03-01' })
    expect(db.prepare('SELECT last_seen_ms FROM stations').pluck().get()).toBe(at)
  })

  it('decides what is "in the future" by the server clock, not the real one', async () => {
    t = await testApp()
    const station = await registerStation(t.app)
    const inAnHour = new Date(t.clock.now() + 3_600_000).toISOString()
    expect((await postEvents(t.app, station.token, [makeEvent(station.stationId, { time: inAnHour })])).statusCode).toBe(400)
    t.clock.advance(3_600_000)
    expect((await postEvents(t.app, station.token, [makeEvent(station.stationId, { time: inAnHour })])).json()).toMatchObject({ accepted: 1 })
  })
})
