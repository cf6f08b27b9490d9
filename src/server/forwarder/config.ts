import { z } from 'zod'

/**
 * The center's link to its district (docs/district.md). Off unless DISTRICT_URL is set;
 * then the center id and secret the district admin printed (`npm run district --
 * add-center`) are required. HTTPS is required except to a loopback address.
 */
const int = (def: number, min: number, max: number) => z.coerce.number().int().min(min).max(max).default(def)

export const DistrictLinkEnv = {
  DISTRICT_URL: z
    .url({ protocol: /^https?$/, error: 'must be an absolute http(s) URL, e.g. https://district.example.cn' })
    .optional()
    .transform((u) => u?.replace(/\/+$/, '')),
  DISTRICT_CENTER_ID: z.string().min(1).max(63).optional(),
  DISTRICT_SECRET: z.string().min(1).max(200).optional(),
  /** A PEM file of the CA(s) that signed the district's certificate, when not a public CA (e.g. the district's own). */
  DISTRICT_CA_FILE: z.string().min(1).optional(),
  DISTRICT_BATCH_SIZE: int(500, 1, 1000),
  /** How often an idle forwarder looks for new events. */
  DISTRICT_POLL_MS: int(1000, 10, 3_600_000),
  /** After new events wake the forwarder, how long more may gather into the same batch. */
  DISTRICT_GATHER_MS: int(100, 0, 10_000),
  /** First wait after a failed send; it doubles per failure up to DISTRICT_RETRY_MAX_MS. */
  DISTRICT_RETRY_MS: int(1000, 10, 3_600_000),
  DISTRICT_RETRY_MAX_MS: int(300_000, 10, 86_400_000),
  DISTRICT_TIMEOUT_MS: int(30_000, 100, 600_000),
}

export interface DistrictLink {
  url: string
  centerId: string
  secret: string
  caFile: string | null
  batchSize: number
  pollMs: number
  /** 0 when absent: send as soon as woken. */
  gatherMs?: number
  retryMs: number
  retryMaxMs: number
  timeoutMs: number
}

type Env = z.output<z.ZodObject<typeof DistrictLinkEnv>>

const LOOPBACK = /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(\/|$)/

/** The link, null when none is configured, or the problem (one line naming the variable). */
export function districtLinkOf(e: Env): DistrictLink | null | string {
  if (!e.DISTRICT_URL) {
    const stray = (['DISTRICT_CENTER_ID', 'DISTRICT_SECRET', 'DISTRICT_CA_FILE'] as const).find((k) => e[k] !== undefined)
    return stray ? `${stray}: set, but DISTRICT_URL is not (the district's address)` : null
  }
  if (!e.DISTRICT_CENTER_ID || !e.DISTRICT_SECRET)
    return 'DISTRICT_URL: needs DISTRICT_CENTER_ID and DISTRICT_SECRET (printed by `npm run district -- add-center`)'
  if (e.DISTRICT_URL.startsWith('http:') && !LOOPBACK.test(e.DISTRICT_URL))
    return 'DISTRICT_URL: must be https:// (the secret and passport codes cross the internet); plain http only to a loopback address'
  return {
    url: e.DISTRICT_URL,
    centerId: e.DISTRICT_CENTER_ID,
    secret: e.DISTRICT_SECRET,
    caFile: e.DISTRICT_CA_FILE ?? null,
    batchSize: e.DISTRICT_BATCH_SIZE,
    pollMs: e.DISTRICT_POLL_MS,
    gatherMs: e.DISTRICT_GATHER_MS,
    retryMs: e.DISTRICT_RETRY_MS,
    retryMaxMs: Math.max(e.DISTRICT_RETRY_MS, e.DISTRICT_RETRY_MAX_MS),
    timeoutMs: e.DISTRICT_TIMEOUT_MS,
  }
}
