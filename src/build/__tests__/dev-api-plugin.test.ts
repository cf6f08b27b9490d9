/** `npm run dev` without a stats server: /api answers a clear 503 JSON, and proxies once a server listens. */
import { createServer as createHttpServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createServer, type ViteDevServer } from 'vite'
import { devApiPlugin } from '../dev-api-plugin.ts'

let vite: ViteDevServer
let origin = ''
let statsPort = 0
let stats: Server | undefined

beforeAll(async () => {
  // a free port with nothing on it: take one, then close it
  const probe = createHttpServer()
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r))
  statsPort = (probe.address() as AddressInfo).port
  await new Promise((r) => probe.close(r))
  vite = await createServer({
    configFile: false,
    root: process.cwd(),
    logLevel: 'silent',
    plugins: [devApiPlugin({ host: '127.0.0.1', port: statsPort })],
    server: { host: '127.0.0.1', port: 0, hmr: false, ws: false, proxy: { '/api': `http://127.0.0.1:${statsPort}` } },
    optimizeDeps: { noDiscovery: true, entries: [] },
  })
  await vite.listen()
  origin = `http://127.0.0.1:${(vite.httpServer!.address() as AddressInfo).port}`
})

afterAll(async () => {
  await vite?.close()
  await new Promise((r) => (stats ? stats.close(r) : r(undefined)))
})

describe('dev server /api', () => {
  it('answers 503 with a JSON message naming the missing stats server when none listens', async () => {
    const res = await fetch(`${origin}/api/events`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } })
    expect(res.status).toBe(503)
    const body = (await res.json()) as { error: string; message: string }
    expect(body.error).toBe('stats-server-offline')
    expect(body.message).toContain(`127.0.0.1:${statsPort}`)
    expect(body.message).toContain('npm start')
  })

  it('proxies to the stats server once it listens', async () => {
    stats = createHttpServer((req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ path: req.url })))
    await new Promise<void>((r) => stats!.listen(statsPort, '127.0.0.1', r))
    // the plugin looks again at most once a second: ask until it proxies (or the test times out)
    let res = await fetch(`${origin}/api/center`)
    while (res.status === 503) {
      await new Promise((r) => setTimeout(r, 50))
      res = await fetch(`${origin}/api/center`)
    }
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ path: '/api/center' })
  })
})
