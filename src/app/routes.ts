/**
 * The app's URLs (history API, so a printed QR code or a bookmark opens the right page;
 * the server answers these paths with index.html). One place builds them.
 */
export const paths = {
  lobby: '/',
  exhibit: (id: string) => `/exhibit/${encodeURIComponent(id)}`,
  checkIn: '/check-in',
  passport: (code: string) => `/passport/${encodeURIComponent(code)}`,
  guidePassports: '/guide/passports',
  batchPrint: (batchId: string) => `/guide/passports/${encodeURIComponent(batchId)}/print`,
  certificate: '/admin/certificate',
  adminUsers: '/admin/users',
  /** the yearly report of this year; `yearlyReport(y)` of another */
  yearlyReportHome: '/admin/report',
  yearlyReport: (year: number) => `/admin/report/${year}`,
  /** the statistics dashboard; its filters are the query string (see features/dashboard/url-filter.ts) */
  dashboard: '/admin/dashboard',
  /** the district admin's page; only a district server (npm run district, STATIC_DIR) answers its API */
  district: '/district',
  guideProgramme: '/guide/programme',
  stationPairing: '/guide/stations/pairing',
  /** `query`: the class's passport batch and the planned exhibits, until sessions are stored. */
  sessionSummary: (sessionId: string, query: { batchId?: string; exhibits?: readonly string[] } = {}) => {
    const q = new URLSearchParams()
    if (query.batchId) q.set('batchId', query.batchId)
    if (query.exhibits?.length) q.set('exhibits', query.exhibits.join(','))
    const s = q.toString()
    return `/guide/sessions/${encodeURIComponent(sessionId)}/summary${s ? `?${s}` : ''}`
  },
  /** the guide console: stations, class sessions */
  guideConsole: '/guide/console',
  guideSession: (id: string) => `/guide/sessions/${encodeURIComponent(id)}`,
  stationSetup: '/station/setup',
  stationJoin: (code: string) => `/station/join/${encodeURIComponent(code)}`,
} as const

export const patterns = {
  exhibit: '/exhibit/:id',
  passport: '/passport/:code',
  batchPrint: '/guide/passports/:batchId/print',
  sessionSummary: '/guide/sessions/:sessionId/summary',
  guideSession: '/guide/sessions/:id',
  stationJoin: '/station/join/:code',
  yearlyReport: '/admin/report/:year',
} as const

/** Pages of the guide's own tablet: it is no station there (no command stream, no station corner). */
export const isGuidePath = (path: string) => path === '/guide' || path.startsWith('/guide/')

/**
 * Links from before the router (`/#/exhibit/<id>`, `/#/`) still work: the hash becomes
 * the path, the query string is kept. Returns the URL to replace the current one with, or null.
 */
export function legacyHashRedirect(loc: Pick<Location, 'pathname' | 'search' | 'hash'>): string | null {
  if (loc.pathname !== '/' || !loc.hash.startsWith('#/')) return null
  const m = /^#\/exhibit\/([a-z0-9-]+)\/?$/.exec(loc.hash)
  return `${m?.[1] ? paths.exhibit(m[1]) : paths.lobby}${loc.search}`
}
