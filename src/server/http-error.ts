import type { FastifyError, FastifyInstance } from 'fastify'
import { ZodError } from 'zod'
import { formatIssues } from '../core/event-schema.ts'

/** An error that becomes a JSON `{error, reasons}` response with its status code. */
export class HttpError extends Error {
  constructor(readonly statusCode: number, readonly error: string, readonly reasons: string[] = []) {
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

/**
 * Maps everything a client can get wrong to a 4xx with reasons; only our own bugs
 * are 5xx, and those are logged without echoing internals to the client.
 */
export function setupErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError | ZodError | Error, request, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: err.error, reasons: err.reasons })
    if (err instanceof ZodError) return reply.code(400).send({ error: 'invalid-request', reasons: formatIssues(err) })
    const code = (err as FastifyError).code
    const mapped = code ? PARSE_ERRORS[code] : undefined
    if (mapped) return reply.code(mapped[0]).send({ error: mapped[1], reasons: [err.message] })
    const status = (err as FastifyError).statusCode
    if (err instanceof SyntaxError) return reply.code(400).send({ error: 'malformed-json', reasons: [err.message] })
    if (status && status >= 400 && status < 500) {
      return reply.code(status).send({ error: status === 429 ? 'rate-limited' : 'bad-request', reasons: [err.message] })
    }
    request.log.error({ err }, 'unhandled error')
    return reply.code(500).send({ error: 'internal', reasons: [] })
  })
}
