// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'
import { ActivityListSchema, ActivitySchema } from '../../src/core/programme.ts'

/** The programme log's API: who may do what, validation with reasons, filters and totals. */
let t: TestApp
let guide: string
let admin: string
let station: string

const lecture = {
  topic: '家庭火灾逃生讲座',
  type: 'lecture',
  date: '2026-03-05',
  durationMinutes: 90,
  guides: '李老师, 王志愿者',
  audience: 40,
  volunteerHours: 3.5,
}
const call = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string | null, payload?: unknown) =>
  t.app.inject({
    method,
    url,
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
const create = async (token: string, over: Record<string, unknown> = {}) => {
  const res = await call('POST', '/api/programme/activities', token, { requestId: crypto.randomUUID(), ...lecture, ...over })
  expect(res.statusCode, res.body).toBe(201)
  return ActivitySchema.parse(res.json())
}
const list = async (query = '') => {
  const res = await call('GET', `/api/programme/activities${query}`, guide)
  expect(res.statusCode, res.body).toBe(200)
  return ActivityListSchema.parse(res.json())
}

beforeAll(async () => {
  t = await testApp()
  guide = await loginAs(t, 'zhao', 'guide', 'guide-pass-1')
  admin = await loginAs(t, 'boss', 'admin', 'admin-pass-1')
  station = (await registerStation(t.app)).token
})
afterAll(async () => {
  await t.cleanup()
})

describe('programme log', () => {
  it('a guide records an activity once, even when the form is sent twice', async () => {
    const requestId = crypto.randomUUID()
    const first = await call('POST', '/api/programme/activities', guide, { requestId, ...lecture })
    expect(first.statusCode, first.body).toBe(201)
    expect(first.json()).toMatchObject({ ...lecture, createdBy: 'zhao', updatedBy: 'zhao' })
    const again = await call('POST', '/api/programme/activities', guide, { requestId, ...lecture })
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    const reused = await call('POST', '/api/programme/activities', guide, { requestId, ...lecture, audience: 41 })
    expect(reused.statusCode).toBe(409)
    expect((await list()).totals.count).toBe(1)
  })

  it('filters by dates, type and text; totals cover every match', async () => {
    await create(guide, { topic: '防汛防台科普沙龙', type: 'salon', date: '2026-04-10', audience: 25, volunteerHours: 2, guides: '陈老师' })
    await create(admin, {
      topic: '青少年科普讲解员培训 (第1期)',
      type: 'training',
      date: '2026-06-01',
      audience: 12,
      volunteerHours: 10.5,
      durationMinutes: 240,
    })
    await create(guide, { topic: 'Earthquake drill talk', type: 'lecture', date: '2025-12-20', audience: 30, volunteerHours: 0.1 })
    const all = await list()
    expect(all.activities.map((a) => a.date)).toEqual(['2026-06-01', '2026-04-10', '2026-03-05', '2025-12-20'])
    // 3.5 + 2 + 10.5 + 0.1 adds up exactly (tenths), not 16.099999…
    expect(all.totals).toEqual({ count: 4, participants: 107, volunteerHours: 16.1, durationMinutes: 90 + 90 + 240 + 90 })
    expect((await list('?from=2026-01-01&to=2026-04-30')).totals).toMatchObject({ count: 2, participants: 65 })
    expect((await list('?type=lecture')).activities.map((a) => a.topic)).toEqual(['家庭火灾逃生讲座', 'Earthquake drill talk'])
    expect((await list('?q=earthquake')).totals.count).toBe(1)
    expect((await list('?q=陈老师')).activities.map((a) => a.type)).toEqual(['salon'])
    // A search for "%" is the character, not a wildcard.
    expect((await list('?q=%25')).totals.count).toBe(0)
    expect((await list('?q=(第1期)&type=training&from=2026-06-01&to=2026-06-01')).totals.count).toBe(1)
  })

  it('a guide edits; the list shows who changed it', async () => {
    const a = await create(guide, { topic: '误录', date: '2026-05-01' })
    const res = await call('PUT', `/api/programme/activities/${a.id}`, admin, { ...lecture, topic: '垃圾分类工作坊', type: 'workshop', date: '2026-05-02' })
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ id: a.id, topic: '垃圾分类工作坊', type: 'workshop', createdBy: 'zhao', updatedBy: 'boss' })
    expect((await list('?type=workshop')).activities).toHaveLength(1)
    expect((await call('PUT', `/api/programme/activities/${crypto.randomUUID()}`, guide, lecture)).statusCode).toBe(404)
  })

  it('only an admin deletes', async () => {
    const a = await create(guide, { topic: '待删除' })
    const byGuide = await call('DELETE', `/api/programme/activities/${a.id}`, guide)
    expect(byGuide.statusCode).toBe(403)
    expect(byGuide.json().reasons).toEqual(['only an admin may delete an activity'])
    expect((await list('?q=待删除')).totals.count).toBe(1)
    expect((await call('DELETE', `/api/programme/activities/${a.id}`, admin)).statusCode).toBe(204)
    expect((await list('?q=待删除')).totals.count).toBe(0)
    expect((await call('DELETE', `/api/programme/activities/${a.id}`, admin)).statusCode).toBe(404)
  })

  it('rejects bad input with reasons naming the field, and strangers and stations outright', async () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ topic: '  ' }, /topic/],
      [{ type: 'party' }, /type/],
      [{ date: '2026-02-30' }, /date/],
      [{ date: '5 March' }, /date/],
      [{ durationMinutes: 0 }, /durationMinutes/],
      [{ audience: -1 }, /audience/],
      [{ audience: 2.5 }, /audience/],
      [{ volunteerHours: 1.25 }, /volunteerHours: at most one decimal place/],
      [{ studentNames: '小明' }, /studentNames|Unrecognized/],
    ]
    for (const [over, reason] of bad) {
      const res = await call('POST', '/api/programme/activities', guide, { requestId: crypto.randomUUID(), ...lecture, ...over })
      expect(res.statusCode, JSON.stringify(over)).toBe(400)
      expect(res.json().reasons.join(' '), JSON.stringify(over)).toMatch(reason)
    }
    expect((await call('GET', '/api/programme/activities?from=2026-05-01&to=2026-04-01', guide)).json().reasons).toEqual(['from: must not be after to'])
    expect((await call('GET', '/api/programme/activities?type=party', guide)).statusCode).toBe(400)
    expect((await call('GET', '/api/programme/activities', null)).statusCode).toBe(401)
    expect((await call('GET', '/api/programme/activities', station)).statusCode).toBe(403)
    expect((await call('POST', '/api/programme/activities', station, { requestId: crypto.randomUUID(), ...lecture })).statusCode).toBe(403)
    expect((await call('PUT', '/api/programme/activities/not-a-uuid', guide, lecture)).statusCode).toBe(400)
  })
})
