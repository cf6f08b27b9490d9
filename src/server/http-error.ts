import type { IncomingMessage } from 'node:http'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import type { ErrorBody } from './schemas/common.ts'

/** An error that becomes a JSON `{error, reasons}` response with its status code. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly error: string,
    readonly reasons: string[] = [],
  ) {
    super(error)
  }
}

const PARSE_ERRORS: Record<string, [number, string]> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'body-too-large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'unsupported-media-type'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad-content-length'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'empty-body'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'malformed-json'],
  FST_ERR_VALIDATION: [400, 'invalid-request'],
}

/** `field.path: reason` per zod issue, like formatIssues in core/event-schema.ts (instancePath is `/a/0/b`). */
function validationReasons(issues: readonly { instancePath: string; message?: string }[]): string[] {
  return issues.slice(0, 10).map((i) => `${i.instancePath.length > 1 ? i.instancePath.slice(1).replaceAll('/', '.') : '(root)'}: ${i.message ?? 'invalid'}`)
}

function toBody(err: FastifyError | HttpError | Error): [number, ErrorBody] | null {
  if (err instanceof HttpError) return [err.statusCode, { error: err.error, reasons: err.reasons }]
  if (hasZodFastifySchemaValidationErrors(err)) return [400, { error: 'invalid-request', reasons: validationReasons(err.validation) }]
  const code = (err as FastifyError).code
  const mapped = code ? PARSE_ERRORS[code] : undefined
  if (mapped) return [mapped[0], { error: mapped[1], reasons: [err.message] }]
  if (err instanceof SyntaxError) return [400, { error: 'malformed-json', reasons: [err.message] }]
  const status = (err as FastifyError).statusCode
  if (status && status >= 400 && status < 500) return [status, { error: status === 429 ? 'rate-limited' : 'bad-request', reasons: [err.message] }]
  return null
}

/** How much of a too-large body is read and thrown away so the client can finish sending and read the 413. */
const DRAIN_MAX_BYTES = 8 * 1024 * 1024
const DRAIN_MAX_MS = 10_000

/**
 * Reads the rest of a request body into nothing. Answering a 413 while the client is
 * still sending, then closing, resets the connection under it (a chunked upload sees
 * EPIPE, never the answer). A client that sends more than the cap is cut off.
 */
function drain(req: IncomingMessage): Promise<void> {
  if (req.complete || req.destroyed) return Promise.resolve()
  return new Promise((resolve) => {
    let bytes = 0
    const done = () => {
      clearTimeout(timer)
      req.off('data', onData)
      req.off('end', done)
      req.off('error', done)
      req.off('close', done)
      resolve()
    }
    const cutOff = () => {
      req.destroy()
      done()
    }
    const onData = (chunk: Buffer) => {
      bytes += chunk.length
      if (bytes > DRAIN_MAX_BYTES) cutOff()
    }
    const timer = setTimeout(cutOff, DRAIN_MAX_MS)
    req.on('data', onData)
    req.once('end', done)
    req.once('error', done)
    req.once('close', done)
    req.resume()
  })
}

/**
 * Maps everything a client can get wrong to a 4xx with reasons; only our own bugs
 * are 5xx, and those are logged without echoing internals to the client.
 */
export function setupErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(handleError)
}

/** The handler setupErrorHandler installs, for a server that maps some errors of its own first (district/app.ts). */
export async function handleError(err: FastifyError | HttpError | Error, request: FastifyRequest, reply: FastifyReply) {
  const known = toBody(err)
  if (known?.[0] === 413) await drain(request.raw)
  if (known) return reply.code(known[0]).send(known[1])
  request.log.error({ err }, 'unhandled error')
  return reply.code(500).send({ error: 'internal', reasons: [] })
}
