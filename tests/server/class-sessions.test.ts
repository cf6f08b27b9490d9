// @vitest-environment node
import { resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'
import { openStream } from './sse-client.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const newSession = (over: Record<string, unknown> = {}) => ({
  requestId: crypto.randomUUID(),
  school: '槐树小学',
  grade: '四年级',
  className: '2班',
  headcount: 3,
  exhibits: ['fire-escape'],
  ...over,
})

/** The real exhibits when a test needs their texts (the hints' talking points); the fixtures have manifests only. */
async function setup(exhibitsDirs?: string[]) {
  t = await testApp(exhibitsDirs ? { exhibitsDirs } : {})
  const guide = await loginAs(t, 'wang', 'guide', '2468')
  const a = await registerStation(t.app)
  const b = await registerStation(t.app)
  // A station belongs to the console's center once it reports (or is set up).
  for (const s of [a, b]) await t.app.inject({ method: 'POST', url: '/api/station/state', headers: auth(s.token), payload: idleState() })
  return { t, guide, a, b }
}
const idleState = (over: Record<string, unknown> = {}) => ({
  showing: null,
  inRun: false,
  passport: null,
  outbox: 0,
  held: false,
  waiting: null,
  cursor: 0,
  ...over,
})

describe('console API authorisation', () => {
  it('only guides and admins reach it: no token 401, a station token 403 (it cannot send commands)', async () => {
    const { t, guide, a } = await setup()
    const created = await t.app.inject({ method: 'POST', url: '/api/class-sessions', headers: auth(guide), payload: newSession({ stations: [a.stationId] }) })
    expect(created.statusCode).toBe(201)
    const id = created.json().sessionId as string
    const calls = [
      { method: 'GET' as const, url: '/api/console/stations' },
      { method: 'PUT' as const, url: `/api/console/stations/${a.stationId}/profile`, payload: { name: 'VR-1', kind: 'headset', offered: [] } },
      { method: 'GET' as const, url: '/api/class-sessions' },
      { method: 'POST' as const, url: '/api/class-sessions', payload: newSession() },
      { method: 'GET' as const, url: `/api/class-sessions/${id}` },
      { method: 'GET' as const, url: `/api/class-sessions/${id}/live` },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/stations`, payload: { stationId: a.stationId } },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/commands`, payload: { requestId: crypto.randomUUID(), command: { type: 'pause' } } },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/end` },
    ]
    for (const c of calls) {
      expect((await t.app.inject({ ...c, headers: auth(a.token) })).statusCode, c.url).toBe(403)
      expect((await t.app.inject(c)).statusCode, c.url).toBe(401)
    }
    expect(t.ctx.db.prepare("SELECT COUNT(*) FROM station_commands WHERE json_extract(body, '$.type') = 'pause'").pluck().get()).toBe(0)
    expect(t.ctx.classSessions.get(id)?.ended_ms).toBeNull()
    // …and the station's own endpoints refuse a guide.
    expect((await t.app.inject({ method: 'POST', url: '/api/station/state', headers: auth(guide), payload: idleState() })).statusCode).toBe(403)
    expect((await t.app.inject({ url: '/api/station/stream', headers: auth(guide) })).statusCode).toBe(403)
  })

  it("a guide cannot read or end another center's session, nor join a station to it", async () => {
    const { t, guide, a } = await setup()
    const id = crypto.randomUUID()
    t.ctx.db
      .prepare(
        `INSERT INTO class_sessions (id, request_id, center_id, school, grade, class_name, headcount, exhibits, join_code, created_ms)
         VALUES (?, ?, 'elsewhere', 's', 'g', 'c', 3, '["fire-escape"]', 'ZZZZZZ', 0)`,
      )
      .run(id, crypto.randomUUID())
    for (const c of [
      { method: 'GET' as const, url: `/api/class-sessions/${id}` },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/end` },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/stations`, payload: { stationId: a.stationId } },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/commands`, payload: { requestId: crypto.randomUUID(), command: { type: 'lobby' } } },
    ]) {
      expect((await t.app.inject({ ...c, headers: auth(guide) })).statusCode, c.url).toBe(404)
    }
    expect((await t.app.inject({ method: 'POST', url: '/api/station/join', headers: auth(a.token), payload: { joinCode: 'ZZZZZZ' } })).statusCode).toBe(404)
    expect(t.ctx.db.prepare('SELECT ended_ms FROM class_sessions WHERE id = ?').pluck().get(id)).toBeNull()
    expect((await t.app.inject({ url: '/api/class-sessions', headers: auth(guide) })).json()).toEqual([])
  })
})

describe('a guide runs their own sessions', () => {
  it('another guide gets 403 on the session, the live board and its summary, and does not see it listed; an admin sees it', async () => {
    const { t, guide } = await setup()
    const created = await t.app.inject({ method: 'POST', url: '/api/class-sessions', headers: auth(guide), payload: newSession() })
    expect(created.statusCode, created.body).toBe(201)
    const id = (created.json() as { sessionId: string }).sessionId
    const other = await loginAs(t, 'zhao', 'guide', '8642')
    for (const c of [
      { method: 'GET' as const, url: `/api/class-sessions/${id}` },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/end` },
      { method: 'POST' as const, url: `/api/class-sessions/${id}/commands`, payload: { requestId: crypto.randomUUID(), command: { type: 'lobby' } } },
      { method: 'GET' as const, url: `/api/guide/sessions/${id}/summary` },
    ]) {
      const r = await t.app.inject({ ...c, headers: auth(other) })
      expect(r.statusCode, c.url).toBe(403)
      expect(r.json()).toMatchObject({ error: 'not-your-session' })
    }
    expect((await t.app.inject({ url: '/api/class-sessions', headers: auth(other) })).json()).toEqual([])
    const admin = await loginAs(t, 'boss', 'admin', 'admin-pass-9753')
    expect((await t.app.inject({ url: `/api/class-sessions/${id}`, headers: auth(admin) })).statusCode).toBe(200)
    expect((await t.app.inject({ url: '/api/class-sessions', headers: auth(admin) })).json()).toHaveLength(1)
    expect((await t.app.inject({ url: `/api/class-sessions/${id}`, headers: auth(guide) })).statusCode).toBe(200)
  })
})

describe('class sessions', () => {
  it('creates a session with its passports, joins by tap and by code, and events in it fill the grid and the hints', async () => {
    const { t, guide, a, b } = await setup([resolve('exhibits')])
    const body = newSession({ stations: [a.stationId] })
    const res = await t.app.inject({ method: 'POST', url: '/api/class-sessions', headers: auth(guide), payload: body })
    expect(res.statusCode).toBe(201)
    const info = res.json()
    expect(info).toMatchObject({ school: '槐树小学', headcount: 3, exhibits: ['fire-escape'], endedAt: null })
    expect(info.joinCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{6}$/)
    // A retry with the same request id is the same session and the same class set.
    const again = await t.app.inject({ method: 'POST', url: '/api/class-sessions', headers: auth(guide), payload: body })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(info)
    const codes = t.ctx.db.prepare('SELECT code FROM passports WHERE batch_id = ?').pluck().all(info.batchId) as string[]
    expect(codes).toHaveLength(3)

    const joined = await t.app.inject({ method: 'POST', url: '/api/station/join', headers: auth(b.token), payload: { joinCode: info.joinCode.toLowerCase() } })
    expect(joined.json()).toEqual({ sessionId: info.sessionId })

    const sid = info.sessionId as string
    const [p1, p2] = codes as [string, string]
    const ev = (station: string, passportId: string, over: Record<string, unknown>) => makeEvent(station, { sessionId: sid, passportId, ...over })
    const wrongLift = { type: 'answer-given' as const, data: { quizId: 'lift', choiceId: 'q-take-lift', correct: false } }
    expect(
      (
        await postEvents(t.app, a.token, [
          ev(a.stationId, p1, { type: 'exhibit-started', data: {} }),
          ev(a.stationId, p1, wrongLift),
          ev(a.stationId, p1, { type: 'exhibit-completed', data: { score: 6, maxScore: 8, passed: true, durationMs: 60_000 } }),
          ev(a.stationId, p1, { type: 'stamp-awarded', data: { stampId: 'fire-escape' } }),
        ])
      ).statusCode,
    ).toBe(200)
    await postEvents(t.app, b.token, [
      ev(b.stationId, p2, { type: 'exhibit-started', data: {} }),
      ev(b.stationId, p2, { type: 'answer-given' as const, data: { quizId: 'lift', choiceId: 'q-stairs', correct: true } }),
    ])
    // An event outside the session does not count for it.
    await postEvents(t.app, b.token, [makeEvent(b.stationId, { id: uuidv7(), ...wrongLift })])

    const board = (await t.app.inject({ url: `/api/class-sessions/${sid}`, headers: auth(guide) })).json()
    expect(board.passports).toEqual([...codes].sort())
    expect(board.cells[p1]['fire-escape']).toEqual({ status: 'stamped', score: 6, maxScore: 8 })
    expect(board.cells[p2]['fire-escape']).toEqual({ status: 'playing', score: null, maxScore: null })
    expect(
      board.stations
        .filter((s: { joined: boolean }) => s.joined)
        .map((s: { stationId: string }) => s.stationId)
        .sort(),
    ).toEqual([a.stationId, b.stationId].sort())
    const [top] = board.hints
    expect(top).toMatchObject({ exhibitId: 'fire-escape', kind: 'quiz', itemId: 'lift', choiceId: 'q-take-lift', chose: 1, answered: 2, share: 0.5 })
    // The exhibit's own explanation, its first sentence, as the talking point.
    expect(top.point.en).toBe('Never use a lift in a fire: the power may fail and trap you, and smoke pours into the lift shaft.')
    expect(top.point['zh-CN']).toBe('火灾时不能坐电梯：电梯可能断电把人困住，电梯井还会灌进浓烟。')
    expect(top.question.en).toMatch(/10th floor/)
  })

  it('ending twice is harmless; commands to an ended session are refused', async () => {
    const { t, guide, a } = await setup()
    const { sessionId } = (
      await t.app.inject({ method: 'POST', url: '/api/class-sessions', headers: auth(guide), payload: newSession({ stations: [a.stationId] }) })
    ).json()
    for (let i = 0; i < 2; i++) {
      const r = await t.app.inject({ method: 'POST', url: `/api/class-sessions/${sessionId}/end`, headers: auth(guide) })
      expect(r.statusCode).toBe(200)
      expect(r.json().endedAt).not.toBeNull()
    }
    expect(t.ctx.db.prepare("SELECT COUNT(*) FROM station_commands WHERE json_extract(body, '$.type') = 'session-ended'").pluck().get()).toBe(1)
    const cmd = await t.app.inject({
      method: 'POST',
      url: `/api/class-sessions/${sessionId}/commands`,
      headers: auth(guide),
      payload: { requestId: crypto.randomUUID(), command: { type: 'pause' } },
    })
    expect(cmd.statusCode).toBe(409)
    expect(t.ctx.stationLive.get(a.stationId)?.session_id).toBeNull()
  })
})

describe('command channel', () => {
  it('streams commands in order, once per request id; a reconnect after its cursor gets only the rest; after the end only session-ended is replayed', async () => {
    const { t, guide, a } = await setup()
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { sessionId } = (
      await t.app.inject({ method: 'POST', url: '/api/class-sessions', headers: auth(guide), payload: newSession({ stations: [a.stationId] }) })
    ).json()
    const send = (command: unknown, requestId: string = crypto.randomUUID()) =>
      t!.app.inject({ method: 'POST', url: `/api/class-sessions/${sessionId}/commands`, headers: auth(guide), payload: { requestId, command } })

    const s1 = await openStream(`${url}/api/station/stream?after=0`, a.token)
    const hello = await s1.next('hello')
    expect(hello.data).toMatchObject({ stationId: a.stationId, sessionId })
    expect((await s1.next('command')).data).toMatchObject({ command: { type: 'join', sessionId } })
    const repeat = crypto.randomUUID()
    expect((await send({ type: 'launch', exhibitId: 'fire-escape' }, repeat)).json()).toEqual({ sent: 1, stations: [a.stationId] })
    expect((await send({ type: 'launch', exhibitId: 'fire-escape' }, repeat)).json()).toEqual({ sent: 0, stations: [a.stationId] })
    const launch = await s1.next('command')
    expect(launch.data).toMatchObject({ id: repeat, command: { type: 'launch', exhibitId: 'fire-escape' } })
    s1.close()

    // Offline: two commands wait for it.
    await send({ type: 'pause' })
    await send({ type: 'resume' })
    const s2 = await openStream(`${url}/api/station/stream?after=${launch.id}`, a.token)
    await s2.next('hello')
    expect([(await s2.next('command')).data.command.type, (await s2.next('command')).data.command.type]).toEqual(['pause', 'resume'])
    s2.close()

    await send({ type: 'lobby' })
    await t.app.inject({ method: 'POST', url: `/api/class-sessions/${sessionId}/end`, headers: auth(guide) })
    const s3 = await openStream(`${url}/api/station/stream?after=${launch.id}`, a.token)
    await s3.next('hello')
    // The pause, resume and lobby it missed are stale now: only the end arrives.
    expect((await s3.next('command')).data.command).toEqual({ type: 'session-ended' })
    expect(s3.seen('command')).toHaveLength(1)
    s3.close()
  })

  it('a station state report shows on the console with its profile; it is online while its stream is open', async () => {
    const { t, guide, a } = await setup()
    const url = await t.app.listen({ port: 0, host: '127.0.0.1' })
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/console/stations/${a.stationId}/profile`,
      headers: auth(guide),
      payload: { name: 'VR-1', kind: 'headset', offered: ['fire-escape'] },
    })
    expect(put.statusCode).toBe(204)
    const [code] = await issuePassports(t.app, guide, 1)
    await t.app.inject({
      method: 'POST',
      url: '/api/station/state',
      headers: auth(a.token),
      payload: idleState({ showing: 'fire-escape', inRun: true, passport: code, outbox: 4 }),
    })
    const rows = (await t.app.inject({ url: '/api/console/stations', headers: auth(guide) })).json() as { stationId: string }[]
    const row = rows.find((r) => r.stationId === a.stationId)
    expect(row).toMatchObject({
      name: 'VR-1',
      kind: 'headset',
      offered: ['fire-escape'],
      online: false,
      lastSeen: new Date(t.clock.now()).toISOString(),
      state: { showing: 'fire-escape', passport: code, outbox: 4 },
    })
    const s = await openStream(`${url}/api/station/stream`, a.token)
    await s.next('hello')
    const live = (await t.app.inject({ url: '/api/console/stations', headers: auth(guide) })).json() as { stationId: string; online: boolean }[]
    expect(live.find((r) => r.stationId === a.stationId)?.online).toBe(true)
    s.close()
    await expect
      .poll(
        async () =>
          ((await t!.app.inject({ url: '/api/console/stations', headers: auth(guide) })).json() as { stationId: string; online: boolean }[]).find(
            (r) => r.stationId === a.stationId,
          )?.online,
      )
      .toBe(false)
  })
})
