// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { issuePassports, loginAs, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

/**
 * Issue 14: guides and admins have different rights over passports, both are audited, and
 * admins manage users through the API (the last admin is protected).
 */
let t: TestApp
let admin: string, guideA: string, guideB: string, station: string
let codeA: string, codeB: string, orphan: string

const as = (token: string | null) => (token ? { authorization: `Bearer ${token}` } : {})
const get = (url: string, token: string | null) => t.app.inject({ url, headers: as(token) })
const auditOf = async (query: Record<string, string>) => {
  const res = await t.app.inject({ url: '/api/admin/audit', query, headers: as(admin) })
  expect(res.statusCode, res.body).toBe(200)
  return (res.json() as { entries: { user: string; role: string; action: string; passportCode: string | null; targetUser: string | null }[] }).entries
}
const patch = (id: number, body: unknown, token = admin) =>
  t.app.inject({ method: 'PATCH', url: `/api/admin/users/${id}`, payload: body as object, headers: as(token) })
const idOf = (name: string) => t.ctx.db.prepare('SELECT id FROM users WHERE name = ?').pluck().get(name) as number

beforeAll(async () => {
  t = await testApp()
  admin = await loginAs(t, 'boss', 'admin', 'admin-pass-1')
  guideA = await loginAs(t, 'wang', 'guide', '2468')
  guideB = await loginAs(t, 'li', 'guide', '1357')
  station = (await registerStation(t.app)).token
  ;[codeA] = (await issuePassports(t.app, guideA, 1)) as [string]
  ;[codeB] = (await issuePassports(t.app, guideB, 1)) as [string]
  // A batch from before issue 14 (no issuer recorded): admin-only.
  ;[orphan] = (await issuePassports(t.app, guideA, 1)) as [string]
  t.ctx.db.prepare('UPDATE passport_batches SET created_by = NULL WHERE id = (SELECT batch_id FROM passports WHERE code = ?)').run(orphan)
})
afterAll(async () => {
  await t.cleanup()
})

describe('who may read, export and delete a passport', () => {
  it('history and export: admin every passport, a guide their own class sets, stations and strangers none', async () => {
    const cases: [string, string | null, string, number][] = [
      ['guide own', guideA, codeA, 200],
      ["other guide's", guideB, codeA, 403],
      ['guide, no issuer', guideA, orphan, 403],
      ['admin', admin, codeB, 200],
      ['admin, no issuer', admin, orphan, 200],
      ['station token', station, codeA, 403],
      ['no token', null, codeA, 401],
    ]
    for (const [label, token, code, status] of cases)
      for (const url of [`/api/stats/passports/${code}`, `/api/passports/${code}/export`]) {
        const res = await get(url, token)
        expect(res.statusCode, `${label} ${url}: ${res.body}`).toBe(status)
        if (status === 403 && token !== station) expect(res.json().error).toBe('not-your-passport')
      }
    // A code nobody issued: a guide cannot tell it from someone else's; an admin sees it is empty.
    expect((await get('/api/stats/passports/0000000000', guideA)).statusCode).toBe(403)
    expect((await get('/api/stats/passports/0000000000', admin)).json().events).toEqual([])
  })

  it("a class set's print sheet and session summary follow the same rule", async () => {
    const batchId = t.ctx.db.prepare('SELECT batch_id FROM passports WHERE code = ?').pluck().get(codeA) as string
    expect((await get(`/api/passports/batches/${batchId}`, guideA)).statusCode).toBe(200)
    expect((await get(`/api/passports/batches/${batchId}`, guideB)).statusCode).toBe(403)
    expect((await get(`/api/passports/batches/${batchId}`, admin)).statusCode).toBe(200)
    const summary = `/api/guide/sessions/${crypto.randomUUID()}/summary?batchId=${batchId}`
    expect((await get(summary, guideB)).statusCode).toBe(403)
    expect((await get(summary, guideA)).statusCode).toBe(200)
  })

  it('delete: the issuing guide or an admin; every access is in the audit, with role and time', async () => {
    const [mine, theirs] = (await issuePassports(t.app, guideA, 2)) as [string, string]
    const del = (code: string, token: string | null) => t.app.inject({ method: 'DELETE', url: `/api/passports/${code}`, headers: as(token) })
    expect((await del(mine, guideB)).statusCode).toBe(403)
    expect((await del(mine, station)).statusCode).toBe(403)
    expect((await del(mine, guideA)).statusCode).toBe(204)
    expect((await del(theirs, admin)).statusCode).toBe(204)
    expect((await del(theirs, admin)).statusCode).toBe(410)
    expect((await auditOf({ passportCode: mine })).map((e) => [e.user, e.role, e.action])).toEqual([['wang', 'guide', 'passport-delete']])
    expect((await auditOf({ passportCode: theirs })).map((e) => [e.user, e.action])).toEqual([['boss', 'passport-delete']])
    // Refused requests leave no entry; granted reads and exports do.
    const onA = await auditOf({ passportCode: codeA })
    expect(onA.map((e) => `${e.user}:${e.action}`).sort()).toEqual(['wang:passport-export', 'wang:passport-read'])
    const byBoss = (await auditOf({ user: 'boss' })).map((e) => e.action)
    expect(byBoss).toEqual(expect.arrayContaining(['passport-read', 'passport-export', 'batch-print', 'passport-delete']))
    expect((await auditOf({ from: '2020-01-01', to: '2020-01-02' })).length).toBe(0)
    expect((await auditOf({ from: '2020-01-01', to: '2099-01-01' })).length).toBeGreaterThan(5)
  })

  it('a failed action writes no audit entry, and a failed audit entry undoes the action', async () => {
    const [code] = (await issuePassports(t.app, guideA, 1)) as [string]
    const db = t.ctx.db
    db.exec(`CREATE TRIGGER test_fail_delete BEFORE UPDATE OF status ON passports BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    expect((await t.app.inject({ method: 'DELETE', url: `/api/passports/${code}`, headers: as(admin) })).statusCode).toBe(500)
    db.exec('DROP TRIGGER test_fail_delete')
    expect(await auditOf({ passportCode: code })).toEqual([])
    db.exec(`CREATE TRIGGER test_fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/users', payload: { name: 'ghost', role: 'guide', password: '9999' }, headers: as(admin) })
    db.exec('DROP TRIGGER test_fail_audit')
    expect(res.statusCode).toBe(500)
    expect(db.prepare("SELECT COUNT(*) FROM users WHERE name = 'ghost'").pluck().get()).toBe(0)
    expect(db.prepare('SELECT status FROM passports WHERE code = ?').pluck().get(code)).toBe('active')
  })

  it('audit entries cannot be changed, and the retention job drops the old ones', async () => {
    expect(() => t.ctx.db.exec("UPDATE audit_log SET user_name = 'nobody'")).toThrow(/append-only/)
    const before = t.ctx.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number
    expect(before).toBeGreaterThan(0)
    t.clock.advance((t.config.auditRetentionDays + 1) * 86_400_000)
    expect(t.ctx.retention().auditEntriesDropped).toBe(before)
    t.clock.advance(-(t.config.auditRetentionDays + 1) * 86_400_000)
  })
})

describe('user management (admin only)', () => {
  it('a guide or a station cannot list users or read the audit', async () => {
    for (const url of ['/api/admin/users', '/api/admin/audit']) {
      const res = await get(url, guideA)
      expect(res.statusCode).toBe(403)
      expect(res.json().error).toBe('admin-only')
      expect((await get(url, station)).statusCode).toBe(403)
      expect((await get(url, null)).statusCode).toBe(401)
    }
  })

  it('creates users with the password policy, lists them, resets a password (signing the user out)', async () => {
    const create = (body: object) => t.app.inject({ method: 'POST', url: '/api/admin/users', payload: body, headers: as(admin) })
    expect((await create({ name: 'zhao', role: 'guide', password: '12' })).json().error).toBe('weak-password')
    expect((await create({ name: 'zhao', role: 'admin', password: '1234567' })).statusCode).toBe(400)
    expect((await create({ name: 'wang', role: 'guide', password: '2468' })).statusCode).toBe(409)
    const made = await create({ name: 'zhao', role: 'guide', password: '1234' })
    expect(made.statusCode).toBe(201)
    expect(made.json()).toMatchObject({ name: 'zhao', role: 'guide', disabled: false, lastSignInAt: null })
    const list = (await get('/api/admin/users', admin)).json().users as { name: string; lastSignInAt: string | null }[]
    expect(list.map((u) => u.name)).toEqual(['boss', 'li', 'wang', 'zhao'])
    expect(list.find((u) => u.name === 'wang')?.lastSignInAt).not.toBeNull()

    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'zhao', password: '1234' } })
    const zhao = login.json().token as string
    expect((await patch(idOf('zhao'), { password: '5678' })).statusCode).toBe(200)
    expect((await get('/api/auth/me', zhao)).statusCode).toBe(401)
    expect((await auditOf({ user: 'zhao' })).map((e) => e.action)).toEqual(['user-password', 'user-create'])
  })

  it('disabling a user ends their sessions at once; they cannot sign in until enabled', async () => {
    const id = idOf('li')
    expect((await get('/api/auth/me', guideB)).statusCode).toBe(200)
    expect((await patch(id, { disabled: true })).json()).toMatchObject({ disabled: true })
    expect((await get('/api/auth/me', guideB)).statusCode).toBe(401)
    const refused = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'li', password: '1357' } })
    expect(refused.statusCode).toBe(403)
    expect(refused.json().error).toBe('account-disabled')
    expect((await patch(id, { disabled: false })).statusCode).toBe(200)
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { name: 'li', password: '1357' } })).statusCode).toBe(200)
    expect((await auditOf({ user: 'li' })).slice(0, 2).map((e) => e.action)).toEqual(['user-enable', 'user-disable'])
  })

  it('the last admin cannot be disabled or demoted; with a second admin they can', async () => {
    const boss = idOf('boss')
    for (const change of [{ disabled: true }, { role: 'guide' }]) {
      const res = await patch(boss, change)
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toBe('last-admin')
    }
    expect((await patch(idOf('wang'), { role: 'admin' })).json()).toMatchObject({ role: 'admin' })
    // Promoted at once: wang's existing session now reads the audit.
    expect((await get('/api/admin/audit', guideA)).statusCode).toBe(200)
    expect((await patch(boss, { role: 'guide' }, guideA)).statusCode).toBe(200)
    expect((await get('/api/admin/users', admin)).statusCode).toBe(403)
    const last = await patch(idOf('wang'), { disabled: true }, guideA)
    expect(last.json().error).toBe('last-admin')
    expect((await patch(9999, { disabled: true }, guideA)).statusCode).toBe(404)
  })
})

describe('the audit filter keeps passport codes out of the request log', () => {
  it('logs the audit query with the code redacted', async () => {
    const lines: string[] = []
    const l = await testApp({}, { logTo: { level: 'info', lines } })
    try {
      const token = await loginAs(l, 'boss', 'admin', 'admin-pass-1')
      const [code] = (await issuePassports(l.app, token, 1)) as [string]
      const res = await l.app.inject({ url: '/api/admin/audit', query: { passportCode: code }, headers: as(token) })
      expect(res.json().entries).toEqual([])
      expect(lines.some((line) => line.includes('/api/admin/audit'))).toBe(true)
      expect(lines.filter((line) => line.includes(code))).toEqual([])
    } finally {
      await l.cleanup()
    }
  })
})
