import { DASHBOARD_VIEWS } from '../../core/dashboard.ts'
import { useLangStore } from '../../i18n/lang-store.ts'
import type { StaffSession } from '../passport/index.ts'
import { loadEcharts } from './echarts-loader.ts'
import { readFilter } from './url-filter.ts'
import { OPTIONS_PATH, viewPath } from './view-url.ts'

type Fetch = typeof fetch
const globalFetch: Fetch = (input, init) => globalThis.fetch(input, init)

/**
 * Opening `/admin/dashboard` used to be a chain: the app's scripts, then the page's chunk, then
 * the six views and the filter options, then (after the first answer) ECharts. The requests
 * need only the URL and the tab's guide session, both known before React renders, so the app
 * starts them here, beside the page's chunk and ECharts; the page takes each answer once.
 * A started request not taken within FRESH_MS (the guide changed the filter meanwhile, or
 * left) is not handed out later: the page asks again.
 */
const FRESH_MS = 60_000
const started = new Map<string, { at: number; res: Promise<Response> }>()
const key = (path: string, token: string) => `${token} ${path}`

/**
 * Called by the app once, before the first render, when the address is the dashboard's (beside
 * loadDashboardPage), with the tab's guide session (the passport feature's loadGuideSession).
 */
export function startDashboardEarly(search: string, session: StaffSession | null, doFetch: Fetch = globalFetch, now = () => performance.now()): void {
  if (!session) return // the sign-in form comes first: nothing to ask for yet
  void loadEcharts().catch(() => {}) // likewise: a chart that cannot load says so
  const filter = readFilter(search)
  const lang = useLangStore.getState().lang
  const init = { headers: { authorization: `Bearer ${session.token}` } }
  for (const path of [OPTIONS_PATH, ...DASHBOARD_VIEWS.map((v) => viewPath(v, filter, lang))]) {
    const res = doFetch(path, init)
    res.catch(() => {}) // the page sees the failure when it takes the answer
    started.set(key(path, session.token), { at: now(), res })
  }
}

/**
 * A fetch for the page's requests: the answer started early for this path and token, once, if
 * it is fresh; otherwise a request of its own.
 */
export function earlyFetch(doFetch: Fetch = globalFetch, now = () => performance.now()): Fetch {
  return (input, init) => {
    const auth = new Headers(init?.headers).get('authorization')
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : null
    const k = token && typeof input === 'string' ? key(input, token) : null
    const hit = k ? started.get(k) : undefined
    if (k) started.delete(k)
    return hit && now() - hit.at < FRESH_MS ? hit.res : doFetch(input, init)
  }
}
