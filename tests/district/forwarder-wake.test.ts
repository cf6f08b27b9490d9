// @vitest-environment node
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import type { DistrictLink } from '../../src/server/forwarder/config.ts'
import { createDistrictForwarderState } from '../../src/server/forwarder/forwarder-state.ts'
import type { ForwardedEvent } from '../../src/server/district/protocol.ts'
import { createPassportCode } from '../../src/core/passport-code.ts'
import { issuePassports, loginAs, makeEvent, postEvents, registerStation, testApp } from '../server/helpers.ts'
import type { TestApp } from '../server/helpers.ts'
import { waitFor } from './district-process.ts'

/**
 * Issue 15: the whole center app (ingest → StoredSignal → forwarder) with a poll far longer
 * than the test may take, so an event can reach the stand-in district only by the wake.
 */
const LONG_POLL_MS = 600_000
/** The wait for the wake's batch: a bound far under the poll, not a timing expectation. */
const BOUND_MS = 30_000

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c()
})

/** A district that stores nothing and answers every batch 200, recording the batches in order. */
async function fakeDistrict(): Promise<{ url: string; batches: ForwardedEvent[][] }> {
  const batches: ForwardedEvent[][] = []
  const server = createServer((req, res) => {
    let text = ''
    req.on('data', (d: Buffer) => (text += d.toString()))
    req.on('end', () => {
      const { events } = JSON.parse(text) as { events: ForwardedEvent[] }
      batches.push(events)
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ accepted: events.length, duplicate: 0, rejected: [] }))
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  cleanups.push(() => new Promise((r) => server.close(r)))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, batches }
}

/** A center forwarding to `url`, once its forwarder has made its first (empty) read: what comes after needs a wake. */
async function centerOf(
  url: string,
  gatherMs: number,
  newPassportCode?: () => string,
): Promise<TestApp & { state: ReturnType<typeof createDistrictForwarderState> }> {
  const district: DistrictLink = {
    url,
    centerId: 'c-wake',
    secret: 'sdc_wake',
    caFile: null,
    batchSize: 500,
    pollMs: LONG_POLL_MS,
    gatherMs,
    retryMs: 10,
    retryMaxMs: 40,
    timeoutMs: 5000,
  }
  const t = await testApp({ district }, newPassportCode ? { newPassportCode } : {})
  cleanups.push(t.cleanup)
  const state = createDistrictForwarderState(t.ctx.db, url, 'c-wake')
  // The cursor row is made by the first step, in the same synchronous run as its read of `events`.
  await waitFor('the forwarder to start', () => state.row() !== undefined, BOUND_MS)
  return { ...t, state }
}

describe('center → district forwarder, woken by new events', () => {
  it('sends an event stored at the center without waiting for the poll, and advances its cursor once', async () => {
    const district = await fakeDistrict()
    const c = await centerOf(district.url, 0)
    const { token, stationId } = await registerStation(c.app)
    const events = [makeEvent(stationId), makeEvent(stationId)]
    expect((await postEvents(c.app, token, events)).statusCode).toBe(200)
    await waitFor('the woken batch', () => c.state.row()?.last_seq === 2, BOUND_MS)
    expect(district.batches.flat().map((e) => e.id)).toEqual(events.map((e) => e.id))
    expect(c.state.row()).toMatchObject({ sent: 2, duplicates: 0, last_error: null })

    // The loop listens again after each idle read: a later upload is woken for too.
    expect((await postEvents(c.app, token, [makeEvent(stationId)])).statusCode).toBe(200)
    await waitFor('the second woken batch', () => c.state.row()?.last_seq === 3, BOUND_MS)
    expect(district.batches.map((b) => b.map((e) => e.seq))).toEqual([[1, 2], [3]])
  })

  it('lets the uploads that arrive within gatherMs of the wake go out as one batch', async () => {
    const district = await fakeDistrict()
    // Long enough for three uploads in a row on a loaded machine; the test waits it out once.
    const c = await centerOf(district.url, 3000)
    const { token, stationId } = await registerStation(c.app)
    for (let i = 0; i < 3; i++) expect((await postEvents(c.app, token, [makeEvent(stationId)])).statusCode).toBe(200)
    await waitFor('the gathered batch', () => c.state.row()?.last_seq === 3, BOUND_MS)
    expect(district.batches.map((b) => b.map((e) => e.seq))).toEqual([[1, 2, 3]])
  })

  it('is woken when issuing a passport moves the events that waited for it in quarantine into `events`', async () => {
    const district = await fakeDistrict()
    const code = createPassportCode()
    const c = await centerOf(district.url, 0, () => code)
    const { token, stationId } = await registerStation(c.app)
    const early = makeEvent(stationId, { passportId: code })
    expect((await postEvents(c.app, token, [early])).statusCode).toBe(200)
    expect(c.ctx.db.prepare('SELECT count(*) FROM quarantined_events').pluck().get()).toBe(1)
    expect(await issuePassports(c.app, await loginAs(c, 'admin'), 1)).toEqual([code])
    await waitFor('the adopted event', () => c.state.row()?.last_seq === 1, BOUND_MS)
    expect(district.batches.flat().map((e) => [e.id, e.passportId])).toEqual([[early.id, code]])
  })
})
