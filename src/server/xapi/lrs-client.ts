import type { XapiStatement } from '../../core/xapi.ts'
import type { LrsConfig } from './config.ts'

/**
 * The two xAPI 1.0.3 statement requests the forwarder makes. A batch is POSTed; when the
 * LRS answers 409 (it already holds one of the ids — a resend after a crash between send
 * and acknowledgement), each statement is PUT by id, where 204 means stored or already
 * there with the same content and 409 means already there with other content (e.g.
 * sent before the passport was deleted). Either way the LRS holds that id, which it must
 * never change, so the statement counts as delivered.
 */
export type Outcome = { ok: true; conflicts: number } | { ok: false; status: number | null; reason: string }

const VERSION = '1.0.3'

function headers(lrs: LrsConfig): Record<string, string> {
  return {
    'content-type': 'application/json',
    'x-experience-api-version': VERSION,
    authorization: `Basic ${Buffer.from(`${lrs.key}:${lrs.secret}`).toString('base64')}`,
  }
}

async function request(lrs: LrsConfig, method: 'POST' | 'PUT', url: string, body: unknown, stop: AbortSignal): Promise<{ status: number; text: string }> {
  const res = await fetch(url, {
    method,
    headers: headers(lrs),
    body: JSON.stringify(body),
    signal: AbortSignal.any([stop, AbortSignal.timeout(lrs.timeoutMs)]),
  })
  // Read (a little of) the body in every case, so the connection can be reused.
  return { status: res.status, text: (await res.text()).slice(0, 300) }
}

const failed = (status: number | null, reason: string): Outcome => ({ ok: false, status, reason })
/** Passport codes (10 Crockford symbols, maybe as 5-5): an LRS error may quote a statement, and this text is logged. */
const CODE = /(?<![0-9A-Za-z])[0-9A-HJKMNP-TV-Z]{5}-?[0-9A-HJKMNP-TV-Z]{5}(?![0-9A-Za-z])/g
const describe = (status: number, text: string) => `LRS answered ${status}${text ? `: ${text.replace(/\s+/g, ' ').replace(CODE, ':code')}` : ''}`

/** Sends one batch; `ok` only when the LRS holds every statement of it. Network errors and timeouts are failures, not throws. */
export async function sendBatch(lrs: LrsConfig, statements: XapiStatement[], stop: AbortSignal): Promise<Outcome> {
  const resource = `${lrs.endpoint}/statements`
  try {
    const post = await request(lrs, 'POST', resource, statements, stop)
    if (post.status >= 200 && post.status < 300) return { ok: true, conflicts: 0 }
    if (post.status !== 409) return failed(post.status, describe(post.status, post.text))
    let conflicts = 0
    for (const s of statements) {
      const put = await request(lrs, 'PUT', `${resource}?statementId=${encodeURIComponent(s.id)}`, s, stop)
      if (put.status === 409) conflicts++
      else if (put.status < 200 || put.status >= 300) return failed(put.status, `statement ${s.id}: ${describe(put.status, put.text)}`)
    }
    return { ok: true, conflicts }
  } catch (e) {
    if (stop.aborted) return failed(null, 'stopped')
    const err = e as Error & { cause?: { code?: string } }
    const why = err.name === 'TimeoutError' ? `no answer within ${lrs.timeoutMs} ms` : `${err.message}${err.cause?.code ? ` (${err.cause.code})` : ''}`
    return failed(null, `could not reach the LRS: ${why}`)
  }
}
