// @vitest-environment node
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { statementIdOf } from '../../src/core/xapi.ts'
import { makeEvent, tempDir } from './helpers.ts'
import { startFakeLrs, waitFor } from './fake-lrs.ts'
import type { FakeLrs } from './fake-lrs.ts'
import { killAll, postJson, startServerProcess } from './server-process.ts'

const children: ChildProcess[] = []
let lrs: FakeLrs | undefined
let cleanup: (() => void) | undefined
afterEach(async () => {
  killAll(children)
  await lrs?.close()
  cleanup?.()
  lrs = cleanup = undefined
})

const exited = (c: ChildProcess) => new Promise<void>((r) => (c.exitCode !== null || c.signalCode !== null ? r() : c.once('exit', () => r())))

describe('xAPI forwarder across a crash (the real server process, SIGKILL)', () => {
  it('killed after the LRS stored a batch but before it acknowledged: after restart every event reaches the LRS exactly once', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const dbPath = join(t.dir, 'data', 'sophora.db')
    const fake = (lrs = await startFakeLrs())
    const env = {
      XAPI_HOMEPAGE: 'https://kexue.example.cn',
      XAPI_LRS_ENDPOINT: fake.endpoint,
      XAPI_LRS_KEY: fake.key,
      XAPI_LRS_SECRET: fake.secret,
      XAPI_BATCH_SIZE: '5',
      XAPI_POLL_MS: '20',
      XAPI_RETRY_MS: '20',
    }
    const first = await startServerProcess(dbPath, children, env)
    const stationId = crypto.randomUUID()
    const token = (await postJson(first.base, '/api/stations', { stationId })).json.token as string
    const post = async (base: string, n: number) => {
      const events = Array.from({ length: n }, () => makeEvent(stationId))
      expect((await postJson(base, '/api/events', { events }, token)).status).toBe(200)
      return events.map((e) => statementIdOf(e.id))
    }

    // The worst moment: the 4th batch is stored at the LRS, the server dies before the 200 reaches it.
    let batches = 0
    let inWindow: string[] = []
    fake.afterStore = async (ids) => {
      if (++batches !== 4) return
      inWindow = ids
      first.child.kill('SIGKILL')
      await exited(first.child)
    }
    const before = await post(first.base, 60)
    await exited(first.child)
    expect(first.child.signalCode).toBe('SIGKILL')
    fake.afterStore = null
    expect(inWindow).toHaveLength(5)
    const db = new Database(dbPath, { readonly: true })
    const position = () => db.prepare('SELECT last_seq, sent FROM xapi_forwarder').get() as { last_seq: number; sent: number }
    // Three batches acknowledged and recorded; the fourth is at the LRS but not acknowledged.
    expect(position()).toEqual({ last_seq: 15, sent: 15 })
    expect(fake.stored.size).toBe(20)

    const second = await startServerProcess(dbPath, children, env)
    const after = await post(second.base, 20)
    const all = [...before, ...after]
    await waitFor('all 80 statements', () => fake.stored.size === 80)
    await waitFor('all acknowledged', () => position().sent === 80)

    expect(new Set(fake.stored.keys())).toEqual(new Set(all))
    // Only the batch in the crash window arrived again (and the LRS recognised it); nothing else twice.
    const again = [...fake.received].filter(([, n]) => n > 1).map(([id]) => id)
    expect(new Set(again)).toEqual(new Set(inWindow))
    expect(fake.problems).toEqual([])
    expect(position().last_seq).toBe(db.prepare('SELECT MAX(seq) FROM events').pluck().get())
    db.close()
    second.child.kill('SIGTERM')
    await exited(second.child)
    expect(second.child.exitCode).toBe(0)
  })
})
