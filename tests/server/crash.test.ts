// @vitest-environment node
import { join } from 'node:path'
import type { ChildProcess } from 'node:child_process'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { makeEvent, tempDir } from './helpers.ts'
import { killAll, postJson as post, startServerProcess } from './server-process.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'

const children: ChildProcess[] = []
let cleanup: (() => void) | undefined
afterEach(() => {
  killAll(children)
  cleanup?.()
  cleanup = undefined
})

const startServer = (dbPath: string) => startServerProcess(dbPath, children)

describe('durability', () => {
  it('every event of an acknowledged batch survives SIGKILL mid-stream; resending stores each exactly once', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const dbPath = join(t.dir, 'data', 'sophora.db')
    const first = await startServer(dbPath)
    const stationId = crypto.randomUUID()
    const { json: reg } = await post(first.base, '/api/stations', { stationId })
    const token = reg.token as string

    const acknowledged = new Set<string>()
    const sent: VisitEvent[][] = []
    let killed = false
    const stream = async () => {
      while (!killed) {
        const batch = Array.from({ length: 25 }, () => makeEvent(stationId, { type: 'step-completed', data: { stepId: 'crawl-low' } }))
        sent.push(batch)
        try {
          const { status, json } = await post(first.base, '/api/events', { events: batch }, token)
          if (status === 200) for (const r of json.results as { id: string; status: string }[]) acknowledged.add(r.id)
        } catch {
          return // the server is gone
        }
      }
    }
    const streams = [stream(), stream(), stream()]
    while (acknowledged.size < 1000) await new Promise((r) => setTimeout(r, 20))
    killed = true
    first.child.kill('SIGKILL')
    await Promise.all(streams)
    expect(first.child.signalCode ?? 'SIGKILL').toBe('SIGKILL')

    const second = await startServer(dbPath)
    const db = new Database(dbPath, { readonly: true })
    const stored = new Set(db.prepare('SELECT id FROM events').pluck().all() as string[])
    const lost = [...acknowledged].filter((id) => !stored.has(id))
    expect(acknowledged.size).toBeGreaterThanOrEqual(1000)
    expect(lost).toEqual([])

    // What a station does after the outage: resend everything it was not sure about.
    for (const batch of sent) {
      const { status, json } = await post(second.base, '/api/events', { events: batch }, token)
      expect(status).toBe(200)
      for (const r of json.results as { id: string; status: string }[]) {
        expect(r.status).toBe(acknowledged.has(r.id) || stored.has(r.id) ? 'duplicate' : 'accepted')
      }
    }
    const total = sent.reduce((n, b) => n + b.length, 0)
    expect(db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(total)
    expect(db.prepare("SELECT SUM(n) FROM daily_counts WHERE type = 'step-completed'").pluck().get()).toBe(total)
    db.close()
    second.child.kill('SIGTERM')
    await new Promise((r) => second.child.once('exit', r))
    expect(second.child.exitCode).toBe(0)
  })
})
