// @vitest-environment node
import { mkdirSync } from 'node:fs'
import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { makeEvent, tempDir, testConfig } from './helpers.ts'
import { buildApp } from '../../src/server/app.ts'
import { runCli } from '../../src/server/cli.ts'
import { killAll, postJson as post, runAdminProcess, startServerProcess, stopServerProcess } from './server-process.ts'

const children: ChildProcess[] = []
let cleanup: (() => void) | undefined
afterEach(() => {
  killAll(children)
  cleanup?.()
  cleanup = undefined
})

describe('backup and restore (real processes)', () => {
  it('a backup taken by the CLI during ingest holds every event acknowledged before it began; restored into a fresh folder, a server starts on it', async () => {
    const t = tempDir()
    cleanup = t.cleanup
    const dbPath = join(t.dir, 'center', 'data', 'sophora.db')
    const server = await startServerProcess(dbPath, children)
    const { json: reg } = await post(server.base, '/api/stations', { stationId: crypto.randomUUID() })
    const token = reg.token as string
    const stationId = reg.stationId as string

    const acknowledged = new Set<string>()
    let stop = false
    const stream = async () => {
      while (!stop) {
        const batch = Array.from({ length: 25 }, () => makeEvent(stationId, { type: 'step-completed', data: { stepId: 'crawl-low' } }))
        const { status, json } = await post(server.base, '/api/events', { events: batch }, token)
        expect(status).toBe(200)
        for (const r of json.results as { id: string }[]) acknowledged.add(r.id)
      }
    }
    const streams = [stream(), stream(), stream()]
    while (acknowledged.size < 300) await new Promise((r) => setTimeout(r, 20))
    const beforeBackup = new Set(acknowledged)
    const file = join(t.dir, 'usb-stick', 'backup.db')
    mkdirSync(join(t.dir, 'usb-stick'))
    const backup = await runAdminProcess(['backup', file], { DB_PATH: dbPath }, children)
    const duringBackup = acknowledged.size - beforeBackup.size
    stop = true
    await Promise.all(streams)
    expect(backup.output).toMatch(/^Backup written: .*backup\.db \(\d+ events, /)
    expect(backup.code).toBe(0)
    // Ingest went on while the CLI ran: the backup really was taken mid-stream.
    expect(duringBackup).toBeGreaterThan(0)
    expect(await stopServerProcess(server.child)).toBe(0)

    const freshDb = join(t.dir, 'new-pc', 'data', 'sophora.db')
    // In this process: the restore runs with the server stopped, so nothing is gained by a third process.
    const printed: string[] = []
    expect(await runCli(['restore', file], { DB_PATH: freshDb }, (l) => printed.push(l))).toBe(0)
    expect(printed[0]).toMatch(/^Restored .*backup\.db into .*new-pc.*: \d+ events/)
    // A server on the restored folder (in this process: the real server process was proven above).
    const second = await buildApp(testConfig(join(t.dir, 'new-pc'), { dbPath: freshDb }))
    // The same station's token still works: it came back with the data.
    const after = makeEvent(stationId)
    const res = await second.inject({ method: 'POST', url: '/api/events', headers: { authorization: `Bearer ${token}` }, payload: { events: [after] } })
    expect(res.json()).toMatchObject({ accepted: 1 })
    await second.close()

    const db = new Database(freshDb, { readonly: true })
    const stored = new Set(db.prepare('SELECT id FROM events').pluck().all() as string[])
    expect([...beforeBackup].filter((id) => !stored.has(id))).toEqual([])
    expect(stored.has(after.id)).toBe(true)
    // Nothing that was never acknowledged: the copy is a committed state, not a torn one.
    expect([...stored].filter((id) => id !== after.id && !acknowledged.has(id))).toEqual([])
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    db.close()
  })
})
