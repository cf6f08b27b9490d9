import { ConfigError } from '../config.ts'
import { buildDistrictApp } from './app.ts'
import { loadDistrictConfig } from './config.ts'
import { openPool, runDistrictMigrations } from './database.ts'

/**
 * `npm run district`: the district server (docs/district.md) — migrates the PostgreSQL
 * database, then serves the center forwarding API; closes cleanly on SIGINT/SIGTERM.
 */
export async function serveDistrict(env: Record<string, string | undefined> = process.env): Promise<void> {
  let config
  try {
    config = loadDistrictConfig(env)
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message)
      process.exit(1)
    }
    throw e
  }
  const pool = openPool(config.databaseUrl, config.poolMax)
  try {
    const applied = await runDistrictMigrations(pool)
    if (applied.length) console.log(`district: applied migrations ${applied.join(', ')}`)
  } catch (e) {
    console.error(`district: could not prepare the database: ${e instanceof Error ? e.message : String(e)}`)
    await pool.end()
    process.exit(1)
  }
  const app = await buildDistrictApp(config, pool)
  let closing = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (closing) return
      closing = true
      const force = setTimeout(() => process.exit(1), 10_000)
      force.unref()
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    })
  }
  try {
    const address = await app.listen({ port: config.port, host: config.host })
    console.log(`Sophora district server running at ${address.replace('0.0.0.0', '127.0.0.1')}`)
  } catch (err) {
    console.error(`Could not listen on ${config.host}:${config.port}: ${err instanceof Error ? err.message : String(err)}`)
    await app.close()
    process.exit(1)
  }
}
