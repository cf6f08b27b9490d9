import { buildApp } from './app.ts'
import { ConfigError, loadConfig } from './config.ts'
import type { AppConfig } from './config.ts'

/**
 * `npm start`: reads the environment, serves the API and the built app on one port,
 * and closes cleanly (finishing requests, closing the database) on SIGINT/SIGTERM.
 */
let config: AppConfig
try {
  config = loadConfig(process.env)
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(e.message)
    process.exit(1)
  }
  throw e
}

const app = await buildApp(config)
let closing = false
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    if (closing) return
    closing = true
    app.log.info(`${signal}: closing`)
    const force = setTimeout(() => process.exit(1), 10_000)
    force.unref()
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err)
        process.exit(1)
      },
    )
  })
}

try {
  await app.listen({ port: config.port, host: config.host })
  const port = (app.server.address() as { port: number } | null)?.port ?? config.port
  const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host
  console.log(`Sophora is running at http://${shownHost}:${port}`)
} catch (err) {
  console.error(`Could not listen on ${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}`)
  await app.close()
  process.exit(1)
}
