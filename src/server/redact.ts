/**
 * Passport codes identify a student (pseudonymously): they never go into logs. URLs of
 * passport routes (`/api/passports/<code>…`, `/api/stats/passports/<code>`) are logged
 * with the code replaced; batch URLs hold a batch id, not a code, and are kept.
 */
const PASSPORT_URL = /(\/api\/(?:stats\/)?passports\/)(?!batches(?:[/?#]|$))[^/?#]*/gi

export function redactUrl(url: string): string {
  return url.replace(PASSPORT_URL, '$1:code')
}
