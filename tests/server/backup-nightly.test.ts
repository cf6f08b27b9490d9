// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest'
import { backupDirOf } from '../../src/server/config.ts'
import { listBackups } from '../../src/server/backup/backup-file.ts'
import { makeEvent, postEvents, registerStation, testApp } from './helpers.ts'
import type { TestApp } from './helpers.ts'

let t: TestApp | undefined
afterEach(async () => {
  vi.useRealTimers()
  await t?.cleanup()
  t = undefined
})

describe('the nightly backup in the server', () => {
  it('is checked every 10 minutes (not at start), written next to the database and logged', async () => {
    // Only the interval is faked: SQLite's backup steps run on real setImmediate.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const lines: string[] = []
    t = await testApp({ backupHour: 0, timeZone: 'UTC' }, { logTo: { level: 'info', lines } })
    const dir = backupDirOf(t.config)
    expect(dir.startsWith(t.config.dbPath.replace(/sophora\.db$/, ''))).toBe(true)
    expect(lines.some((l) => l.includes(`nightly backup: from 0:00 UTC, to ${dir}, keeping the last 7`))).toBe(true)
    const s = await registerStation(t.app)
    expect((await postEvents(t.app, s.token, [makeEvent(s.stationId)])).statusCode).toBe(200)
    vi.advanceTimersByTime(9 * 60_000)
    expect(listBackups(dir)).toEqual([])
    vi.advanceTimersByTime(60_000)
    await vi.waitFor(() => expect(lines.some((l) => l.includes('nightly backup written'))).toBe(true), { timeout: 15_000 })
    expect(listBackups(dir)).toMatchObject([{ nightly: true }])
    // The next check the same day finds today's backup.
    vi.advanceTimersByTime(10 * 60_000)
    expect(await t.ctx.nightlyBackup.tick()).toBeNull()
    expect(listBackups(dir)).toHaveLength(1)
  })
})
