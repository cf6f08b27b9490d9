// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { runCli } from '../cli.ts'
import { openDatabase } from '../db/database.ts'
import { findUserByName as findUser } from '../db/users-repo.ts'
import { verifyPassword } from '../auth/secrets.ts'

let dir: string | undefined
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('admin CLI', () => {
  it('creates, lists and resets users in DB_PATH', async () => {
    dir = mkdtempSync(join(tmpdir(), 'sophora-cli-'))
    const env = { DB_PATH: join(dir, 'cli.db') }
    const out: string[] = []
    const log = (s: string) => {
      out.push(s)
    }
    expect(await runCli(['create-user', '--name', 'alice', '--role', 'admin', '--password', 'long-enough'], env, log)).toBe(0)
    expect(await runCli(['create-user', '--name', 'wang', '--role', 'guide'], { ...env, SOPHORA_PASSWORD: '1357' }, log)).toBe(0)
    await expect(runCli(['create-user', '--name', 'bob', '--role', 'admin', '--password', 'short'], env, log)).rejects.toThrow(/at least 8/)
    await expect(runCli(['create-user', '--name', 'alice', '--role', 'admin', '--password', 'long-enough'], env, log)).rejects.toThrow(/exists/)
    await expect(runCli(['create-user', '--name', 'eve', '--role', 'root', '--password', 'long-enough'], env, log)).rejects.toThrow()
    out.length = 0
    expect(await runCli(['list-users'], env, log)).toBe(0)
    expect(out.map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual(['alice admin', 'wang guide'])
    expect(await runCli(['reset-password', '--name', 'wang', '--password', '9999'], env, log)).toBe(0)
    const db = openDatabase(env.DB_PATH)
    expect(await verifyPassword('9999', findUser(db, 'wang')!.password_hash)).toBe(true)
    expect(await verifyPassword('1357', findUser(db, 'wang')!.password_hash)).toBe(false)
    db.close()
    expect(await runCli(['frobnicate'], env, log)).toBe(2)
  })
})
