/**
 * Passport codes identify a student (pseudonymously) and tokens, passwords and secrets
 * open accounts: none of them go into logs. URLs of passport routes
 * (`/api/passports/<code>…`, `/api/stats/passports/<code>`) are logged with the code
 * replaced; batch URLs hold a batch id, not a code, and are kept. No route takes a
 * secret in the query string, but a client may send one: values of such keys are replaced.
 */
const PASSPORT_URL = /(\/api\/(?:stats\/)?passports\/)(?!batches(?:[/?#]|$))[^/?#]*/gi
const SECRET_PARAM = /([?&][^=&#]*(?:token|passw|secret|code|passport|auth|key|cookie|session)[^=&#]*=)[^&#]*/gi

export function redactUrl(url: string): string {
  return url.replace(PASSPORT_URL, '$1:code').replace(SECRET_PARAM, '$1:redacted')
}

/**
 * pino `redact` paths: the request serializer logs no headers or bodies, and these keep
 * it so if one is ever logged by hand (`log.info({ headers })`, `log.info({ body })`).
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
  'req.headers["x-station-secret"]',
  'headers["x-station-secret"]',
  'authorization',
  'cookie',
  'password',
  'token',
  'secret',
  'enrollCode',
  'body.password',
  'body.token',
  'body.secret',
  'body.enrollCode',
]
