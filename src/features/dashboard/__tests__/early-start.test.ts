import { describe, expect, it, vi } from 'vitest'
import { DASHBOARD_VIEWS } from '../../../core/dashboard.ts'
import { fetchView } from '../dashboard-api.ts'
import { earlyFetch, startDashboardEarly } from '../early-start.ts'
import { viewPath } from '../view-url.ts'

vi.mock('../echarts-loader.ts', () => ({ loadEcharts: vi.fn(() => Promise.resolve({})) }))

const session = (token: string) => ({ token, role: 'admin' as const, name: 'a', expiresAt: '2999-01-01T00:00:00Z' })
/** A fetch that answers every path with an empty table of its view, and remembers the paths. */
function counting() {
  const paths: string[] = []
  const doFetch = vi.fn((input: RequestInfo | URL) => {
    paths.push(String(input))
    const view = /\/views\/([a-z]+)/.exec(String(input))?.[1]
    return Promise.resolve(new Response(JSON.stringify({ view, columns: [], rows: [], notes: [] }), { status: 200 }))
  })
  return { paths, doFetch: doFetch as unknown as typeof fetch }
}

describe('the dashboard started before it renders', () => {
  it('asks for the options and every view of the URL at once, with the session, before the page', () => {
    const c = counting()
    startDashboardEarly('?from=2026-01-01&to=2026-12-31&bogus=1', session('t1'), c.doFetch)
    const f = { from: '2026-01-01', to: '2026-12-31' }
    expect(c.paths).toEqual(['/api/dashboard/options', ...DASHBOARD_VIEWS.map((v) => viewPath(v, f, 'zh-CN'))])
    const init = (c.doFetch as unknown as ReturnType<typeof vi.fn>).mock.calls[0]![1] as RequestInit
    expect(new Headers(init.headers).get('authorization')).toBe('Bearer t1')
  })

  it("the page's own reads take each started answer once, then ask again themselves", async () => {
    const early = counting()
    startDashboardEarly('?from=2026-02-01', session('t2'), early.doFetch)
    const late = counting()
    vi.stubGlobal('fetch', late.doFetch)
    try {
      const f = { from: '2026-02-01' }
      const first = await fetchView('trend', f, 'zh-CN', 't2')
      expect(late.paths).toEqual([]) // answered by the early request
      expect(first).toEqual({ ok: true, data: { view: 'trend', columns: [], rows: [], notes: [] } })
      await fetchView('trend', f, 'zh-CN', 't2')
      expect(late.paths).toEqual([viewPath('trend', f, 'zh-CN')])
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('another token, another filter or a stale answer is asked for afresh; no session asks nothing', async () => {
    let t = 0
    const early = counting()
    startDashboardEarly('?from=2026-03-01', session('t3'), early.doFetch, () => t)
    const late = counting()
    const f = { from: '2026-03-01' }
    await fetchView(
      'visits',
      f,
      'zh-CN',
      'other-token',
      earlyFetch(late.doFetch, () => t),
    )
    await fetchView(
      'visits',
      { from: '2026-03-02' },
      'zh-CN',
      't3',
      earlyFetch(late.doFetch, () => t),
    )
    t = 60_001
    await fetchView(
      'exhibits',
      f,
      'zh-CN',
      't3',
      earlyFetch(late.doFetch, () => t),
    )
    expect(late.paths).toEqual([viewPath('visits', f, 'zh-CN'), viewPath('visits', { from: '2026-03-02' }, 'zh-CN'), viewPath('exhibits', f, 'zh-CN')])
    const none = counting()
    startDashboardEarly('', null, none.doFetch)
    expect(none.paths).toEqual([])
  })
})
