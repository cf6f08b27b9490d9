import http from 'node:http'
import https from 'node:https'
import { readFileSync } from 'node:fs'
import type { z } from 'zod'
import { ForwardAnswerSchema, PrivacyAnswerSchema } from '../district/protocol.ts'
import type { ForwardAnswer, ForwardedEvent, PrivacyRecord } from '../district/protocol.ts'
import type { DistrictLink } from './config.ts'

export type SendOutcome<T = ForwardAnswer> = { ok: true; answer: T } | { ok: false; status: number | null; reason: string; retryAfterMs?: number }

/** Retry-After as delay-seconds (what the district sends); an HTTP date or garbage is ignored (own backoff applies). */
export function retryAfterMs(header: string | string[] | undefined): number | undefined {
  const v = Array.isArray(header) ? header[0] : header
  return v !== undefined && /^\d{1,6}$/.test(v.trim()) ? Number(v.trim()) * 1000 : undefined
}

/**
 * POSTs batches to the district over one kept-alive connection. node:https rather than
 * fetch: it takes the district's CA (DISTRICT_CA_FILE) per agent, without touching the
 * process-wide trust store. Network errors and timeouts are outcomes, not throws.
 */
export function createDistrictClient(link: DistrictLink) {
  const secure = new URL(link.url).protocol === 'https:'
  const agent = secure
    ? new https.Agent({ keepAlive: true, maxSockets: 1, ...(link.caFile ? { ca: readFileSync(link.caFile) } : {}) })
    : new http.Agent({ keepAlive: true, maxSockets: 1 })

  function post<T>(path: string, payload: object, schema: z.ZodType<T>, stop: AbortSignal): Promise<SendOutcome<T>> {
    const body = Buffer.from(JSON.stringify({ centerId: link.centerId, ...payload }))
    return new Promise((resolve) => {
      const req = (secure ? https : http).request(new URL(`${link.url}${path}`), {
        method: 'POST',
        agent,
        signal: stop,
        timeout: link.timeoutMs,
        headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${link.secret}` },
      })
      req.on('timeout', () => req.destroy(new Error(`no answer within ${link.timeoutMs} ms`)))
      req.on('error', (err: Error & { code?: string }) =>
        resolve({ ok: false, status: null, reason: `could not reach the district: ${err.message}${err.code ? ` (${err.code})` : ''}` }),
      )
      req.on('response', (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('error', (err) => resolve({ ok: false, status: null, reason: `answer cut off: ${err.message}` }))
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8')
          const status = res.statusCode ?? 0
          if (status !== 200) {
            const wait = retryAfterMs(res.headers['retry-after'])
            return resolve({
              ok: false,
              status,
              reason: `district answered ${status}: ${text.slice(0, 300).replace(/\s+/g, ' ')}`,
              ...(wait !== undefined ? { retryAfterMs: wait } : {}),
            })
          }
          try {
            const answer = schema.safeParse(JSON.parse(text))
            if (answer.success) return resolve({ ok: true, answer: answer.data })
          } catch {
            // fall through: a 200 that is not our answer (a proxy's page) is not an acknowledgement
          }
          resolve({ ok: false, status, reason: 'district answered 200 without a forwarding answer' })
        })
      })
      req.end(body)
    })
  }
  return {
    send: (events: ForwardedEvent[], stop: AbortSignal) => post('/api/district/events', { events }, ForwardAnswerSchema, stop),
    sendPrivacy: (records: PrivacyRecord[], stop: AbortSignal) => post('/api/district/privacy', { records }, PrivacyAnswerSchema, stop),
    close: () => agent.destroy(),
  }
}
export type DistrictClient = ReturnType<typeof createDistrictClient>
