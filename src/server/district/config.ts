import { z } from 'zod'
import { ConfigError } from '../config.ts'

/**
 * The district server's settings (docs/district.md), from the environment like the
 * center's: a bad value stops the start with a message naming the variable.
 */
const DistrictEnvSchema = z.object({
  /** The PostgreSQL connection, e.g. postgres://sophora@/sophora?host=/var/run/postgresql */
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// connection URL'),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  PORT: z.coerce.number().int().min(0).max(65535).default(8090),
  HOST: z.string().min(1).default('0.0.0.0'),
  EXHIBITS_DIRS: z
    .string()
    .default('exhibits')
    .transform((s) =>
      s
        .split(',')
        .map((d) => d.trim())
        .filter(Boolean),
    ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Centers send 500-event batches (~150 KB); a little room above that. */
  BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(4 * 1024 * 1024),
  /** HTTPS with this certificate (PEM, chain after it) and key; unset: plain HTTP (loopback, or TLS ends at a reverse proxy). */
  TLS_CERT: z.string().min(1).optional(),
  TLS_KEY: z.string().min(1).optional(),
  /** Passport page lookups per IP and minute (as at the center). */
  PASSPORT_RATE_MAX: z.coerce.number().int().positive().default(30),
  /** The built app (vite build), for the passport page at the district; unset: the API only. */
  STATIC_DIR: z.string().min(1).optional(),
})

export interface DistrictConfig {
  databaseUrl: string
  poolMax: number
  port: number
  host: string
  exhibitsDirs: string[]
  logLevel: z.infer<typeof DistrictEnvSchema>['LOG_LEVEL']
  bodyLimitBytes: number
  tls: { certFile: string; keyFile: string } | null
  passportRateMax: number
  staticDir: string | null
}

export function loadDistrictConfig(env: Record<string, string | undefined> = process.env): DistrictConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''))
  const r = DistrictEnvSchema.safeParse(cleaned)
  if (!r.success) {
    // Never echo DATABASE_URL: it may hold a password.
    throw new ConfigError(
      r.error.issues.map((i) => {
        const key = String(i.path[0] ?? '?')
        return `${key}: ${i.message}${key === 'DATABASE_URL' ? '' : ` (got ${JSON.stringify(cleaned[key] ?? null)})`}`
      }),
    )
  }
  const e = r.data
  if ((e.TLS_CERT === undefined) !== (e.TLS_KEY === undefined)) throw new ConfigError(['TLS_CERT and TLS_KEY: set both (a certificate and its key) or neither'])
  return {
    databaseUrl: e.DATABASE_URL,
    poolMax: e.DATABASE_POOL_MAX,
    port: e.PORT,
    host: e.HOST,
    exhibitsDirs: e.EXHIBITS_DIRS,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT_BYTES,
    tls: e.TLS_CERT && e.TLS_KEY ? { certFile: e.TLS_CERT, keyFile: e.TLS_KEY } : null,
    passportRateMax: e.PASSPORT_RATE_MAX,
    staticDir: e.STATIC_DIR ?? null,
  }
}
