import { createServer } from 'node:http'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { xapiProblems } from './xapi-validator.ts'

/**
 * A receiving endpoint that answers like an xAPI 1.0.3 LRS (no LRS can be installed from
 * npm): it checks basic auth and the version header, validates every statement with the
 * independent validator (400 on any problem), refuses a batch that holds an id it already
 * has with 409 (storing nothing of it, as an LRS must not change a stored statement),
 * answers PUT by id with 204 (stored, or the same content again) or 409 (other content).
 * Tests can make it fail the next requests, or act after storing a batch and before
 * answering (to kill the sender in the window between send and acknowledgement).
 */
export interface FakeLrs {
  endpoint: string
  key: string
  secret: string
  /** id → the statement as first stored. */
  stored: Map<string, unknown>
  /** How many times each id arrived in any request (stored or not). */
  received: Map<string, number>
  /** Validator problems and protocol errors seen (a correct sender causes none). */
  problems: string[]
  requests: { method: string; at: number; status: number; size: number }[]
  failNext(n: number, status?: number, body?: unknown): void
  /** Called after a POSTed batch is stored, before the 200 is sent; a promise delays the answer. */
  afterStore: ((ids: string[]) => void | Promise<void>) | null
  close(): Promise<void>
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const c of req) chunks.push(c as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startFakeLrs(): Promise<FakeLrs> {
  const key = 'sophora-test'
  const secret = 's3cret:with:colons'
  const expectedAuth = `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`
  let failing = 0
  let failStatus = 503
  let failBody: unknown = { error: 'told to fail' }

  const answer = (lrs: FakeLrs, req: IncomingMessage, res: ServerResponse, status: number, size: number, json?: unknown) => {
    lrs.requests.push({ method: req.method ?? '?', at: performance.now(), status, size })
    res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' })
    res.end(json === undefined ? undefined : JSON.stringify(json))
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://lrs')
    const text = await body(req)
    if (failing > 0) {
      failing--
      return answer(lrs, req, res, failStatus, 0, failBody)
    }
    if (url.pathname !== '/xapi/statements') return answer(lrs, req, res, 404, 0)
    if (req.headers.authorization !== expectedAuth) return answer(lrs, req, res, 401, 0)
    if (req.headers['x-experience-api-version'] !== '1.0.3') {
      lrs.problems.push(`missing version header: ${String(req.headers['x-experience-api-version'])}`)
      return answer(lrs, req, res, 400, 0)
    }
    const parsed = JSON.parse(text) as unknown
    const statements = (Array.isArray(parsed) ? parsed : [parsed]) as { id: string }[]
    for (const s of statements) lrs.received.set(s.id, (lrs.received.get(s.id) ?? 0) + 1)
    const problems = statements.flatMap((s) => xapiProblems(s).map((p) => `${s.id}: ${p}`))
    if (problems.length) {
      lrs.problems.push(...problems)
      return answer(lrs, req, res, 400, statements.length, { problems })
    }
    if (req.method === 'PUT') {
      const id = url.searchParams.get('statementId')
      if (id !== statements[0]?.id || statements.length !== 1) {
        lrs.problems.push(`PUT statementId ${id} does not match its statement`)
        return answer(lrs, req, res, 400, 1)
      }
      const had = lrs.stored.get(id)
      if (had === undefined) lrs.stored.set(id, statements[0])
      const same = had === undefined || JSON.stringify(had) === JSON.stringify(statements[0])
      return answer(lrs, req, res, same ? 204 : 409, 1)
    }
    if (req.method !== 'POST') return answer(lrs, req, res, 405, 0)
    const ids = statements.map((s) => s.id)
    if (new Set(ids).size !== ids.length) {
      lrs.problems.push('a batch with the same id twice')
      return answer(lrs, req, res, 400, ids.length)
    }
    if (ids.some((id) => lrs.stored.has(id))) return answer(lrs, req, res, 409, ids.length)
    for (const s of statements) lrs.stored.set(s.id, s)
    await lrs.afterStore?.(ids)
    return answer(lrs, req, res, 200, ids.length, ids)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      lrs.problems.push(`fake LRS error: ${String(e)}`)
      if (!res.headersSent) res.writeHead(500).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const lrs: FakeLrs = {
    endpoint: `http://127.0.0.1:${port}/xapi`,
    key,
    secret,
    stored: new Map(),
    received: new Map(),
    problems: [],
    requests: [],
    failNext(n, status = 503, body = { error: 'told to fail' }) {
      failing = n
      failStatus = status
      failBody = body
    },
    afterStore: null,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
  return lrs
}

/** Polls `check` until it is true (no fixed sleeps); fails with `what` after `timeoutMs`. */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 20_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 10))
  }
}
