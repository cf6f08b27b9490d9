import type { Server } from 'node:http'
import { Server as TlsServer } from 'node:tls'
import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import type { AppConfig } from './config.ts'
import { createHttpFront } from './tls/http-front.ts'
import { startTls, TlsSetupError } from './tls/tls-runtime.ts'
import type { TlsRuntime } from './tls/tls-runtime.ts'
import { startMessage } from './tls/start-message.ts'

/**
 * `npm start`: reads the environment, serves the API and the built app — over HTTPS on
 * HTTPS_PORT with plain HTTP on PORT for loopback (docs/https.md), or plain HTTP on PORT
 * alone with TLS=off — and closes cleanly (finishing requests, closing the database) on
 * SIGINT/SIGTERM.
 */
let config: AppConfig
let tls: TlsRuntime | null
try {
  config = loadConfig(process.env)
  tls = startTls(config.tls, { log: (line) => console.log(line) })
} catch (e) {
  if (e instanceof ConfigError || e instanceof TlsSetupError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}

const app = await buildApp(config, { tls })
if (tls) {
  // A new address (DHCP, another Wi-Fi) or a renewed certificate is served without a restart.
  const server = app.server as unknown
  if (!(server instanceof TlsServer)) throw new Error('expected an HTTPS server')
  const stop = tls.watch((pair, why) => {
    server.setSecureContext(pair)
    app.log.info(`TLS: now serving a new certificate (${why})`)
  })
  app.addHook('onClose', async () => stop())
}
let front: Server | null = null
let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return
    closing = true
    app.log.info(`${signal}: closing`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    front?.close()
    front?.closeIdleConnections()
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}

const portOf = (s: { address(): unknown }, fallback: number) => (s.address() as { port: number } | null)?.port ?? fallback
try {
  if (!tls) {
    await app.listen({ port: config.port, host: config.host })
    console.log(startMessage(config, null, portOf(app.server, config.port), null))
  } else {
    await app.listen({ port: config.httpsPort, host: config.host })
    const httpsPort = portOf(app.server, config.httpsPort)
    const httpFront = createHttpFront(app.routing, () => httpsPort)
    front = httpFront
    await new Promise<void>((resolve, reject) => {
      httpFront.once('error', reject)
      httpFront.listen(config.port, config.host, () => resolve())
    })
    const httpPort = portOf(httpFront, config.port)
    tls.setListening({ host: config.host, http: httpPort, https: httpsPort })
    console.log(startMessage(config, tls, httpPort, httpsPort))
  }
} catch (err) {
  const what = err instanceof Error ? err.message : String(err)
  console.error(`Could not listen on ${config.host} (PORT ${config.port}${tls ? `, HTTPS_PORT ${config.httpsPort}` : ''}): ${what}`)
  front?.close()
  await app.close()
  process.exit(1)
}
