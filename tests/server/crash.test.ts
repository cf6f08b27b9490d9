// @vitest-environment node
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { FIXTURE_EXHIBITS, makeEvent, tempDir } from './helpers.ts'
import type { VisitEvent } from '../../src/core/event-schema.ts'

const ROOT = resolve(import.meta.dirname, '../..')
const children: ChildProcess[] = []
let cleanup: (() => void) | undefined
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL')
  cleanup?.()
  cleanup = undefined
})

/** Starts the real server (`tsx src/server/server.ts`) as its own process on a random port. */
async function startServer(dbPath: string): Promise<{ child: ChildProcess; base: string }> {
  // node --import tsx runs the server in this very process, so SIGKILL hits the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DB_PATH: dbPath,
      EXHIBITS_DIRS: FIXTURE_EXHIBITS,
      LOG_LEVEL: 'warn',
      INGEST_RATE_MAX: '100000',
      STATIC_DIR: join(dbPath, '..', 'none'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let out = ''
  const base = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server did not start: ${out}`)), 30_000)
    const onData = (d: Buffer) => {
      out += d.toString()
      const m = /running at (http:\/\/[^\s]+)/.exec(out)
      if (m?.[1]) {
        clearTimeout(timer)
        res(m[1])
      }
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      rej(new Error(`server exited ${code}: ${out}`))
    })
  })
  return { child, base }
}

async function post(base: string, path: string, body: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

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
