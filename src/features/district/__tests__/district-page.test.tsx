import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DistrictTable, DistrictYearlyReport } from '../../../core/district.ts'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { DistrictPage } from '../district-page.tsx'

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const table = (view: DistrictTable['view']): DistrictTable => ({
  view,
  columns: [
    { key: 'label', label: { 'zh-CN': '名称', en: 'Label' }, kind: 'text' },
    { key: 'medianMs', label: { 'zh-CN': '用时中位数', en: 'Median time' }, kind: 'ms' },
  ],
  rows: [{ label: `row of ${view}`, medianMs: 90_000, suppressed: null }],
  notes: [],
})
const report: DistrictYearlyReport = {
  year: 2026,
  generatedAt: '2026-11-30T00:00:00.000Z',
  centers: [{ centerId: 'a', name: '一号馆', openDays: 3, exhibitVisits: 40, completions: 20, students: 9, walkInVisits: 7 }],
  total: { centers: 1, openDays: 3, exhibitVisits: 40, completions: 20, students: 9, walkInVisits: 7 },
}

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>
let viewStatus = 200
beforeEach(() => {
  useLangStore.setState({ lang: 'zh-CN' })
  viewStatus = 200
  fetchMock = vi.fn<typeof fetch>(async (input, init) => {
    const url = new URL(String(input), 'http://d')
    if (url.pathname === '/api/district/login') {
      const body = JSON.parse(String(init?.body)) as { password: string }
      return body.password === 'right'
        ? answer(200, { token: 'sda_t', expiresAt: new Date(Date.now() + 3_600_000).toISOString() })
        : answer(401, { error: 'bad-credentials', reasons: [] })
    }
    if (url.pathname === '/api/district/dashboard/options') return answer(200, { centers: [{ id: 'a', name: '一号馆' }], exhibits: [] })
    const view = /^\/api\/district\/dashboard\/views\/(\w+)$/.exec(url.pathname)?.[1]
    if (view) return viewStatus === 200 ? answer(200, table(view as DistrictTable['view'])) : answer(viewStatus, { error: 'unauthorized', reasons: [] })
    if (url.pathname === '/api/district/reports/yearly') return answer(200, report)
    return answer(404, { error: 'not-found', reasons: [] })
  })
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  sessionStorage.clear()
  vi.unstubAllGlobals()
})

const urls = () => fetchMock.mock.calls.map(([u]) => String(u))
async function signIn(password: string) {
  fireEvent.change(screen.getByLabelText('用户名'), { target: { value: 'qu-admin' } })
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } })
  await act(async () => {
    fireEvent.submit(screen.getByTestId('district-sign-in'))
  })
}

describe('/district', () => {
  it('signs in, shows every view and the yearly report with the sign-in token, and filters by center', async () => {
    render(<DistrictPage />)
    await signIn('wrong')
    expect(screen.getByRole('alert').textContent).toBe('用户名或密码不对。')
    await signIn('right')
    await screen.findByTestId('district-page')
    for (const v of ['centers', 'visits', 'exhibits', 'misconceptions', 'trend']) await screen.findByText(`row of ${v}`)
    expect(screen.getAllByText('1.5 分钟')).toHaveLength(5)
    const rows = [...(await screen.findByTestId('district-report-table')).querySelectorAll('tbody tr')].map((r) => r.textContent)
    expect(rows).toEqual(['一号馆3402097', '合计（1 个馆）3402097'])
    expect(
      fetchMock.mock.calls
        .filter(([u]) => String(u).startsWith('/api/district/dashboard'))
        .every(([, i]) => (i?.headers as Record<string, string>).authorization === 'Bearer sda_t'),
    ).toBe(true)

    fireEvent.change(screen.getByTestId('district-center'), { target: { value: 'a' } })
    await screen.findAllByText('row of visits')
    expect(
      urls()
        .filter((u) => u.includes('/views/visits'))
        .at(-1),
    ).toContain('center=a')
    await act(async () => useLangStore.setState({ lang: 'en' }))
    await screen.findAllByText('Median time')
    expect(
      urls()
        .filter((u) => u.includes('/views/exhibits'))
        .at(-1),
    ).toContain('lang=en')
  })

  it('goes back to the sign-in when the district no longer knows the token', async () => {
    sessionStorage.setItem('sophora.district', JSON.stringify({ token: 'sda_old', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }))
    viewStatus = 401
    render(<DistrictPage />)
    await screen.findByTestId('district-sign-in')
    expect(sessionStorage.getItem('sophora.district')).toBeNull()
  })
})
