// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../src/server/config.ts'
import { openDatabase, readMigrations, runMigrations } from '../../src/server/db/database.ts'
import { tempDir } from './helpers.ts'
import { bundledArgs } from './server-bundle.ts'

const ROOT = resolve(import.meta.dirname, '../..')
let cleanup: (() => void) | undefined
afterEach(() => {
  cleanup?.()
  cleanup = undefined
})

describe('config', () => {
  it('has working defaults', () => {
    const c = loadConfig({})
    expect(c).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dbPath: 'data/sophora.db',
      staticDir: 'dist',
      exhibitsDirs: ['exhibits'],
      synchronous: 'FULL',
      enrollCode: undefined,
    })
  })

  it('parses lists and numbers and treats empty strings as unset', () => {
    const c = loadConfig({ PORT: '9000', EXHIBITS_DIRS: 'exhibits, more/exhibits ,', LOG_LEVEL: '', STATION_ENROLL_CODE: 'abcd' })
    expect(c).toMatchObject({ port: 9000, exhibitsDirs: ['exhibits', 'more/exhibits'], logLevel: 'info', enrollCode: 'abcd' })
  })

  it('passport settings: center name, public address, core set, retention', () => {
    expect(loadConfig({})).toMatchObject({ centerName: '国槐科普体验馆', publicUrl: null, coreSet: null, retentionDays: 365, passportRateMax: 30 })
    expect(
      loadConfig({ CENTER_NAME: '西城科普馆', PUBLIC_URL: 'https://kexue.example.cn/', CORE_SET: 'fire-escape, quake-drill', RETENTION_DAYS: '200' }),
    ).toMatchObject({ centerName: '西城科普馆', publicUrl: 'https://kexue.example.cn', coreSet: ['fire-escape', 'quake-drill'], retentionDays: 200 })
  })

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['LOG_LEVEL', 'loud'],
    ['TIME_ZONE', 'Mars/Olympus'],
    ['DB_SYNCHRONOUS', 'OFF'],
    ['STATION_ENROLL_CODE', 'ab'],
    ['MAX_CLOCK_SKEW_S', '-1'],
    ['PUBLIC_URL', 'kexue.example.cn'],
    ['PUBLIC_URL', 'ftp://kexue.example.cn'],
    ['RETENTION_DAYS', '0'],
    ['RETENTION_DAYS', 'a year'],
    ['CORE_SET', 'Fire Escape'],
    ['CENTER_NAME', ' '],
  ])('rejects %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}:`))
  })

  it('a bad env var stops the real server start with a message naming it', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const r = spawnSync(process.execPath, await bundledArgs('server'), {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
      env: { ...process.env, PORT: 'not-a-port', DB_PATH: join(t.dir, 'x.db') },
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/Invalid configuration/)
    expect(r.stderr).toMatch(/PORT: /)
    expect(existsSync(join(t.dir, 'x.db'))).toBe(false)
  })
})

describe('migrations', () => {
  it('apply once, are tracked, and a new one is applied on the next start', () => {
    const t = tempDir()
    cleanup = t.cleanup
    const path = join(t.dir, 'nested', 'dir', 'db.sqlite')
    const db1 = openDatabase(path)
    const shipped = readMigrations().map((m) => m.name)
    expect(shipped[0]).toBe('001-init.sql')
    expect(db1.prepare('SELECT name FROM schema_migrations ORDER BY version').pluck().all()).toEqual(shipped)
    expect(db1.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db1.pragma('synchronous', { simple: true })).toBe(2) // FULL
    expect(runMigrations(db1)).toEqual([])
    db1.close()

    const extra = join(t.dir, 'migrations')
    mkdirSync(extra)
    for (const m of readMigrations()) writeFileSync(join(extra, m.name), m.sql)
    writeFileSync(join(extra, '999-test-extra.sql'), 'CREATE TABLE extra (x INTEGER);')
    const db2 = openDatabase(path, { migrationsDir: extra })
    expect(db2.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(shipped.length + 1)
    expect(runMigrations(db2, extra)).toEqual([])
    db2.close()
  })

  it('a failing migration is rolled back and not recorded', () => {
    const t = tempDir()
    cleanup = t.cleanup
    const dir = join(t.dir, 'migrations')
    mkdirSync(dir)
    writeFileSync(join(dir, '001-ok.sql'), 'CREATE TABLE a (x INTEGER);')
    writeFileSync(join(dir, '002-broken.sql'), 'CREATE TABLE b (x INTEGER); THIS IS NOT SQL;')
    expect(() => openDatabase(join(t.dir, 'db.sqlite'), { migrationsDir: dir })).toThrow()
    const db = new Database(join(t.dir, 'db.sqlite'))
    expect(db.prepare('SELECT name FROM schema_migrations').pluck().all()).toEqual(['001-ok.sql'])
    expect(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'b'").pluck().get()).toBe(0)
    db.close()
  })
})
