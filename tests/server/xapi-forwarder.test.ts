// @vitest-environment node
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { formatPassportCode } from '../../src/core/passport-code.ts'
import { statementIdOf } from '../../src/core/xapi.ts'
import { runCli } from '../../src/server/cli.ts'
import { ConfigError, loadConfig } from '../../src/server/config.ts'
import type { LrsConfig } from '../../src/server/xapi/config.ts'
import { createForwarderState } from '../../src/server/xapi/forwarder-state.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'
import { startFakeLrs, waitFor } from './fake-lrs.ts'
import type { FakeLrs } from './fake-lrs.ts'

const HOME = 'https://kexue.example.cn'
let t: TestApp | undefined
let lrs: FakeLrs | undefined
afterEach(async () => {
  await t?.cleanup()
  await lrs?.close()
  t = lrs = undefined
})

async function setup(over: Partial<LrsConfig> = {}, logLines?: string[]) {
  lrs = await startFakeLrs()
  const config: LrsConfig = {
    endpoint: lrs.endpoint,
    key: lrs.key,
    secret: lrs.secret,
    batchSize: 7,
    pollMs: 20,
    retryMs: 20,
    retryMaxMs: 100,
    timeoutMs: 5000,
    ...over,
  }
  t = await testApp({ xapi: { homePage: HOME, lrs: config } }, logLines ? { logTo: { level: 'info', lines: logLines } } : {})
  const { stationId, token } = await registerStation(t.app)
  const send = async (n: number) => {
    const events = Array.from({ length: n }, () => makeEvent(stationId))
    expect((await postEvents(t!.app, token, events)).statusCode).toBe(200)
    return events.map((e) => statementIdOf(e.id))
  }
  const position = () => createForwarderState(t!.ctx.db).row(config.endpoint, 0)
  return { lrs, t, send, position }
}

describe('xAPI forwarder (in process, against a receiving endpoint that validates like an LRS)', () => {
  it('delivers every event once, in batches of XAPI_BATCH_SIZE, valid, with version header and basic auth; new events follow', async () => {
    const { lrs, send, position } = await setup()
    const first = await send(30)
    await waitFor('30 statements', () => lrs.stored.size === 30)
    const later = await send(4)
    await waitFor('34 statements', () => lrs.stored.size === 34)
    expect(new Set(lrs.stored.keys())).toEqual(new Set([...first, ...later]))
    expect([...lrs.received.values()].every((n) => n === 1)).toBe(true)
    expect(lrs.problems).toEqual([])
    expect(Math.max(...lrs.requests.map((r) => r.size))).toBeLessThanOrEqual(7)
    await waitFor('position acknowledged', () => position().sent === 34)
    const latest = t!.ctx.db.prepare('SELECT MAX(seq) FROM events').pluck().get() as number
    expect(position().last_seq).toBe(latest)
    const status = (token: string) => t!.app.inject({ method: 'GET', url: '/api/xapi/forwarder', headers: { authorization: `Bearer ${token}` } })
    const res = await status(await loginAs(t!, 'admin1', 'admin'))
    expect(res.json()).toEqual({ enabled: true, endpoint: lrs.endpoint, position: latest, latest, pending: 0, sent: 34, lastError: null, lastErrorAt: null })
    expect((await status(await loginAs(t!, 'guide1', 'guide'))).statusCode).toBe(403)
  })

  it('retries 5xx with waits that double up to the cap, records the error meanwhile, and clears it on success', async () => {
    const { lrs, send, position } = await setup({ retryMs: 20, retryMaxMs: 100 })
    lrs.failNext(6, 503)
    const ids = await send(3)
    await waitFor('first failure recorded', () => position().last_error !== null)
    expect(position().last_error).toContain('503')
    await waitFor('delivery after the failures', () => lrs.stored.size === 3)
    expect(new Set(lrs.stored.keys())).toEqual(new Set(ids))
    const times = lrs.requests.map((r) => r.at)
    const gaps = times.slice(1, 7).map((at, i) => at - times[i]!)
    // Waits 20, 40, 80, then capped at 100 (each gap is the wait plus a local round trip).
    ;[20, 40, 80, 100, 100, 100].forEach((min, i) => expect(gaps[i]).toBeGreaterThanOrEqual(min - 2))
    expect(gaps[5]).toBeLessThan(1000)
    await waitFor('error cleared', () => position().last_error === null)
  })

  it('a refused batch (4xx) is retried and logged as an error, with passport codes the LRS quoted replaced, and no credentials', async () => {
    const lines: string[] = []
    const { lrs, send, position } = await setup({}, lines)
    const admin = await loginAs(t!, 'admin1', 'admin')
    const [code] = await issuePassports(t!.app, admin, 1)
    lrs.failNext(2, 400, { error: `statement.actor.account.name ${code} (${formatPassportCode(code!)}) refused` })
    await send(2)
    await waitFor('delivered after two refusals', () => lrs.stored.size === 2)
    const errors = lines.filter((l) => l.includes('batch not delivered'))
    expect(errors).toHaveLength(2)
    expect(errors.every((l) => (JSON.parse(l) as { level: number }).level === 50)).toBe(true)
    expect(errors[0]).toContain('LRS answered 400')
    expect(errors[0]).toContain(':code')
    const all = lines.join('\n')
    for (const secret of [code!, formatPassportCode(code!), lrs.secret, Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')])
      expect(all).not.toContain(secret)
    await waitFor('acknowledged', () => position().sent === 2)
  })

  it('a batch the LRS partly holds (409) is resolved by PUT per id: nothing is stored twice, the position advances', async () => {
    const { lrs, send, position } = await setup({ batchSize: 10 })
    lrs.failNext(1000, 503)
    const ids = await send(5)
    await waitFor('a failure', () => position().last_error !== null)
    // As after a crash between send and acknowledgement: the LRS already holds two of them.
    const snapshot = await waitForStatements(ids.slice(0, 2))
    for (const s of snapshot) lrs.stored.set(s.id, s)
    lrs.failNext(0)
    await waitFor('all five', () => lrs.stored.size === 5)
    await waitFor('acknowledged', () => position().sent === 5)
    expect(lrs.requests.filter((r) => r.status === 409 && r.method === 'POST')).toHaveLength(1)
    expect(lrs.requests.filter((r) => r.method === 'PUT').map((r) => r.status)).toEqual([204, 204, 204, 204, 204])
    expect(lrs.problems).toEqual([])
  })

  it('xapi-position --day resends from a point; the LRS recognises every resent id', async () => {
    const { lrs, send, position } = await setup()
    await send(10)
    await waitFor('10 acknowledged', () => position().sent === 10)
    const out: string[] = []
    const env = { DB_PATH: t!.config.dbPath, XAPI_HOMEPAGE: HOME, XAPI_LRS_ENDPOINT: lrs.endpoint, XAPI_LRS_KEY: lrs.key, XAPI_LRS_SECRET: lrs.secret }
    const today = t!.ctx.db.prepare('SELECT MIN(day) FROM events').pluck().get() as string
    expect(await runCli(['xapi-position', '--day', today], env, (s) => out.push(s))).toBe(0)
    expect(out.join('\n')).toContain('10 events to send')
    await waitFor('resent and acknowledged', () => position().sent === 20)
    expect(lrs.stored.size).toBe(10)
    // Resent as a batch (409: already held), then by id: each answered 204, the same statement.
    const puts = lrs.requests.filter((r) => r.method === 'PUT')
    expect(puts.map((r) => r.status)).toEqual(Array(10).fill(204))
    expect(lrs.problems).toEqual([])
    const status: string[] = []
    expect(await runCli(['xapi-status'], env, (s) => status.push(s))).toBe(0)
    expect(status.join('\n')).toMatch(/pending 0\tsent 20/)
  })

  it('closing the server aborts a request the LRS has not answered, without acknowledging it', async () => {
    const { lrs, send, position } = await setup({ timeoutMs: 30_000 })
    let hold = () => {}
    lrs.afterStore = () => new Promise<void>((resolve) => (hold = resolve))
    await send(3)
    await waitFor('the batch at the LRS', () => lrs.stored.size === 3)
    expect(position()).toMatchObject({ sent: 0, last_seq: 0 })
    const started = performance.now()
    await t!.app.close()
    expect(performance.now() - started).toBeLessThan(5000)
    hold()
    const db = new Database(t!.config.dbPath, { readonly: true })
    expect(db.prepare('SELECT sent, last_seq FROM xapi_forwarder').get()).toEqual({ sent: 0, last_seq: 0 })
    db.close()
  })

  it('is off without XAPI_LRS_ENDPOINT and refuses a half configuration', async () => {
    expect(loadConfig({}).xapi).toEqual({ homePage: 'https://sophora.invalid', lrs: null })
    expect(loadConfig({ PUBLIC_URL: 'https://kexue.example.cn/' }).xapi.homePage).toBe('https://kexue.example.cn')
    const lrsEnv = { XAPI_LRS_ENDPOINT: 'https://lrs.example.cn/xapi/', XAPI_LRS_KEY: 'k', XAPI_LRS_SECRET: 's' }
    expect(() => loadConfig(lrsEnv)).toThrow(/XAPI_HOMEPAGE/)
    expect(() => loadConfig({ ...lrsEnv, XAPI_LRS_SECRET: '', PUBLIC_URL: HOME })).toThrow(ConfigError)
    expect(() => loadConfig({ ...lrsEnv, XAPI_HOMEPAGE: HOME, XAPI_BATCH_SIZE: '0' })).toThrow(/XAPI_BATCH_SIZE/)
    expect(() => loadConfig({ ...lrsEnv, XAPI_HOMEPAGE: HOME, XAPI_LRS_ENDPOINT: 'https://k:s@lrs.example.cn/xapi' })).toThrow(/user:password/)
    expect(loadConfig({ ...lrsEnv, XAPI_HOMEPAGE: HOME }).xapi.lrs).toMatchObject({ endpoint: 'https://lrs.example.cn/xapi', batchSize: 100 })

    t = await testApp({ xapi: { homePage: HOME, lrs: null } })
    const admin = await loginAs(t, 'admin1', 'admin')
    const res = await t.app.inject({ method: 'GET', url: '/api/xapi/forwarder', headers: { authorization: `Bearer ${admin}` } })
    expect(res.json()).toMatchObject({ enabled: false, endpoint: null })
  })
})

/** The statements as the server makes them, taken from its own export (so the "already held" copies are identical). */
async function waitForStatements(ids: string[]): Promise<{ id: string }[]> {
  const admin = await loginAs(t!, 'admin-x', 'admin')
  const res = await t!.app.inject({ method: 'GET', url: '/api/xapi/statements?from=2000-01-01&to=2999-12-31', headers: { authorization: `Bearer ${admin}` } })
  const all = JSON.parse(res.body) as { id: string }[]
  return all.filter((s) => ids.includes(s.id))
}
