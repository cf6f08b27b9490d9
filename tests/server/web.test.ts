// @vitest-environment node
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../src/server/app.ts'
import { tempDir, testConfig } from './helpers.ts'

let app: FastifyInstance
let cleanup: () => void

beforeAll(async () => {
  const t = tempDir()
  cleanup = t.cleanup
  const dist = join(t.dir, 'dist')
  mkdirSync(join(dist, 'assets'), { recursive: true })
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Sophora</title><div id="root"></div>')
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), 'console.log(1)')
  writeFileSync(join(dist, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>')
  writeFileSync(join(dist, 'sw.js'), 'self.skipWaiting()')
  writeFileSync(join(dist, 'manifest.webmanifest'), '{}')
  app = await buildApp(testConfig(t.dir, { staticDir: dist }), { logger: false })
})
afterAll(async () => {
  await app.close()
  cleanup()
})

describe('the built app on the same port', () => {
  it('serves index.html with no-cache and a CSP that lets the app run offline', async () => {
    const res = await app.inject({ url: '/' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('Sophora')
    expect(res.headers['cache-control']).toBe('no-cache')
    const csp = String(res.headers['content-security-policy'])
    expect(csp).toContain("worker-src 'self' blob:")
    expect(csp).toMatch(/img-src 'self' data: blob:/)
    expect(csp).toContain("'wasm-unsafe-eval'")
    expect(csp).not.toMatch(/https?:/)
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(res.headers['strict-transport-security']).toBeUndefined()
    expect(res.headers['x-content-type-options']).toBe('nosniff')
  })

  it('has the service worker and the web app manifest revalidated, as index.html, and other files cached an hour', async () => {
    for (const url of ['/sw.js', '/manifest.webmanifest']) {
      const res = await app.inject({ url })
      expect(res.statusCode, url).toBe(200)
      expect(res.headers['cache-control'], url).toBe('no-cache')
    }
    expect((await app.inject({ url: '/favicon.svg' })).headers['cache-control']).toBe('public, max-age=3600')
  })

  it('caches hashed assets for a year', async () => {
    const res = await app.inject({ url: '/assets/index-abc123.js' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable')
  })

  it('answers client-side routes with index.html but unknown API paths and assets with 404 JSON', async () => {
    const spa = await app.inject({ url: '/exhibits/fire-escape?x=1' })
    expect(spa.statusCode).toBe(200)
    expect(spa.headers['content-type']).toMatch(/text\/html/)
    expect(spa.headers['cache-control']).toBe('no-cache')
    for (const url of ['/api/nope', '/assets/missing.js']) {
      const res = await app.inject({ url })
      expect(res.statusCode, url).toBe(404)
      expect(res.json().error).toBe('not-found')
    }
    expect((await app.inject({ method: 'POST', url: '/somewhere' })).statusCode).toBe(404)
  })

  it('keeps the API working next to the app', async () => {
    expect((await app.inject({ url: '/api/health' })).json()).toEqual({ ok: true, exhibits: 2 })
  })
})
