// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { makePrivateDir, openDatabase } from '../../src/server/db/database.ts'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { buildApp } from '../../src/server/app.ts'
import { loadConfig } from '../../src/server/config.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, tempDir, testApp, testConfig } from './helpers.ts'
import type { TestApp } from './helpers.ts'

/** Files and logs of a real center's server (issue 14): private files, no secrets in request logs. */
let t: TestApp | undefined
const dirs: (() => void)[] = []
afterEach(async () => {
  await t?.cleanup()
  t = undefined
  for (const c of dirs.splice(0)) c()
})
const mode = (path: string) => statSync(path).mode & 0o777

describe('files', () => {
  it('the database, its WAL and SHM are 0600 and its new folder 0700, whatever the umask', () => {
    const d = tempDir()
    dirs.push(d.cleanup)
    const old = process.umask(0o002)
    try {
      const path = join(d.dir, 'new', 'data', 'sophora.db')
      const db = openDatabase(path)
      db.exec("INSERT INTO users (name, role, password_hash, created_ms) VALUES ('a', 'admin', 'x', 1)")
      expect([mode(join(d.dir, 'new')), mode(join(d.dir, 'new', 'data'))]).toEqual([0o700, 0o700])
      expect([path, `${path}-wal`, `${path}-shm`].map(mode)).toEqual([0o600, 0o600, 0o600])
      db.close()
      makePrivateDir(join(d.dir, 'new', 'data', 'backups'))
      expect(mode(join(d.dir, 'new', 'data', 'backups'))).toBe(0o700)
    } finally {
      process.umask(old)
    }
  })
})

describe('request logs', () => {
  it('carry no passport code, token, password, cookie or secret, from URL, query, headers or body', async () => {
    const lines: string[] = []
    t = await testApp({}, { logTo: { level: 'trace', lines } })
    const secret = 's'.repeat(40)
    const s = await registerStation(t.app, { secret })
    const admin = await loginAs(t, 'alice', 'admin', 'pw-alice-secret')
    const [code] = (await issuePassports(t.app, admin, 1)) as [string]
    const stranger = createPassportCode()
    const cookie = 'sid=cookie-secret-value'
    const requests = [
      { url: `/api/passports/${code}` },
      { url: `/api/stats/passports/${code}?cursor=1.1&token=${s.token}` },
      { url: `/api/passports/${stranger}/export?password=pw-in-query`, headers: { authorization: `Bearer ${admin}`, cookie } },
      { url: '/api/auth/me', headers: { authorization: `Bearer ${admin}`, cookie } },
      { url: '/api/auth/me', headers: { authorization: 'Bearer sut_forged-token-value' } },
      { method: 'POST' as const, url: '/api/auth/login', payload: { name: 'alice', password: 'pw-wrong-secret' } },
      { method: 'POST' as const, url: '/api/auth/login', payload: 'password=pw-broken-json', headers: { 'content-type': 'application/json' } },
      { method: 'POST' as const, url: '/api/stations', payload: { stationId: s.stationId, secret } },
    ]
    for (const r of requests) await t.app.inject(r)
    await postEvents(t.app, s.token, [makeEvent(s.stationId, { passportId: code })])
    const log = lines.join('')
    // The requests were logged, with the code and query values replaced.
    expect(log).toMatch(/"url":"\/api\/stats\/passports\/:code\?cursor=1\.1&token=:redacted"/)
    expect(log).toMatch(/"url":"\/api\/auth\/login"/)
    for (const leak of [
      code,
      stranger,
      s.token,
      admin,
      'forged-token-value',
      'pw-alice-secret',
      'pw-wrong-secret',
      'pw-broken-json',
      'pw-in-query',
      'cookie-secret-value',
      secret,
    ])
      expect(log, leak).not.toContain(leak)
  })
})

describe('log file', () => {
  it('LOG_FILE: request lines go to a 0600 file that rolls over at its size limit, keeping the newest', async () => {
    const d = tempDir()
    dirs.push(d.cleanup)
    const logDir = join(d.dir, 'logs')
    const config = testConfig(d.dir, { logLevel: 'info', logFile: { path: join(logDir, 'sophora.log'), maxBytes: 4096, keep: 2 } })
    expect(loadConfig({ LOG_FILE: 'logs/s.log' }).logFile).toEqual({ path: 'logs/s.log', maxBytes: 10 * 1024 * 1024, keep: 14 })
    const app = await buildApp(config)
    const files = () => readdirSync(logDir).sort()
    const logged = () =>
      files()
        .map((f) => readFileSync(join(logDir, f), 'utf8'))
        .join('')
    // pino-roll rolls when the file stream drains, as it does between a center's requests:
    // each request waits until its line is on disk, like a quiet server.
    for (let i = 0; i < 40; i++) {
      await app.inject({ url: `/api/health?i=${i}` })
      await expect.poll(logged, { timeout: 5000, interval: 5 }).toContain(`i=${i}"`)
    }
    await expect.poll(files, { timeout: 5000 }).toHaveLength(3)
    await app.close()
    expect(mode(logDir)).toBe(0o700)
    for (const f of files()) {
      expect(f).toMatch(/^sophora\.\d+\.log$/)
      expect(mode(join(logDir, f))).toBe(0o600)
      expect(statSync(join(logDir, f)).size).toBeLessThan(4096 + 2048)
    }
    const newest = files().sort((a, b) => Number(b.split('.')[1]) - Number(a.split('.')[1]))[0]!
    expect(Number(newest.split('.')[1])).toBeGreaterThan(3)
    expect(readFileSync(join(logDir, newest), 'utf8')).toMatch(/"url":"\/api\/health\?i=39"/)
  })
})
