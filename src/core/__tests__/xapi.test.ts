// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { v7 as uuidv7 } from 'uuid'
import { XAPI_VERBS, statementIdOf, toIsoDuration, toXapiStatement } from '../xapi.ts'
import type { VisitEvent } from '../event-schema.ts'

const CENTER = 'https://kexue.example.cn/'
const base = {
  id: uuidv7(),
  time: '2026-03-01T02:00:00.000Z',
  stationId: '6f1c1a52-55b0-4d5e-9d43-8f0d7f1f4f10',
  exhibitId: 'fire-escape',
  passportId: 'SP-0123456789AB',
  sessionId: '0195c1d2-0000-7000-8000-000000000001',
} as const
const st = (e: Omit<VisitEvent, keyof typeof base> & Partial<VisitEvent>) => toXapiStatement({ ...base, ...e } as VisitEvent, CENTER)

describe('statementIdOf', () => {
  it('is a fixed name-based UUID (v5, RFC variant) of the event id: the same event always, different events never', () => {
    const id = uuidv7()
    expect(statementIdOf(id)).toBe(statementIdOf(id))
    expect(statementIdOf(id)).not.toBe(statementIdOf(uuidv7()))
    expect(statementIdOf(id)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    // Pinned: a changed namespace would make every statement already in an LRS look new.
    expect(statementIdOf('0195c1d2-0000-7000-8000-000000000001')).toBe('18aa887c-901b-5e92-ae5b-a7834b675a34')
  })
})

describe('toIsoDuration', () => {
  it.each([
    [0, 'PT0S'],
    [1500, 'PT1.5S'],
    [65_250, 'PT1M5.25S'],
    [3_600_000, 'PT1H'],
    [3_723_000, 'PT1H2M3S'],
    [120_000, 'PT2M'],
  ])('%i ms -> %s', (ms, iso) => {
    expect(toIsoDuration(ms)).toBe(iso)
  })
})

describe('toXapiStatement', () => {
  it('uses the passport as an account on the center, an id derived from the event id, the session as registration', () => {
    const s = st({ type: 'exhibit-started', data: { mode: 'vr' } })
    expect(s.id).toBe(statementIdOf(base.id))
    expect(s.id).not.toBe(base.id)
    expect(s.timestamp).toBe(base.time)
    expect(s.actor).toEqual({ objectType: 'Agent', account: { homePage: 'https://kexue.example.cn', name: 'SP-0123456789AB' } })
    expect(s.verb.id).toBe(XAPI_VERBS.launched)
    expect(s.object.id).toBe('https://kexue.example.cn/exhibits/fire-escape')
    expect(s.context.registration).toBe(base.sessionId)
    expect(s.context.contextActivities).toBeUndefined()
    expect(JSON.stringify(s)).not.toMatch(/name":"(?!SP-)/)
  })

  it('completed exhibits become passed/failed with scaled score and ISO duration', () => {
    const passed = st({ type: 'exhibit-completed', data: { score: 3, maxScore: 4, passed: true, durationMs: 65_250 } })
    expect(passed.verb.id).toBe(XAPI_VERBS.passed)
    expect(passed.result).toEqual({ success: true, completion: true, duration: 'PT1M5.25S', score: { raw: 3, min: 0, max: 4, scaled: 0.75 } })
    const failed = st({ type: 'exhibit-completed', data: { score: 0, maxScore: 0, passed: false, durationMs: 1000 } })
    expect(failed.verb.id).toBe(XAPI_VERBS.failed)
    expect(failed.result?.score).toEqual({ raw: 0, min: 0, max: 0 })
  })

  it('answers and steps are sub-activities with the exhibit as parent', () => {
    const a = st({ type: 'answer-given', data: { quizId: 'q-exit', choiceId: 'b', correct: false } })
    expect(a.verb.id).toBe(XAPI_VERBS.answered)
    expect(a.object.id).toBe('https://kexue.example.cn/exhibits/fire-escape/quiz/q-exit')
    expect(a.result).toEqual({ success: false, response: 'b' })
    expect(a.context.contextActivities?.parent[0]?.id).toBe('https://kexue.example.cn/exhibits/fire-escape')
    const m = st({ type: 'step-mistake', data: { stepId: 'open-door', choiceId: 'hot-handle' } })
    expect(m.verb.id).toBe(XAPI_VERBS.attempted)
    expect(m.object.id).toMatch(/\/steps\/open-door$/)
    expect(st({ type: 'step-completed', data: { stepId: 'crawl' } }).verb.id).toBe(XAPI_VERBS.completed)
  })

  it('maps stamps, crashes and exits', () => {
    const stamp = st({ type: 'stamp-awarded', data: { stampId: 'fire' } })
    expect(stamp.verb.id).toBe(XAPI_VERBS.earned)
    expect(stamp.object.id).toMatch(/\/stamps\/fire$/)
    const crash = st({ type: 'exhibit-crashed', data: { message: 'boom' } })
    expect(crash.verb.id).toBe(XAPI_VERBS.terminated)
    expect(Object.values(crash.result?.extensions ?? {})).toEqual(['boom'])
    const exit = st({ type: 'exhibit-exited', data: { reason: 'idle', durationMs: 2000 } })
    expect(exit.verb.id).toBe(XAPI_VERBS.exited)
    expect(exit.result?.duration).toBe('PT2S')
  })

  it('timestamps are UTC (xAPI forbids a -00:00 offset); a nil or max session UUID is no registration', () => {
    expect(st({ type: 'exhibit-started', data: {}, time: '2026-03-01T10:00:00.000+08:00' }).timestamp).toBe('2026-03-01T02:00:00.000Z')
    expect(st({ type: 'exhibit-started', data: {}, time: '2026-03-01T02:00:00.000-00:00' }).timestamp).toBe('2026-03-01T02:00:00.000Z')
    for (const sessionId of ['00000000-0000-0000-0000-000000000000', 'ffffffff-ffff-ffff-ffff-ffffffffffff'])
      expect(st({ type: 'exhibit-started', data: {}, sessionId }).context.registration).toBeUndefined()
  })

  it('without passport or session: the station is the actor and there is no registration', () => {
    const s = toXapiStatement({ id: base.id, time: base.time, stationId: base.stationId, exhibitId: 'fire-escape', type: 'exhibit-started', data: {} }, CENTER)
    expect(s.actor.account.name).toBe(`station:${base.stationId}`)
    expect(s.context.registration).toBeUndefined()
  })
})
