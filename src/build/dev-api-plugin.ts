import { connect } from 'node:net'
import type { Plugin } from 'vite'

/** JSON body of the dev server's answer to /api when no stats server is listening. */
export interface NoStatsServer {
  error: 'stats-server-offline'
  message: string
}

/** Whether something accepts TCP connections at host:port, within `timeoutMs`. */
function reachable(host: string, port: number, timeoutMs = 300): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port })
    const finish = (ok: boolean) => {
      socket.destroy()
      done(ok)
    }
    socket.setTimeout(timeoutMs, () => finish(false))
    socket.once('connect', () => finish(true))
    socket.once('error', () => finish(false))
  })
}

/**
 * `npm run dev` proxies /api to a stats server started separately. Without one, Vite's proxy
 * logged an error with a stack for every sync attempt and answered a bare 500/502. This answers
 * 503 with a JSON body that says what is missing instead (the outbox keeps the events and backs
 * off), and proxies as usual as soon as the server is up (checked at most once a second).
 */
export function devApiPlugin(target: { host: string; port: number }): Plugin {
  let last = { at: 0, up: false }
  return {
    name: 'sophora:dev-api',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use('/api', (_req, res, next) => {
        void (async () => {
          if (Date.now() - last.at > 1000) last = { at: Date.now(), up: await reachable(target.host, target.port) }
          if (last.up) return next()
          const body: NoStatsServer = {
            error: 'stats-server-offline',
            message: `No stats server on ${target.host}:${target.port}. Start one with \`npm start\` (or \`npx tsx src/server/server.ts\`); until then visit events wait in the outbox.`,
          }
          res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'retry-after': '30' })
          res.end(JSON.stringify(body))
        })()
      })
    },
  }
}
