import { existsSync } from 'node:fs'
import { resolve, sep } from 'node:path'
import type { FastifyInstance } from 'fastify'
import helmet from '@fastify/helmet'
import fastifyStatic from '@fastify/static'

/**
 * Security headers for the built app. The CSP allows what the app really needs —
 * troika text's blob: workers, data:/blob: images and media, WebAssembly — and no
 * other origin. No HSTS and no upgrade-insecure-requests: PORT stays plain HTTP for loopback
 * (docs/https.md), and HSTS would apply to the host on every port, that one included.
 */
export async function setupSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // blob: for troika-three-text's worker, which importScripts() its own blob modules
        scriptSrc: ["'self'", "'wasm-unsafe-eval'", 'blob:'],
        workerSrc: ["'self'", 'blob:'],
        childSrc: ["'self'", 'blob:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    },
    hsts: false,
    crossOriginEmbedderPolicy: false,
  })
}

/**
 * Serves the built app from STATIC_DIR on the same port as the API. Hashed files
 * under /assets never change, so they are cached for a year; index.html, the service worker
 * (sw.js) and the web app manifest must always be revalidated so a new build reaches every kiosk. Unknown non-API GETs get
 * index.html (client-side routes).
 */
export async function setupStaticApp(app: FastifyInstance, staticDir: string): Promise<boolean> {
  const root = resolve(staticDir)
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn(`no built app in ${root} (run vite build); serving the API only`)
    return false
  }
  await app.register(fastifyStatic, {
    root,
    cacheControl: false,
    setHeaders(res, path) {
      if (path.includes(`${sep}assets${sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable')
      // the service worker and the web app manifest name the current build: always revalidated, as index.html
      else if (/\.html$|[\\/]sw\.js$|\.webmanifest$/.test(path)) res.header('cache-control', 'no-cache')
      else res.header('cache-control', 'public, max-age=3600')
    },
  })
  return true
}

export function wantsSpaFallback(method: string, url: string): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false
  const path = url.split('?')[0] ?? ''
  return !(path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/'))
}
