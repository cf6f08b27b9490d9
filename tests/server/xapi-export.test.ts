// @vitest-environment node
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { runCli } from '../../src/server/cli.ts'
import { createDayOf, eventRow, INSERT_EVENT_SQL } from '../../src/server/ingest.ts'
import { statementIdOf } from '../../src/core/xapi.ts'
import type { XapiStatement } from '../../src/core/xapi.ts'
import { EVENT_TYPES } from '../../src/core/event-schema.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'
import { createStatementReader } from '../../src/server/xapi/statements.ts'
import { statementsJson } from '../../src/server/xapi/export.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp, tempDir } from './helpers.ts'
import type { TestApp } from './helpers.ts'
import { xapiProblems } from './xapi-validator.ts'

const DAY = 86_400_000
const HOME = 'https://kexue.example.cn'
let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

/** Every event type, with and without passport and session, plus the shapes old data can have. */
async function fill(a: TestApp) {
  const admin = await loginAs(a, 'admin1', 'admin')
  const codes = await issuePassports(a.app, admin, 2)
  const code = codes[0]!
  const doomed = codes[1]!
  const { stationId, token } = await registerStation(a.app)
  const session = crypto.randomUUID()
  const at = (daysAgo: number, ms = 0) => new Date(a.clock.now() - daysAgo * DAY + ms).toISOString()
  const data: { [T in VisitEvent['type']]: VisitEvent['data'][] } = {
    'exhibit-started': [{}, { mode: 'vr' }],
    'step-completed': [{ stepId: 'crawl' }],
    'step-mistake': [{ stepId: 'open-door', choiceId: 'hot-handle' }],
    'answer-given': [
      { quizId: 'q-exit', choiceId: 'b', correct: false },
      { quizId: 'q-exit', choiceId: 'a', correct: true },
    ],
    'exhibit-completed': [
      { score: 3, maxScore: 4, passed: true, durationMs: 65_250 },
      { score: 0, maxScore: 0, passed: false, durationMs: 0 },
    ],
    'stamp-awarded': [{ stampId: 'fire' }],
    'exhibit-crashed': [{ message: '渲染失败：WebGL 上下文丢失 '.repeat(20).slice(0, 500) }],
    'exhibit-exited': [{}, { reason: 'idle', durationMs: 2000 }],
  }
  const who = [{ passportId: code, sessionId: session }, { passportId: doomed }, { sessionId: session }, {}, { passportId: 'SP-0123456789AB' }]
  const events: VisitEvent[] = []
  for (const type of EVENT_TYPES)
    for (const d of data[type])
      for (const [i, w] of who.entries()) events.push(makeEvent(stationId, { type, data: d, time: at(i % 3, events.length), ...w } as Partial<VisitEvent>))
  // One a year old with a passport: stored without it (retention).
  events.push(makeEvent(stationId, { passportId: code, time: at(400) }))
  const res = await postEvents(a.app, token, events)
  expect(res.statusCode, res.body).toBe(200)
  // Rows stored before ingest refused nil/max session ids: written as ingest would have.
  const dayOf = createDayOf(a.config.timeZone)
  const insert = a.ctx.db.prepare(INSERT_EVENT_SQL)
  for (const sessionId of ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff']) {
    const e = makeEvent(stationId, { id: uuidv7(), sessionId, time: at(1) })
    insert.run(eventRow(e, dayOf, a.clock.now()))
    events.push(e)
  }
  // Deleting a passport anonymises its events: their statements become the station's.
  const del = await a.app.inject({ method: 'DELETE', url: `/api/passports/${doomed}`, headers: { authorization: `Bearer ${admin}` } })
  expect(del.statusCode).toBe(204)
  return { admin, code, doomed, stationId, token, events, dayOf }
}

describe('xAPI export', () => {
  it('every statement of every event type and edge case is valid xAPI 1.0.3 for the independent validator', async () => {
    t = await testApp({ xapi: { homePage: HOME, lrs: null } })
    const { admin, code, doomed, token, events, dayOf } = await fill(t)
    const from = dayOf(t.clock.now() - 500 * DAY)
    const to = dayOf(t.clock.now())
    const res = await t.app.inject({ method: 'GET', url: `/api/xapi/statements?from=${from}&to=${to}`, headers: { authorization: `Bearer ${admin}` } })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-disposition']).toBe(`attachment; filename="sophora-xapi-${from}-${to}.json"`)
    const statements = JSON.parse(res.body) as XapiStatement[]

    expect(statements.length).toBe(events.length)
    expect(new Set(statements.map((s) => s.id))).toEqual(new Set(events.map((e) => statementIdOf(e.id))))
    const problems = statements.flatMap((s) => xapiProblems(s).map((p) => `${s.verb.display['en-US']} ${s.id}: ${p}`))
    expect(problems).toEqual([])
    // All eight types made it, and the edge cases look as documented.
    expect(new Set(statements.map((s) => s.verb.display['en-US']))).toEqual(
      new Set(['launched', 'completed', 'attempted', 'answered', 'passed', 'failed', 'earned', 'terminated', 'exited']),
    )
    const names = new Set(statements.map((s) => s.actor.account.name))
    expect(names.has(code)).toBe(true)
    expect([...names].every((n) => n === code || /^station:[0-9a-f-]{36}$/.test(n))).toBe(true)
    expect(res.body).not.toContain(doomed)
    expect(res.body).not.toContain('SP-0123456789AB')
    expect(res.body).not.toContain(token)
    expect(statements.filter((s) => s.context.registration).length).toBeGreaterThan(0)
    expect(statements.every((s) => s.timestamp.endsWith('Z'))).toBe(true)
  })

  it('filters by calendar day, streams in pages, and the CLI writes the same file; guides and stations are refused', async () => {
    t = await testApp({ xapi: { homePage: HOME, lrs: null } })
    const a = t
    const { admin, token, dayOf } = await fill(a)
    const today = dayOf(a.clock.now())
    const get = (q: string, bearer = admin) => a.app.inject({ method: 'GET', url: `/api/xapi/statements?${q}`, headers: { authorization: `Bearer ${bearer}` } })
    const http = JSON.parse((await get(`from=${today}&to=${today}`)).body) as XapiStatement[]
    const expected = a.ctx.db.prepare('SELECT COUNT(*) FROM events WHERE day = ?').pluck().get(today) as number
    expect(http.length).toBe(expected)
    expect(http.length).toBeGreaterThan(0)

    // Page boundaries: the JSON is the same whatever the page size (1, 7, all).
    const reader = createStatementReader(a.ctx.db)
    const range = { from: '2000-01-01', to: today }
    const whole = [...statementsJson(reader, range, HOME, { n: 0 }, 100_000)].join('')
    for (const size of [1, 7]) expect([...statementsJson(reader, range, HOME, { n: 0 }, size)].join('')).toBe(whole)
    expect(JSON.parse([...statementsJson(reader, { from: '2000-01-01', to: '2000-01-02' }, HOME)].join(''))).toEqual([])

    const tmp = tempDir()
    try {
      const file = join(tmp.dir, 'out.json')
      const lines: string[] = []
      const env = { DB_PATH: a.config.dbPath, XAPI_HOMEPAGE: HOME }
      expect(await runCli(['xapi-export', '--from', today, '--to', today, file], env, (s) => lines.push(s))).toBe(0)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(http)
      expect(lines.join('\n')).toContain(`${http.length} statements`)
      await expect(runCli(['xapi-export', '--from', today, file], env, () => {})).rejects.toThrow('--to needs a day, YYYY-MM-DD (got nothing)')
    } finally {
      tmp.cleanup()
    }

    const guide = await loginAs(a, 'guide1', 'guide')
    expect((await get(`from=${today}&to=${today}`, guide)).statusCode).toBe(403)
    expect((await get(`from=${today}&to=${today}`, token)).statusCode).toBe(403)
    expect((await get(`from=${today}&to=2000-01-01`)).statusCode).toBe(400)
    expect((await get(`from=${today}`)).statusCode).toBe(400)
  })
})
