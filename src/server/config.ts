import { dirname, join } from 'node:path'
import { z } from 'zod'
import { XapiEnv, xapiConfigOf } from './xapi/config.ts'
import type { XapiConfig } from './xapi/config.ts'
import { DistrictLinkEnv, districtLinkOf } from './forwarder/config.ts'
import type { DistrictLink } from './forwarder/config.ts'

/**
 * Server configuration, read from environment variables once at start and checked
 * with zod: a bad value stops the start with a message naming the variable.
 */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
const posInt = (def: number) => z.coerce.number().int().positive().default(def)
const validTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** A real calendar day, YYYY-MM-DD, from 2000 on (so years 0 and 1 never become day keys). */
const calendarDay = z
  .string()
  .regex(/^(2\d{3})-\d{2}-\d{2}$/, 'must be a day YYYY-MM-DD from 2000 on')
  .refine((d) => {
    const t = Date.parse(`${d}T00:00:00Z`)
    return !Number.isNaN(t) && new Date(t).toISOString().startsWith(d)
  }, 'must be a real calendar day')

export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DB_PATH: z.string().min(1).default('data/sophora.db'),
  STATIC_DIR: z.string().min(1).default('dist'),
  EXHIBITS_DIRS: z
    .string()
    .default('exhibits')
    .transform((s) =>
      s
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Unset: logs go to stdout (systemd's journal rotates them). Set: this file, rotated daily and by size. */
  LOG_FILE: z.string().min(1).optional(),
  LOG_FILE_MAX_MB: posInt(10),
  /** Rotated files kept besides the current one. */
  LOG_FILE_KEEP: posInt(14),
  /** A station that presents it enrols at once; one without it waits for a guide to approve its pairing code. */
  STATION_ENROLL_CODE: z.string().min(4).max(200).optional(),
  /** 1: any new station id enrols at once, no approval (the old behaviour; for tests and closed networks only). */
  STATION_OPEN_ENROLL: z.enum(['0', '1']).default('0'),
  /** How long a station's pairing code is valid; the station then shows a new one. */
  PAIRING_CODE_TTL_S: posInt(600),
  /** Days in statistics are calendar days in this zone. */
  TIME_ZONE: z.string().default('Asia/Shanghai').refine(validTimeZone, 'must be an IANA time zone, e.g. Asia/Shanghai'),
  /** Events before this day (in TIME_ZONE) are refused: a station whose clock reset says 1970. */
  CENTER_FIRST_DAY: calendarDay.default('2020-01-01'),
  /** How far in the future an event's time may be (station clocks drift). */
  MAX_CLOCK_SKEW_S: posInt(300),
  SESSION_TTL_HOURS: posInt(12),
  LOGIN_RATE_MAX: posInt(5),
  INGEST_RATE_MAX: posInt(600),
  BODY_LIMIT_BYTES: posInt(256 * 1024),
  /** FULL: an acknowledged batch survives power loss (see docs/stats-server.md). */
  DB_SYNCHRONOUS: z.enum(['FULL', 'NORMAL']).default('FULL'),
  /** Printed on passport cards and shown on the passport page. */
  CENTER_NAME: z.string().trim().min(1).max(60).default('国槐科普体验馆'),
  /** The center's published address; the QR code on a card points under it. Unset: the card says the page opens on the center's Wi-Fi. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://kexue.example.cn' })
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
  /** Exhibits a passport needs for its certificate (comma list); unset: every exhibit. */
  CORE_SET: z
    .string()
    .optional()
    .transform((s) =>
      s === undefined
        ? null
        : s
            .split(',')
            .map((d) => d.trim())
            .filter(Boolean),
    )
    .pipe(
      z
        .array(z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be exhibit ids (kebab-case), comma-separated'))
        .min(1)
        .nullable(),
    ),
  /** Per-passport records older than this become anonymous counts (default: one school year). */
  RETENTION_DAYS: posInt(365),
  /** Audit entries (who read, exported or deleted which passport; user changes) are kept this long. */
  AUDIT_RETENTION_DAYS: posInt(365),
  /** Public passport page requests per minute per IP. */
  PASSPORT_RATE_MAX: posInt(30),
  /** The server's own daily backup of the database (see docs/backups.md). */
  BACKUP_NIGHTLY: z.enum(['on', 'off']).default('on'),
  /** Local hour (in TIME_ZONE) from which the day's backup is taken; a PC that is off then backs up when it is next on. */
  BACKUP_HOUR: z.coerce.number().int().min(0).max(23).default(3),
  /** Nightly backups kept (older ones are deleted); backups taken by hand are never deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(366).default(7),
  /** Where backups go; default: `backups/` next to DB_PATH. */
  BACKUP_DIR: z.string().min(1).optional(),
  /** HTTPS for the LAN (docs/https.md); PORT then answers plain HTTP on loopback and redirects everyone else here. Default 8443 (with PORT=0, any free port, as PORT). */
  HTTPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** auto: the built-in local CA, or TLS_CERT/TLS_KEY when set; off: plain HTTP on PORT only (TLS ends at a reverse proxy). */
  TLS: z.enum(['auto', 'off']).default('auto'),
  /** The center's own certificate (PEM, chain after it) and its key, instead of the built-in CA. */
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  /** Where the built-in CA and server certificate are kept (default: tls/ next to the database). */
  TLS_DIR: z.string().min(1).optional(),
  ...XapiEnv,
  ...DistrictLinkEnv,
})

export interface AppConfig {
  port: number
  host: string
  dbPath: string
  staticDir: string
  exhibitsDirs: string[]
  logLevel: (typeof LOG_LEVELS)[number]
  /** null: stdout. */
  logFile: { path: string; maxBytes: number; keep: number } | null
  enrollCode: string | undefined
  /** A new station id enrols without a guide's approval or the enrol code. */
  openEnroll: boolean
  pairingCodeTtlMs: number
  timeZone: string
  /** YYYY-MM-DD in timeZone: the earliest day an event may carry. */
  firstDay: string
  maxClockSkewMs: number
  sessionTtlMs: number
  loginRateMax: number
  ingestRateMax: number
  bodyLimitBytes: number
  synchronous: 'FULL' | 'NORMAL'
  /** One center per server for now; every passport row carries it so a district server can hold many. */
  centerId: string
  centerName: string
  publicUrl: string | null
  coreSet: string[] | null
  retentionDays: number
  auditRetentionDays: number
  passportRateMax: number
  backupNightly: boolean
  backupHour: number
  backupKeep: number
  /** null: `backups/` next to the database (see backupDirOf). */
  backupDir: string | null
  httpsPort: number
  tls: TlsConfig
  xapi: XapiConfig
  /** Forwarding to a district server (docs/district.md); null: none (the default). */
  district: DistrictLink | null
}

/** Where backups go: BACKUP_DIR, else `backups/` next to the database (so a config with another dbPath moves them too). */
export function backupDirOf(config: Pick<AppConfig, 'backupDir' | 'dbPath'>): string {
  return config.backupDir ?? join(dirname(config.dbPath), 'backups')
}

/** How the server speaks HTTPS: the built-in CA in `dir`, the center's own files, or not at all. */
export type TlsConfig = { mode: 'local-ca'; dir: string } | { mode: 'files'; certFile: string; keyFile: string } | { mode: 'off' }

const httpsPortOf = (e: z.infer<typeof EnvSchema>) => e.HTTPS_PORT ?? (e.PORT === 0 ? 0 : 8443)

function tlsConfig(e: z.infer<typeof EnvSchema>): TlsConfig {
  const problems: string[] = []
  if ((e.TLS_CERT === undefined) !== (e.TLS_KEY === undefined)) problems.push('TLS_CERT and TLS_KEY: set both (a certificate and its key) or neither')
  if (e.TLS === 'off' && (e.TLS_CERT ?? e.TLS_KEY) !== undefined) problems.push('TLS: off serves plain HTTP; unset TLS_CERT/TLS_KEY or TLS')
  if (e.TLS === 'auto' && httpsPortOf(e) !== 0 && httpsPortOf(e) === e.PORT) problems.push(`HTTPS_PORT: must differ from PORT (got ${e.HTTPS_PORT})`)
  if (problems.length) throw new ConfigError(problems)
  if (e.TLS === 'off') return { mode: 'off' }
  if (e.TLS_CERT && e.TLS_KEY) return { mode: 'files', certFile: e.TLS_CERT, keyFile: e.TLS_KEY }
  return { mode: 'local-ca', dir: e.TLS_DIR ?? join(dirname(e.DB_PATH), 'tls') }
}

/** The id of this server's own center (a district server will hold several). */
export const LOCAL_CENTER_ID = 'local'

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`)
    this.name = 'ConfigError'
  }
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  // Empty strings count as unset, so `PORT= npm start` means the default.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const r = EnvSchema.safeParse(cleaned)
  if (!r.success) {
    throw new ConfigError(r.error.issues.map((i) => `${String(i.path[0] ?? '?')}: ${i.message} (got ${JSON.stringify(cleaned[String(i.path[0])] ?? null)})`))
  }
  const e = r.data
  const xapi = xapiConfigOf(e, e.PUBLIC_URL ?? null)
  if (typeof xapi === 'string') throw new ConfigError([xapi])
  const district = districtLinkOf(e)
  if (typeof district === 'string') throw new ConfigError([district])
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.DB_PATH,
    staticDir: e.STATIC_DIR,
    exhibitsDirs: e.EXHIBITS_DIRS,
    logLevel: e.LOG_LEVEL,
    logFile: e.LOG_FILE === undefined ? null : { path: e.LOG_FILE, maxBytes: e.LOG_FILE_MAX_MB * 1024 * 1024, keep: e.LOG_FILE_KEEP },
    enrollCode: e.STATION_ENROLL_CODE,
    openEnroll: e.STATION_OPEN_ENROLL === '1',
    pairingCodeTtlMs: e.PAIRING_CODE_TTL_S * 1000,
    timeZone: e.TIME_ZONE,
    firstDay: e.CENTER_FIRST_DAY,
    maxClockSkewMs: e.MAX_CLOCK_SKEW_S * 1000,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3600_000,
    loginRateMax: e.LOGIN_RATE_MAX,
    ingestRateMax: e.INGEST_RATE_MAX,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    synchronous: e.DB_SYNCHRONOUS,
    centerId: LOCAL_CENTER_ID,
    centerName: e.CENTER_NAME,
    publicUrl: e.PUBLIC_URL ?? null,
    coreSet: e.CORE_SET,
    retentionDays: e.RETENTION_DAYS,
    auditRetentionDays: e.AUDIT_RETENTION_DAYS,
    passportRateMax: e.PASSPORT_RATE_MAX,
    backupNightly: e.BACKUP_NIGHTLY === 'on',
    backupHour: e.BACKUP_HOUR,
    backupKeep: e.BACKUP_KEEP,
    backupDir: e.BACKUP_DIR ?? null,
    httpsPort: httpsPortOf(e),
    tls: tlsConfig(e),
    xapi,
    district,
  }
}
