// @vitest-environment node
import { afterEach, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildAppOver } from '../../../server/app.ts'
import { createAppContext, type AppContext } from '../../../server/context.ts'
import { createUser } from '../../../server/auth/users.ts'
import { tempDir, testConfig } from '../../../../tests/server/helpers.ts'
import type { StationCommand } from '../../../core/station-live.ts'
import { createCommandClient } from '../command-client.ts'

/**
 * The station's command stream against the real server on loopback: it catches up after its
 * cursor, survives a server restart (same database, same port) by reconnecting with backoff,
 * and never hands a command over twice.
 */
const dir = tempDir()
const config = testConfig(dir.dir)
let app: FastifyInstance | null = null
let ctx: AppContext | null = null
let stop: (() => void) | null = null
afterEach(async () => {
  stop?.()
  await app?.close()
  dir.cleanup()
})

async function serve(port = 0): Promise<{ url: string; port: number }> {
  ctx = createAppContext(config)
  app = await buildAppOver(ctx, { logger: false })
  const url = await app.listen({ port, host: '127.0.0.1' })
  return { url, port: Number(new URL(url).port) }
}

async function call(url: string, path: string, token: string | null, body?: unknown) {
  const r = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return (r.status === 204 ? {} : await r.json()) as Record<string, unknown>
}

const waitFor = async (check: () => boolean, ms = 10_000) => {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((r) => setTimeout(r, 20))
  }
}

describe('command client', () => {
  it('gets the commands after its cursor, reconnects after a server restart, and gets each command once', async () => {
    const first = await serve()
    let url = first.url
    const stationId = crypto.randomUUID()
    const { token } = (await call(url, '/api/stations', null, { stationId, name: 'VR-1' })) as { token: string }
    await call(url, '/api/station/state', token, { showing: null, inRun: false, passport: null, outbox: 0, held: false, waiting: null, cursor: 0 })
    await createUser(ctx!.db, 'wang', 'guide', '2468')
    const guide = ((await call(url, '/api/auth/login', null, { name: 'wang', password: '2468' })) as { token: string }).token
    const { sessionId } = (await call(url, '/api/class-sessions', guide, {
      requestId: crypto.randomUUID(),
      school: 's',
      grade: 'g',
      className: 'c',
      headcount: 2,
      exhibits: ['fire-escape'],
      stations: [stationId],
    })) as { sessionId: string }
    const send = (type: 'pause' | 'resume' | 'lobby') =>
      call(url, `/api/class-sessions/${sessionId}/commands`, guide, { requestId: crypto.randomUUID(), command: { type } })

    // Two commands wait before the station ever connects.
    await send('pause')
    const got: StationCommand[] = []
    const connected: boolean[] = []
    let cursor = 0
    stop = createCommandClient({
      baseUrl: url,
      getToken: async () => token,
      dropToken: () => {},
      getCursor: () => cursor,
      onHello: () => {},
      onCommand: (c) => {
        if (c.seq <= cursor) return
        cursor = c.seq
        got.push(c)
      },
      onConnected: (on) => connected.push(on),
      retryBaseMs: 50,
      retryMaxMs: 200,
      events: new EventTarget(),
      isOnline: () => true,
    }).start()
    await waitFor(() => got.length === 2)
    expect(got.map((c) => c.command.type)).toEqual(['join', 'pause'])

    await app!.close()
    app = null
    await waitFor(() => connected.at(-1) === false)
    url = (await serve(first.port)).url
    await waitFor(() => connected.at(-1) === true)
    await send('resume')
    await waitFor(() => got.length === 3)
    expect(got.map((c) => c.command.type)).toEqual(['join', 'pause', 'resume'])
    expect(new Set(got.map((c) => c.seq)).size).toBe(3)
  })
})
