import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { YearlyReport } from '../../../core/yearly-report.ts'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { YearlyReportPage } from '../report-page.tsx'

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const signedIn = () =>
  sessionStorage.setItem(
    'sophora.guide',
    JSON.stringify({ token: 'sut_t', name: 'zhao', role: 'guide', expiresAt: new Date(Date.now() + 3_600_000).toISOString() }),
  )
const zero = { count: 0, participants: 0 }
const report: YearlyReport = {
  year: 2025,
  centerName: '测试科普馆',
  generatedAt: '2026-01-05T02:00:00.000Z',
  activities: { lecture: { count: 3, participants: 120 }, exhibition: zero, youth: zero, salon: zero, workshop: zero, training: zero, other: zero },
  venue: { openDays: 0, exhibitVisits: 1234, completions: 0, students: 0, classSessions: 0, schools: 1, walkInVisits: 0, passportsIssued: 0 },
  staff: { guides: 2, admins: 1, volunteerActivities: 1, volunteerHours: 2.5 },
  schools: [{ school: '小河小学', sessions: 1, headcount: null, students: null }],
  suppressedCells: 2,
}
const cells = (table: string, row: string) => [...document.querySelectorAll(`[data-table="${table}"] tr[data-row="${row}"] td`)].map((td) => td.textContent)

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>
beforeEach(() => {
  useLangStore.setState({ lang: 'zh-CN' })
  fetchMock = vi.fn<typeof fetch>(async () => answer(200, report))
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  sessionStorage.clear()
  vi.unstubAllGlobals()
})

/** The page around the tables: which year it asks for, how it shows a small cell, what it does with a bad year or an expired sign-in. */
describe('/admin/report/:year', () => {
  it('asks for the year in the address and shows its tables; the picker moves to another year', async () => {
    signedIn()
    const onYear = vi.fn()
    render(<YearlyReportPage year="2025" onYear={onYear} />)
    await screen.findByTestId('report-sheet')
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/reports/yearly?year=2025')
    expect(fetchMock.mock.calls[0]?.[1]?.headers).toMatchObject({ authorization: 'Bearer sut_t' })
    expect(screen.getByTestId('report-center').textContent).toBe('测试科普馆')
    expect(cells('activities', 'lecture')).toEqual(['3', '120'])
    expect(cells('venue', 'exhibitVisits')).toEqual(['1,234'])
    expect(cells('schools', '小河小学')).toEqual(['1', '<5', '<5'])
    expect(screen.getByText(/少于 5 名学生的单元格不显示具体数字/)).toBeTruthy()
    // the dashboard over the same year, one tap away
    expect(screen.getByTestId('link-dashboard').getAttribute('href')).toBe('/admin/dashboard?from=2025-01-01&to=2025-12-31')
    expect(screen.getByTestId('link-dashboard').textContent).toBe('统计看板')
    act(() => useLangStore.setState({ lang: 'en' }))
    expect(screen.getByText('Science-popularisation statistics 2025')).toBeTruthy()
    fireEvent.change(screen.getByTestId('report-year'), { target: { value: '2024' } })
    expect(onYear).toHaveBeenCalledWith(2024)
  })

  it('a year that is not one asks for a pick and calls no server', () => {
    signedIn()
    render(<YearlyReportPage year="20x5" onYear={() => {}} />)
    expect(screen.getByRole('alert').textContent).toBe('网址里的年份不对，请在上面选择一个年份。')
    expect(screen.getByTestId('yearly-report').dataset.status).toBe('error')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('an expired sign-in (401) brings back the sign-in form', async () => {
    signedIn()
    fetchMock.mockResolvedValueOnce(answer(401, { error: 'invalid-token', reasons: ['unknown or expired token'] }))
    render(<YearlyReportPage year="2025" onYear={() => {}} />)
    await screen.findByTestId('guide-name')
    expect(screen.queryByTestId('report-sheet')).toBeNull()
  })
})
