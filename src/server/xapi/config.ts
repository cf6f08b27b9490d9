import { z } from 'zod'

/**
 * xAPI settings (docs/xapi.md). The forwarder is off unless XAPI_LRS_ENDPOINT is set;
 * then key and secret (the LRS's basic-auth credentials) and a home page are required.
 */
const httpUrl = z
  .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL' })
  // Credentials belong in XAPI_LRS_KEY/SECRET: a URL is logged.
  .refine((u) => !/^https?:\/\/[^/]*@/.test(u), 'must not contain user:password@ (use XAPI_LRS_KEY and XAPI_LRS_SECRET)')
  .optional()
  .transform((u) => u?.replace(/\/+$/, ''))
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def)

export const XapiEnv = {
  /** The IRI under which activities and passport accounts are named; default PUBLIC_URL. */
  XAPI_HOMEPAGE: httpUrl,
  /** The LRS's xAPI base (…/xAPI); statements go to <endpoint>/statements. Unset: no forwarding. */
  XAPI_LRS_ENDPOINT: httpUrl,
  XAPI_LRS_KEY: z.string().min(1).max(500).optional(),
  XAPI_LRS_SECRET: z.string().min(1).max(500).optional(),
  XAPI_BATCH_SIZE: int(100, 1, 1000),
  /** How often an idle forwarder looks for new events. */
  XAPI_POLL_MS: int(10_000, 10, 3_600_000),
  /** First wait after a failed send; it doubles per failure up to XAPI_RETRY_MAX_MS. */
  XAPI_RETRY_MS: int(1000, 10, 3_600_000),
  XAPI_RETRY_MAX_MS: int(300_000, 10, 86_400_000),
  XAPI_TIMEOUT_MS: int(30_000, 100, 600_000),
}

export interface LrsConfig {
  endpoint: string
  key: string
  secret: string
  batchSize: number
  pollMs: number
  retryMs: number
  retryMaxMs: number
  timeoutMs: number
}
export interface XapiConfig {
  /** Never empty: without XAPI_HOMEPAGE or PUBLIC_URL an export names things under UNSET_HOMEPAGE. */
  homePage: string
  lrs: LrsConfig | null
}

/** A reserved, never-resolving name (RFC 2606) for exports from a center that set no address. */
export const UNSET_HOMEPAGE = 'https://sophora.invalid'

type Env = z.output<z.ZodObject<typeof XapiEnv>>

/** The xAPI part of the configuration, or the problem (one line naming the variable). */
export function xapiConfigOf(e: Env, publicUrl: string | null): XapiConfig | string {
  const home = e.XAPI_HOMEPAGE ?? publicUrl
  if (!e.XAPI_LRS_ENDPOINT) return { homePage: home ?? UNSET_HOMEPAGE, lrs: null }
  if (!home) return 'XAPI_LRS_ENDPOINT: needs XAPI_HOMEPAGE (or PUBLIC_URL), the address that names this center in the LRS'
  if (!e.XAPI_LRS_KEY || !e.XAPI_LRS_SECRET) return 'XAPI_LRS_ENDPOINT: needs XAPI_LRS_KEY and XAPI_LRS_SECRET (the LRS basic-auth credentials)'
  return {
    homePage: home,
    lrs: {
      endpoint: e.XAPI_LRS_ENDPOINT,
      key: e.XAPI_LRS_KEY,
      secret: e.XAPI_LRS_SECRET,
      batchSize: e.XAPI_BATCH_SIZE,
      pollMs: e.XAPI_POLL_MS,
      retryMs: e.XAPI_RETRY_MS,
      retryMaxMs: Math.max(e.XAPI_RETRY_MS, e.XAPI_RETRY_MAX_MS),
      timeoutMs: e.XAPI_TIMEOUT_MS,
    },
  }
}
