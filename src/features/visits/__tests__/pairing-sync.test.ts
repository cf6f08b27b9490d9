// @vitest-environment node
import 'fake-indexeddb/auto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loginAs, testApp } from '../../../../tests/server/helpers.ts'
import type { TestApp } from '../../../../tests/server/helpers.ts'
import { createOutbox } from '../outbox.ts'
import { createSyncClient } from '../sync-client.ts'
import type { PairingState } from '../sync-client.ts'
import { createStationCredentials } from '../station-credentials.ts'
import { createVisitRecorder } from '../recorder.ts'

/** The station side of pairing against the real server on loopback (no open enrolment). */
let t: TestApp
let base: string
beforeAll(async () => {
  t = await testApp({ openEnroll: false })
  base = await t.app.listen({ port: 0, host: '127.0.0.1' })
})
afterAll(async () => {
  await t.cleanup()
})

function memoryStorage() {
  const m = new Map<string, string>()
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), removeItem: (k: string) => void m.delete(k) }
}
const waitFor = async (cond: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 10))
  }
}

describe('a station waiting for approval', () => {
  it('shows its code, keeps recording, and sends everything once a guide approves it', async () => {
    const outbox = createOutbox({ dbName: 'pairing-1' })
    const creds = createStationCredentials({ storage: memoryStorage(), name: 'kiosk-3F' })
    const recorder = createVisitRecorder({ outbox, stationId: creds.stationId, getPassportId: () => null, getSessionId: () => null })
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds, pairingPollMs: 50, enrolAtStart: true, events: new EventTarget() })
    const seen: (PairingState | null)[] = []
    sync.subscribe((s) => seen.push(s.pairing))
    const stop = sync.start()
    try {
      await waitFor(() => sync.getState().pairing?.status === 'pending')
      const code = (sync.getState().pairing as { code: string }).code
      for (let i = 0; i < 3; i++) await recorder.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })
      // Polling (not the failure backoff): the events wait, no failure is counted.
      await new Promise((r) => setTimeout(r, 300))
      expect(sync.getState()).toMatchObject({ pending: 3, failures: 0, pairing: { status: 'pending', code } })
      expect(t.ctx.db.prepare('SELECT COUNT(*) FROM events').pluck().get()).toBe(0)

      const guide = await loginAs(t, 'li', 'guide', '1357')
      const res = await t.app.inject({
        method: 'POST',
        url: `/api/stations/pending/${creds.stationId}/approve`,
        payload: { code },
        headers: { authorization: `Bearer ${guide}` },
      })
      expect(res.statusCode, res.body).toBe(200)
      await waitFor(() => sync.getState().pairing === null && outbox.getPendingCount() === 0)
      expect(creds.getToken()).toMatch(/^sst_/)
      expect(t.ctx.db.prepare('SELECT COUNT(*) FROM events WHERE station_id = ?').pluck().get(creds.stationId)).toBe(3)
      expect(seen.filter((p) => p?.status === 'pending').length).toBeGreaterThan(0)
    } finally {
      stop()
    }
  })

  it('shows that a guide rejected it, and keeps its events', async () => {
    const outbox = createOutbox({ dbName: 'pairing-2' })
    const creds = createStationCredentials({ storage: memoryStorage() })
    const recorder = createVisitRecorder({ outbox, stationId: creds.stationId, getPassportId: () => null, getSessionId: () => null })
    await recorder.record({ type: 'exhibit-started', exhibitId: 'fire-escape', data: {} })
    const sync = createSyncClient({ outbox, baseUrl: base, station: creds, pairingPollMs: 50 })
    expect((await sync.syncNow()).error).toMatch(/waiting for a guide/)
    const guide = await loginAs(t, 'zhou', 'guide', '1357')
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/stations/pending/${creds.stationId}/reject`, headers: { authorization: `Bearer ${guide}` } }))
        .statusCode,
    ).toBe(200)
    expect((await sync.syncNow()).error).toMatch(/rejected/)
    expect(sync.getState().pairing).toEqual({ status: 'rejected' })
    expect(outbox.getPendingCount()).toBe(1)
  })
})

describe('one registration per page', () => {
  it('a check-in asking for the token while the sync client enrols gets the same token, not a second one that voids the first', async () => {
    const open = await testApp({ openEnroll: true })
    try {
      const url = await open.app.listen({ port: 0, host: '127.0.0.1' })
      const outbox = createOutbox({ dbName: 'pairing-3' })
      const creds = createStationCredentials({ storage: memoryStorage() })
      const sync = createSyncClient({ outbox, baseUrl: url, station: creds, enrolAtStart: true, events: new EventTarget() })
      // the sync client's enrolment at start and a check-in's question, at the same moment
      const [first, token] = await Promise.all([sync.token(), sync.token()])
      expect(token).toMatch(/^sst_/)
      expect(first).toBe(token)
      expect(creds.getToken()).toBe(token)
      // the token still works: a second registration would have replaced it
      const res = await open.app.inject({ method: 'GET', url: '/api/stations/pending', headers: { authorization: `Bearer ${token}` } })
      expect(res.statusCode).toBe(403)
      const ingest = await open.app.inject({ method: 'POST', url: '/api/events', payload: { events: [] }, headers: { authorization: `Bearer ${token}` } })
      expect(ingest.statusCode, ingest.body).not.toBe(401)
    } finally {
      await open.cleanup()
    }
  })
})
