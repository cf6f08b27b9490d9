import type { Socket } from 'node:net'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export interface SseStream {
  send(event: string, data: unknown, id?: number): void
  /** Called once when the client goes away (or the server closes). */
  onClose(fn: () => void): void
}

/** Keep-alive comments: proxies and the station's watchdog see the line is alive. */
export const KEEPALIVE_MS = 15_000

/**
 * Server-sent events on a hijacked reply: the route's hooks have run (auth), the
 * response is ours. The security headers hook does not run on a hijacked reply, so the
 * few that matter for a JSON-ish stream are set here.
 */
function openSse(open: Set<() => void>, reply: FastifyReply, onKeepalive?: () => void): SseStream {
  reply.hijack()
  const res = reply.raw
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  })
  res.write(': open\n\n')
  const closers: (() => void)[] = []
  let closed = false
  const close = () => {
    if (closed) return
    closed = true
    open.delete(end)
    clearInterval(timer)
    for (const c of closers.splice(0)) c()
  }
  const timer = setInterval(() => {
    res.write(': ka\n\n')
    onKeepalive?.()
  }, KEEPALIVE_MS)
  timer.unref()
  const end = () => {
    close()
    res.end()
  }
  open.add(end)
  res.on('close', close)
  res.on('error', close)
  return {
    send(event, data, id) {
      if (closed) return
      res.write(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    onClose(fn) {
      if (closed) fn()
      else closers.push(fn)
    },
  }
}

/**
 * The stream opener of one route plugin. Open streams are ended when the app closes, or a
 * graceful shutdown would wait on them (they are never idle) until it is forced.
 */
export function sseStreams(app: FastifyInstance) {
  const open = new Set<() => void>()
  const sockets = new Set<Socket>()
  app.addHook('preClose', async () => {
    for (const end of [...open]) end()
    // Sockets that carried a stream: after a client's abort the server may still hold them,
    // and a graceful close would wait for them. No other request shares them mid-stream.
    for (const socket of sockets) socket.destroy()
  })
  return (request: FastifyRequest, reply: FastifyReply, onKeepalive?: () => void) => {
    const socket = request.raw.socket
    if (!sockets.has(socket)) {
      sockets.add(socket)
      socket.once('close', () => sockets.delete(socket))
    }
    return openSse(open, reply, onKeepalive)
  }
}
