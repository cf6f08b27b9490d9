import { dirname, join } from 'node:path'
import { z } from 'zod'

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
  /** When set, stations must present it to register. Unset: open enrollment on the center's LAN. */
  STATION_ENROLL_CODE: z.string().min(4).max(200).optional(),
  /** Days in statistics are calendar days in this zone. */
  TIME_ZONE: z.string().default('Asia/Shanghai').refine(validTimeZone, 'must be an IANA time zone, e.g. Asia/Shanghai'),
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
})

export interface AppConfig {
  port: number
  host: string
  dbPath: string
  staticDir: string
  exhibitsDirs: string[]
  logLevel: (typeof LOG_LEVELS)[number]
  enrollCode: string | undefined
  timeZone: string
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
  passportRateMax: number
  backupNightly: boolean
  backupHour: number
  backupKeep: number
  /** null: `backups/` next to the database (see backupDirOf). */
  backupDir: string | null
}

/** Where backups go: BACKUP_DIR, else `backups/` next to the database (so a config with another dbPath moves them too). */
export function backupDirOf(config: Pick<AppConfig, 'backupDir' | 'dbPath'>): string {
  return config.backupDir ?? join(dirname(config.dbPath), 'backups')
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
  return {
    port: e.PORT,
    host: e.HOST,
    dbPath: e.DB_PATH,
    staticDir: e.STATIC_DIR,
    exhibitsDirs: e.EXHIBITS_DIRS,
    logLevel: e.LOG_LEVEL,
    enrollCode: e.STATION_ENROLL_CODE,
    timeZone: e.TIME_ZONE,
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
    passportRateMax: e.PASSPORT_RATE_MAX,
    backupNightly: e.BACKUP_NIGHTLY === 'on',
    backupHour: e.BACKUP_HOUR,
    backupKeep: e.BACKUP_KEEP,
    backupDir: e.BACKUP_DIR ?? null,
  }
}
