import { backupDirOf } from './config.ts'
import type { AppConfig } from './config.ts'
import { openDatabase } from './db/database.ts'
import type { Db } from './db/database.ts'
import { PASSWORD_COST } from './auth/secrets.ts'
import { createStationsRepo } from './db/stations-repo.ts'
import type { StationsRepo } from './db/stations-repo.ts'
import { createSessionsRepo } from './db/sessions-repo.ts'
import type { SessionsRepo } from './db/sessions-repo.ts'
import { loadExhibitIds } from './exhibit-ids.ts'
import { createGuards } from './auth/guards.ts'
import type { Guards } from './auth/guards.ts'
import { createQueries } from './queries.ts'
import type { Queries } from './queries.ts'
import { createIngest } from './ingest.ts'
import type { Ingest } from './ingest.ts'
import { createPassportsRepo } from './db/passports-repo.ts'
import type { PassportsRepo } from './db/passports-repo.ts'
import { createRetention } from './retention.ts'
import { createClassSessionsRepo } from './db/class-sessions-repo.ts'
import type { ClassSessionsRepo } from './db/class-sessions-repo.ts'
import { createStationLiveRepo } from './db/station-live-repo.ts'
import type { StationLiveRepo } from './db/station-live-repo.ts'
import { createLiveHub } from './live-hub.ts'
import type { LiveHub } from './live-hub.ts'
import { createSessionBoard } from './session-board.ts'
import type { SessionBoard } from './session-board.ts'
import { createExhibitTexts } from './exhibit-texts.ts'
import type { Retention } from './retention.ts'
import { createNightlyBackup } from './backup/nightly.ts'
import type { NightlyBackup } from './backup/nightly.ts'
import { createAuditRepo } from './db/audit-repo.ts'
import type { AuditRepo } from './db/audit-repo.ts'
import { createPassportAccess } from './auth/passport-access.ts'
import type { PassportAccess } from './auth/passport-access.ts'
import { createDayOf } from './day-key.ts'
import { createStoredSignal } from './stored-signal.ts'
import type { StoredSignal } from './stored-signal.ts'

/** What route modules get: one database, the data modules over it, the config and the one clock. */
export interface AppContext {
  config: AppConfig
  db: Db
  /** Every time the server reads (token expiry, rate limits, day keys, created/received times). */
  now: () => number
  /** scrypt's N for new password hashes: the production cost unless a test lowers it. */
  passwordCost: number
  exhibitIds: ReadonlySet<string>
  /** Problems found while loading exhibit manifests, for the app to log. */
  warnings: readonly string[]
  stations: StationsRepo
  sessions: SessionsRepo
  guards: Guards
  queries: Queries
  ingest: Ingest
  passports: PassportsRepo
  /** The retention job (the app runs it at start and daily; tests call it with their clock). */
  retention: Retention
  /** The nightly backup (the app checks every 10 minutes whether it is due; tests tick it with their clock). */
  nightlyBackup: NightlyBackup
  /** Guide-run class sessions, their stations and the command log. */
  classSessions: ClassSessionsRepo
  /** Stations' profiles and reported live state. */
  stationLive: StationLiveRepo
  /** Who is connected right now (in memory). */
  hub: LiveHub
  /** The console's live board of a session. */
  board: SessionBoard
  /** The access record (who read, exported or deleted which passport; user changes). */
  audit: AuditRepo
  /** Who may read which passport (guide: batches they issued; admin: all). */
  access: PassportAccess
  /** Notified after new events are committed: wakes the district forwarder. */
  stored: StoredSignal
}

export interface ContextOptions {
  now?: () => number
  /** Where new passport codes come from (default: random); tests force collisions with it. */
  newPassportCode?: () => string
  /** scrypt's N for new password hashes (default: production's); tests lower it, as hashing dominated their CPU. */
  passwordCost?: number
}

const DAY_MS = 86_400_000

/** Opens the database (running migrations) and builds the data modules. Whoever builds the app over it closes the database. */
export function createAppContext(config: AppConfig, { now = Date.now, newPassportCode, passwordCost = PASSWORD_COST }: ContextOptions = {}): AppContext {
  const { ids: exhibitIds, warnings } = loadExhibitIds(config.exhibitsDirs)
  const db = openDatabase(config.dbPath, { synchronous: config.synchronous, now })
  const stations = createStationsRepo(db)
  const sessions = createSessionsRepo(db)
  const classSessions = createClassSessionsRepo(db, { centerId: config.centerId, now })
  const stationLive = createStationLiveRepo(db, { centerId: config.centerId })
  const hub = createLiveHub()
  const stored = createStoredSignal()
  return {
    config,
    db,
    now,
    passwordCost,
    exhibitIds,
    warnings,
    stations,
    sessions,
    guards: createGuards({ stations, sessions }, now),
    queries: createQueries(db),
    ingest: createIngest(db, {
      centerId: config.centerId,
      retentionMs: config.retentionDays * DAY_MS,
      exhibitIds,
      timeZone: config.timeZone,
      firstDay: config.firstDay,
      maxClockSkewMs: config.maxClockSkewMs,
      now,
      onStored: stored.notify,
    }),
    passports: createPassportsRepo(db, { centerId: config.centerId, now, onStored: stored.notify, ...(newPassportCode ? { newCode: newPassportCode } : {}) }),
    retention: createRetention(db, {
      centerId: config.centerId,
      retentionDays: config.retentionDays,
      auditRetentionDays: config.auditRetentionDays,
      timeZone: config.timeZone,
      now,
    }),
    audit: createAuditRepo(db, now, createDayOf(config.timeZone)),
    access: createPassportAccess(db, config.centerId),
    nightlyBackup: createNightlyBackup({
      db,
      dir: backupDirOf(config),
      enabled: config.backupNightly && config.dbPath !== ':memory:',
      hour: config.backupHour,
      keep: config.backupKeep,
      timeZone: config.timeZone,
      now,
    }),
    classSessions,
    stationLive,
    hub,
    board: createSessionBoard(db, { stations: stationLive, sessions: classSessions, hub, texts: createExhibitTexts(config.exhibitsDirs), now }),
    stored,
  }
}
