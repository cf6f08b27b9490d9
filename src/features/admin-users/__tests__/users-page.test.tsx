import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { AdminUsersPage } from '../users-page.tsx'

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const signedIn = (role: 'guide' | 'admin') =>
  sessionStorage.setItem('sophora.guide', JSON.stringify({ token: 'sut_t', name: 'boss', role, expiresAt: new Date(Date.now() + 3_600_000).toISOString() }))
const boss = { id: 1, name: 'boss', role: 'admin', createdAt: '2026-11-01T02:00:00.000Z', lastSignInAt: null, disabled: false }

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>
beforeEach(() => {
  useLangStore.setState({ lang: 'zh-CN' })
  fetchMock = vi.fn<typeof fetch>(async (url) =>
    String(url).startsWith('/api/admin/audit') ? answer(200, { entries: [], nextBefore: null }) : answer(200, { users: [boss] }),
  )
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  sessionStorage.clear()
  vi.unstubAllGlobals()
})

describe('/admin/users', () => {
  it('tells a guide the page is admin-only, without asking the server', () => {
    signedIn('guide')
    render(<AdminUsersPage />)
    expect(screen.getByTestId('admin-only').textContent).toBe('这一页只有管理员能打开。请用管理员账号登录，或请管理员帮忙。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it("shows the server's last-admin refusal in words, in both languages", async () => {
    signedIn('admin')
    render(<AdminUsersPage />)
    await screen.findByText('boss')
    fetchMock.mockResolvedValueOnce(answer(409, { error: 'last-admin', reasons: ['…'] }))
    await act(async () => {
      fireEvent.click(screen.getByTestId('user-role'))
    })
    const [url, init] = fetchMock.mock.calls.find(([, i]) => i?.method === 'PATCH')!
    expect([url, init?.body]).toEqual(['/api/admin/users/1', JSON.stringify({ role: 'guide' })])
    expect((await screen.findByTestId('admin-message')).textContent).toContain('最后一个能登录的管理员')
    act(() => useLangStore.setState({ lang: 'en' }))
    expect(screen.getByTestId('admin-message').textContent).toContain('last admin who can sign in')
  })
})
