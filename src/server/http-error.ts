import type { FastifyError, FastifyInstance } from 'fastify'
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

/**
 * Maps everything a client can get wrong to a 4xx with reasons; only our own bugs
 * are 5xx, and those are logged without echoing internals to the client.
 */
export function setupErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | HttpError | Error, request, reply) => {
    const known = toBody(err)
    if (known) return reply.code(known[0]).send(known[1])
    request.log.error({ err }, 'unhandled error')
    return reply.code(500).send({ error: 'internal', reasons: [] })
  })
}
