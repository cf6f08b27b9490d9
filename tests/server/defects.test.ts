// @vitest-environment node
import { connect } from 'node:net'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { createDayOf } from '../../src/server/day-key.ts'
import { loadConfig } from '../../src/server/config.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

/** Regression tests for the six defects the black-box test of the API found (issue 14). */
let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

const results = (res: { json: () => unknown }) => (res.json() as { results: { id: string | null; status: string; reason?: string }[] }).results
const clockOf = (app: TestApp, stationId: string) =>
  app.ctx.db.prepare('SELECT clock_off_ms AS at, clock_off_event_ms AS eventMs FROM stations WHERE id = ?').get(stationId) as {
    at: number | null
    eventMs: number | null
  }

describe('1. event times have a lower bound', () => {
  it("refuses times before the center's first day with a reason and flags the station's clock", async () => {
    t = await testApp()
    const s = await registerStation(t.app)
    const old = ['0001-01-01T00:00:00Z', '0000-06-01T00:00:00Z', '1900-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2019-12-31T15:59:59Z']
    const res = await postEvents(
      t.app,
      s.token,
      old.map((time) => makeEvent(s.stationId, { time })),
    )
    expect(res.statusCode).toBe(400)
    for (const r of results(res)) expect(r).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/first day 2020-01-01.*clock/) })
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(0)
    expect(clockOf(t, s.stationId)).toEqual({ at: t.clock.now(), eventMs: Date.parse('2019-12-31T15:59:59Z') })

    // 2020-01-01 00:00 in Asia/Shanghai is the first moment allowed; an event of now clears the flag.
    const ok = [makeEvent(s.stationId, { time: '2019-12-31T16:00:00Z' }), makeEvent(s.stationId)]
    expect((await postEvents(t.app, s.token, ok)).json()).toMatchObject({ accepted: 2 })
    expect(clockOf(t, s.stationId)).toEqual({ at: null, eventMs: null })
  })

  it('a time too far in the future flags the clock too; an old (offline) event alone does not clear it', async () => {
    t = await testApp()
    const s = await registerStation(t.app)
    const future = new Date(t.clock.now() + 3_600_000).toISOString()
    expect(results(await postEvents(t.app, s.token, [makeEvent(s.stationId, { time: future })]))[0]?.reason).toMatch(/future.*clock/)
    expect(clockOf(t, s.stationId).eventMs).toBe(Date.parse(future))
    const yesterday = new Date(t.clock.now() - 86_400_000).toISOString()
    expect((await postEvents(t.app, s.token, [makeEvent(s.stationId, { time: yesterday })])).statusCode).toBe(200)
    expect(clockOf(t, s.stationId).eventMs).toBe(Date.parse(future))
  })

  it('CENTER_FIRST_DAY moves the bound and must be a real day', async () => {
    expect(loadConfig({}).firstDay).toBe('2020-01-01')
    expect(loadConfig({ CENTER_FIRST_DAY: '2026-01-01' }).firstDay).toBe('2026-01-01')
    for (const bad of ['2026-02-30', '1970-01-01', '20260101', 'yesterday'])
      expect(() => loadConfig({ CENTER_FIRST_DAY: bad }), bad).toThrow(/CENTER_FIRST_DAY/)
    t = await testApp({ firstDay: '2026-01-01' })
    const s = await registerStation(t.app)
    expect(results(await postEvents(t.app, s.token, [makeEvent(s.stationId, { time: '2025-12-31T12:00:00Z' })]))[0]?.reason).toMatch(/2026-01-01/)
  })
})

describe('2. day keys fit every offset', () => {
  it('Asia/Kathmandu (+05:45): 23:55 and 00:05 local are two days', async () => {
    t = await testApp({ timeZone: 'Asia/Kathmandu' })
    const s = await registerStation(t.app)
    const late = makeEvent(s.stationId, { time: '2026-03-01T23:55:00+05:45' })
    const early = makeEvent(s.stationId, { time: '2026-03-02T00:05:00+05:45' })
    await postEvents(t.app, s.token, [late, early])
    const day = t.ctx.db.prepare('SELECT day FROM events WHERE id = ?').pluck()
    expect([day.get(late.id), day.get(early.id)]).toEqual(['2026-03-01', '2026-03-02'])
  })

  it('the cached day always equals Intl, whatever the offset or DST, in any order of calls', () => {
    const zones = ['Asia/Kathmandu', 'Australia/Eucla', 'Pacific/Chatham', 'America/St_Johns', 'Asia/Kolkata', 'Europe/Berlin', 'Asia/Shanghai']
    const formats = new Map<string, Intl.DateTimeFormat>()
    const fresh = (tz: string, ms: number) => {
      const f = formats.get(tz) ?? new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
      formats.set(tz, f)
      const p = Object.fromEntries(f.formatToParts(ms).map((x) => [x.type, x.value]))
      return `${p.year}-${p.month}-${p.day}`
    }
    const cached = new Map([...zones, 'Africa/Monrovia'].map((z) => [z, createDayOf(z)]))
    const around = Date.parse('2026-03-01T00:00:00Z')
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: -400 * 86_400_000, max: 400 * 86_400_000 }), (tz, d) => {
        expect(cached.get(tz)!(around + d)).toBe(fresh(tz, around + d))
      }),
      { numRuns: 500 },
    )
    // Every 10 s of a whole day: in Kathmandu (+05:45) and in Monrovia in 1971 (-00:44:30,
    // an offset off any slot grid), so every slot that holds a midnight is met.
    for (const [tz, day] of [
      ['Asia/Kathmandu', around],
      ['Africa/Monrovia', Date.parse('1971-06-01T00:00:00Z')],
    ] as const) {
      const dayOf = cached.get(tz)!
      for (let ms = day; ms < day + 86_400_000; ms += 10_000) expect(dayOf(ms), `${tz} ${new Date(ms).toISOString()}`).toBe(fresh(tz, ms))
    }
  })
})

describe('3. event ids are case-insensitive', () => {
  it('an upper-case id is the same event: stored once, answered with the id as sent', async () => {
    t = await testApp()
    const s = await registerStation(t.app)
    const e = makeEvent(s.stationId)
    const upper = { ...e, id: e.id.toUpperCase() }
    const first = results(await postEvents(t.app, s.token, [upper]))
    expect(first).toEqual([{ id: upper.id, status: 'accepted' }])
    expect(results(await postEvents(t.app, s.token, [e]))).toEqual([{ id: e.id, status: 'duplicate' }])
    expect(t.ctx.db.prepare('SELECT id FROM events').pluck().all()).toEqual([e.id])
  })
})

describe('4. a passport history pages; its summary counts every event', () => {
  it('2 100 events: three pages in order, summary over all', async () => {
    t = await testApp({ ingestRateMax: 1000 })
    const s = await registerStation(t.app)
    const staff = await loginAs(t, 'li', 'admin', 'a long password')
    const [code] = await issuePassports(t.app, staff, 1)
    const base = t.clock.now() - 3 * 86_400_000
    const events = Array.from({ length: 2100 }, (_, i) =>
      makeEvent(s.stationId, {
        passportId: code,
        time: new Date(base + i * 1000).toISOString(),
        type: 'answer-given',
        exhibitId: i < 1600 ? 'fire-escape' : 'quake-drill',
        data: { quizId: 'q', choiceId: 'a', correct: i % 5 === 0 },
      }),
    )
    for (let i = 0; i < events.length; i += 500) expect((await postEvents(t.app, s.token, events.slice(i, i + 500))).statusCode).toBe(200)
    const get = async (q: string) => {
      const res = await t!.app.inject({ url: `/api/stats/passports/${code}${q}`, headers: { authorization: `Bearer ${staff}` } })
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
      return res.json() as { events: { id: string }[]; nextCursor: string | null; answers: number; correctAnswers: number; totalEvents: number }
    }
    const seen: string[] = []
    let page = await get('')
    expect(page).toMatchObject({ answers: 2100, correctAnswers: 420, totalEvents: 2100, exhibitsStarted: [] })
    for (;;) {
      seen.push(...page.events.map((e) => e.id))
      if (page.nextCursor === null) break
      page = await get(`?cursor=${encodeURIComponent(page.nextCursor)}`)
    }
    expect(seen).toEqual(events.map((e) => e.id))
    expect((await get('?limit=10')).events).toHaveLength(10)
    // The guide's export (a subject access request) is not paged: it holds every event.
    const exported = await t.app.inject({ url: `/api/passports/${code}/export`, headers: { authorization: `Bearer ${staff}` } })
    expect((exported.json() as { events: unknown[] }).events).toHaveLength(2100)
    const bad = await t.app.inject({ url: `/api/stats/passports/${code}?cursor=abc`, headers: { authorization: `Bearer ${staff}` } })
    expect(bad.statusCode).toBe(400)
  })
})

describe('5. inputs that would make invalid xAPI are refused', () => {
  it('a -00:00 offset and the nil/max UUID as session id, each with a reason', async () => {
    t = await testApp()
    const s = await registerStation(t.app)
    const bad = [
      makeEvent(s.stationId, { time: new Date(t.clock.now() - 60_000).toISOString().replace('Z', '-00:00') }),
      makeEvent(s.stationId, { sessionId: '00000000-0000-0000-0000-000000000000' }),
      makeEvent(s.stationId, { sessionId: 'ffffffff-ffff-ffff-ffff-ffffffffffff' }),
    ]
    const ok = makeEvent(s.stationId, { time: new Date(t.clock.now() - 60_000).toISOString().replace('Z', '+00:00') })
    const r = results(await postEvents(t.app, s.token, [...bad, ok]))
    expect(r.map((x) => x.status)).toEqual(['rejected', 'rejected', 'rejected', 'accepted'])
    expect(r[0]?.reason).toMatch(/^time: .*-00:00/)
    expect(r[1]?.reason).toMatch(/^sessionId: .*nil or max UUID/)
    expect(r[2]?.reason).toMatch(/^sessionId: .*nil or max UUID/)
  })
})

describe('6. a body over the limit gets a 413 the client can read', () => {
  it('a chunked upload over a real socket is read to its end, then answered 413', async () => {
    t = await testApp({ bodyLimitBytes: 64 * 1024 })
    const s = await registerStation(t.app)
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as { port: number }
    // Raw HTTP/1.1, like a client that sends its whole body before it reads: before the fix
    // the server closed the socket at the limit and the rest of the body met EPIPE.
    const seen = await new Promise<string[]>((resolve) => {
      const log: string[] = []
      let response = ''
      const sock = connect(port, '127.0.0.1')
      sock.on('data', (d) => (response += d.toString()))
      sock.on('error', (e) => log.push(`error ${e.message}`))
      sock.on('close', () => resolve([...log, response.split('\r\n')[0] ?? '', response.slice(response.indexOf('\r\n\r\n') + 4)]))
      sock.write(
        `POST /api/events HTTP/1.1\r\nHost: sophora\r\ncontent-type: application/json\r\nauthorization: Bearer ${s.token}\r\ntransfer-encoding: chunked\r\n\r\n`,
      )
      // 1 MiB in 16 KiB chunks, each after the last one left (paced like a slow Wi-Fi link).
      const chunk = 'x'.repeat(16 * 1024)
      let left = 64
      const more = (err?: Error | null) => {
        if (err) return void log.push(`write failed: ${err.message}`)
        if (left-- === 0) return void sock.write('0\r\n\r\n', (e) => log.push(e ? `write failed: ${e.message}` : 'sent all'))
        sock.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`, (e) => (e ? more(e) : setTimeout(more, 1)))
      }
      more()
    })
    expect(seen.slice(0, 2)).toEqual(['sent all', 'HTTP/1.1 413 Payload Too Large'])
    expect(JSON.parse(seen[2]!)).toMatchObject({ error: 'body-too-large' })
  })
})
