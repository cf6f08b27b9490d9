import type { AppConfig } from './config.ts'
import type { Db } from './db/database.ts'
import type { Guards } from './auth/guards.ts'
import type { Queries } from './queries.ts'
import type { Ingest } from './ingest.ts'

/** What route modules get from buildApp: one database, its prepared helpers, the config. */
export interface AppContext {
  config: AppConfig
  db: Db
  guards: Guards
  queries: Queries
  ingest: Ingest
  exhibitIds: ReadonlySet<string>
  now: () => number
}
