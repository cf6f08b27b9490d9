// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import { checkPassportCode, createPassportCode, formatPassportCode } from '../../src/core/passport-code.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let t: TestApp | undefined
afterEach(async () => {
  await t?.cleanup()
  t = undefined
})

const auth = (token: string) => ({ authorization: `Bearer ${token}` })
const batch = (over: Record<string, unknown> = {}) => ({
  requestId: crypto.randomUUID(),
  school: '槐树小学',
  grade: '四年级',
  className: '2班',
  count: 3,
  ...over,
})
/** The same code with its 5th character changed: one typo. */
const typo5 = (code: string) => `${code.slice(0, 4)}${code[4] === '7' ? '8' : '7'}${code.slice(5)}`

describe('issuing class sets', () => {
  it('issues unique valid codes once per requestId and reprints the same body', async () => {
    t = await testApp({ centerName: '测试馆', publicUrl: 'https://kexue.example.cn' })
    const guide = await loginAs(t, 'wang', 'guide', '2468')
    const body = batch({ count: 40 })
    const first = await t.app.inject({ method: 'POST', url: '/api/passports/batches', headers: auth(guide), payload: body })
    expect(first.statusCode).toBe(201)
    const b = first.json()
    expect(b).toMatchObject({ school: '槐树小学', grade: '四年级', className: '2班', centerName: '测试馆', publicUrl: 'https://kexue.example.cn' })
    const codes = b.passports.map((p: { code: string }) => p.code)
    expect(new Set(codes).size).toBe(40)
    for (const c of codes) expect(c).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/)

    const again = await t.app.inject({ method: 'POST', url: '/api/passports/batches', headers: auth(guide), payload: body })
    expect(again.statusCode).toBe(200)
    expect(again.json()).toEqual(b)
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM passports').pluck().get()).toBe(40)

    const reprint = await t.app.inject({ url: `/api/passports/batches/${b.batchId}`, headers: auth(guide) })
    expect(reprint.json()).toEqual(b)
    for (const change of [{ count: 41 }, { className: '3班' }]) {
      const reused = await t.app.inject({ method: 'POST', url: '/api/passports/batches', headers: auth(guide), payload: { ...body, ...change } })
      expect(reused.statusCode).toBe(409)
      expect(reused.json().error).toBe('request-id-reused')
    }
  })

  it('draws again when a code is taken (the database, not luck, keeps codes unique)', async () => {
    const taken = createPassportCode()
    const queue = [taken, taken, taken, createPassportCode()]
    t = await testApp({}, { newPassportCode: () => queue.shift() ?? createPassportCode() })
    const codes = await issuePassports(t.app, await loginAs(t, 'wang', 'guide', '2468'), 2)
    expect(codes[0]).toBe(taken)
    expect(codes[1]).not.toBe(taken)
    expect(queue).toHaveLength(0)
  })

  it('a station token cannot issue, reprint, export or delete; no token is a 401', async () => {
    t = await testApp()
    const station = await registerStation(t.app)
    const [code] = await issuePassports(t.app, await loginAs(t, 'alice'), 1)
    const batchId = t.ctx.db.prepare('SELECT id FROM passport_batches').pluck().get() as string
    const calls = [
      { method: 'POST' as const, url: '/api/passports/batches', payload: batch() },
      { method: 'GET' as const, url: `/api/passports/batches/${batchId}` },
      { method: 'GET' as const, url: `/api/passports/${code}/export` },
      { method: 'DELETE' as const, url: `/api/passports/${code}` },
    ]
    for (const c of calls) {
      expect((await t.app.inject({ ...c, headers: auth(station.token) })).statusCode, c.url).toBe(403)
      expect((await t.app.inject(c)).statusCode, c.url).toBe(401)
    }
    expect(t.ctx.db.prepare('SELECT COUNT(*) FROM passport_batches').pluck().get()).toBe(1)
    expect((await t.app.inject({ url: `/api/passports/${code}/status`, headers: auth(station.token) })).statusCode).toBe(200)
  })

  it('refuses bad class sets with reasons', async () => {
    t = await testApp()
    const guide = await loginAs(t, 'wang', 'guide', '2468')
    for (const [over, field] of [
      [{ count: 61 }, 'count'],
      [{ count: 0 }, 'count'],
      [{ school: '' }, 'school'],
      [{ requestId: 'x' }, 'requestId'],
      [{ name: '王小明' }, '(root)'],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/passports/batches', headers: auth(guide), payload: batch(over) })
      expect(res.statusCode, field).toBe(400)
      expect(res.json().reasons.join(' '), field).toContain(field)
    }
  })
})

describe('checking a passport in', () => {
  it('active → 200; unknown → 404; deleted → 410; malformed → 400 naming the position', async () => {
    t = await testApp()
    const station = await registerStation(t.app)
    const admin = await loginAs(t, 'alice')
    const [code, gone] = (await issuePassports(t.app, admin, 2)) as [string, string]
    const status = (c: string) => t!.app.inject({ url: `/api/passports/${encodeURIComponent(c)}/status`, headers: auth(station.token) })

    expect((await status(code)).json()).toEqual({ code, status: 'active' })
    // Typed forms (lower case, the printed dash) are the same code.
    expect((await status(formatPassportCode(code).toLowerCase())).json()).toEqual({ code, status: 'active' })
    const unknown = await status(createPassportCode())
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toBe('unknown passport')

    expect((await t.app.inject({ method: 'DELETE', url: `/api/passports/${gone}`, headers: auth(admin) })).statusCode).toBe(204)
    const deleted = await status(gone)
    expect(deleted.statusCode).toBe(410)
    expect(deleted.json()).toEqual({ error: 'deleted passport', reasons: ['this passport was deleted'] })
    // deleting it again is refused as already gone, not a second success
    expect((await t.app.inject({ method: 'DELETE', url: `/api/passports/${gone}`, headers: auth(admin) })).statusCode).toBe(410)

    const bad = await status(typo5(code))
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toBe('malformed-passport-code')
    expect(bad.json().reasons[0]).toMatch(/position 5: check the 5th character/)
    // A swap the check characters can place (equal neighbours, or an ambiguous fix, cannot be).
    const swaps = [...Array(9).keys()].map((i) => `${code.slice(0, i)}${code[i + 1]}${code[i]}${code.slice(i + 2)}`)
    const i = swaps.findIndex((w) => {
      const c = checkPassportCode(w)
      return !c.ok && c.problem === 'swapped'
    })
    expect(i).toBeGreaterThanOrEqual(0)
    expect((await status(swaps[i]!)).json().reasons[0]).toMatch(new RegExp(`position ${i + 1}: the ${i + 1}\\w+ and ${i + 2}\\w+ characters look swapped`))
    expect((await status('ABCU')).json().reasons[0]).toMatch(/position 4: "U"/)
    expect((await status('ABC')).json().reasons[0]).toMatch(/too short/)
  })
})

describe('the public passport page', () => {
  it('shows stamps and scores per exhibit and nothing else, for anyone holding the card', async () => {
    t = await testApp({ centerName: '测试馆' })
    const s = await registerStation(t.app)
    const [mine, theirs] = (await issuePassports(t.app, await loginAs(t, 'alice'), 2)) as [string, string]
    const at = (min: number) => new Date(t!.clock.now() - 3_600_000 + min * 60_000).toISOString()
    const ev = (passportId: string, min: number, over: Record<string, unknown>) =>
      makeEvent(s.stationId, { passportId, sessionId: crypto.randomUUID(), time: at(min), ...over })
    const done = (score: number) => ({ type: 'exhibit-completed', data: { score, maxScore: 4, passed: score >= 3, durationMs: 60_000 } })
    const res = await postEvents(t.app, s.token, [
      ev(mine, 0, { type: 'exhibit-started', data: {} }),
      ev(mine, 5, done(2)),
      ev(mine, 6, { type: 'exhibit-started', data: {} }),
      ev(mine, 10, done(4)),
      ev(mine, 10, { type: 'stamp-awarded', data: { stampId: 'fire' } }),
      ev(mine, 20, { exhibitId: 'quake-drill', type: 'exhibit-started', data: {} }),
      ev(theirs, 30, { type: 'stamp-awarded', data: { stampId: 'fire' } }),
    ])
    expect(res.json().accepted).toBe(7)
    const page = await t.app.inject({ url: `/api/passports/${formatPassportCode(mine)}` })
    expect(page.statusCode).toBe(200)
    const body = page.json()
    expect(Object.keys(body).sort()).toEqual(['centerName', 'code', 'exhibits'])
    expect(body).toEqual({
      code: mine,
      centerName: '测试馆',
      exhibits: [
        { exhibitId: 'fire-escape', stamped: true, stampedAt: at(10), bestScore: 4, maxScore: 4, attempts: 2 },
        { exhibitId: 'quake-drill', stamped: false, stampedAt: null, bestScore: null, maxScore: null, attempts: 1 },
      ],
    })
    for (const e of body.exhibits) expect(Object.keys(e).sort()).toEqual(['attempts', 'bestScore', 'exhibitId', 'maxScore', 'stampedAt', 'stamped'].sort())
    expect(page.body).not.toMatch(new RegExp(`${s.stationId}|槐树小学|四年级|session`))
    expect((await t.app.inject({ url: `/api/passports/${createPassportCode()}` })).statusCode).toBe(404)
  })

  it('is rate-limited per IP by the app clock: 429 after the limit, open again next window', async () => {
    t = await testApp({ passportRateMax: 5 })
    const [code] = await issuePassports(t.app, await loginAs(t, 'alice'), 1)
    const statuses: number[] = []
    // Guesses (unknown and malformed codes) count as much as real ones.
    for (const c of [code, createPassportCode(), 'ABC', code, code, code, createPassportCode()]) {
      statuses.push((await t.app.inject({ url: `/api/passports/${c}` })).statusCode)
    }
    expect(statuses).toEqual([200, 404, 400, 200, 200, 429, 429])
    const other = await t.app.inject({ url: `/api/passports/${code}`, remoteAddress: '10.0.0.9' })
    expect(other.statusCode).toBe(200)
    t.clock.advance(61_000)
    expect((await t.app.inject({ url: `/api/passports/${code}` })).statusCode).toBe(200)
  })
})

describe('GET /api/center', () => {
  it('tells cards and pages the center name, public address and core set, without auth', async () => {
    t = await testApp({ centerName: '国槐科普体验馆', publicUrl: 'https://kexue.example.cn', coreSet: ['fire-escape'] })
    expect((await t.app.inject({ url: '/api/center' })).json()).toEqual({
      centerName: '国槐科普体验馆',
      publicUrl: 'https://kexue.example.cn',
      coreSet: ['fire-escape'],
    })
  })
})
