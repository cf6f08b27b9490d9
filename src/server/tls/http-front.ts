import { createServer } from 'node:http'
import type { IncomingMessage, Server, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import { CA_CRT_PATH } from '../../core/tls-info.ts'

/** Loopback peers (IPv4, IPv6, and IPv4 mapped into IPv6). */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false
  const a = address.replace(/^::ffff:/i, '')
  return a === '::1' || (isIP(a) === 4 && a.startsWith('127.'))
}

/** The HTTPS address of what was asked for over HTTP, on the host the client used; null for a Host header that is not a host. */
export function httpsLocation(hostHeader: string | undefined, url: string, httpsPort: number): string | null {
  if (!hostHeader) return null
  let host: string
  try {
    host = new URL(`http://${hostHeader}`).hostname
  } catch {
    return null
  }
  if (!host) return null
  return `https://${host}${httpsPort === 443 ? '' : `:${httpsPort}`}${url.startsWith('/') ? url : '/'}`
}

export type FrontAnswer = { kind: 'app' } | { kind: 'redirect'; location: string } | { kind: 'bad-host' }

/**
 * PORT's plain-HTTP listener beside HTTPS. Loopback gets the whole app (localhost is a
 * secure context; `npm start` → http://localhost:8080 keeps working, tools and tests keep
 * plain HTTP). Any other peer gets a 308 to HTTPS — except the CA download, which a phone
 * must fetch before it trusts the CA (the admin compares its fingerprint on the device).
 */
export function frontAnswer(
  req: { remoteAddress: string | undefined; method: string | undefined; url: string | undefined; host: string | undefined },
  httpsPort: number,
): FrontAnswer {
  const path = (req.url ?? '/').split('?')[0]
  if (isLoopback(req.remoteAddress) || ((req.method === 'GET' || req.method === 'HEAD') && path === CA_CRT_PATH)) return { kind: 'app' }
  const location = httpsLocation(req.host, req.url ?? '/', httpsPort)
  return location ? { kind: 'redirect', location } : { kind: 'bad-host' }
}

/** The listener for frontAnswer: `route` is the app's own request handler (Fastify's `routing`). */
export function createHttpFront(route: (req: IncomingMessage, res: ServerResponse) => void, httpsPort: () => number): Server {
  return createServer((req, res) => {
    const answer = frontAnswer({ remoteAddress: req.socket.remoteAddress, method: req.method, url: req.url, host: req.headers.host }, httpsPort())
    if (answer.kind === 'app') {
      route(req, res)
      return
    }
    // The body is not read: a redirect does not need it, and the connection closes after the answer.
    res.shouldKeepAlive = false
    if (answer.kind === 'bad-host') {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad Host header\n')
      return
    }
    res
      .writeHead(308, { location: answer.location, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' })
      .end(`This server speaks HTTPS: ${answer.location}\n`)
  })
}
