import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CROCKFORD, createPassportCode, formatPassportCode } from '../../../core/passport-code.ts'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { PassportDataBox } from '../passport-data-box.tsx'

let seed = 11
const code = createPassportCode((b) => b.map(() => (seed = (seed * 73 + 41) % 251)))
const shown = formatPassportCode(code)

const answer = (status: number, body?: unknown) =>
  new Response(body === undefined ? null : JSON.stringify(body), { status, headers: body === undefined ? {} : { 'content-type': 'application/json' } })

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>
let onUnauthorized: ReturnType<typeof vi.fn<() => void>>
beforeEach(() => {
  useLangStore.setState({ lang: 'zh-CN' })
  fetchMock = vi.fn<typeof fetch>(async () => answer(204))
  vi.stubGlobal('fetch', fetchMock)
  onUnauthorized = vi.fn<() => void>()
  render(<PassportDataBox token="tok" onUnauthorized={onUnauthorized} />)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

const byId = (id: string) => screen.getByTestId(id)
const message = () => byId('data-message').textContent
const typeCode = (text: string) => fireEvent.change(byId('data-code'), { target: { value: text } })
const click = (id: string) =>
  act(async () => {
    fireEvent.click(byId(id))
  })
async function confirmWith(text: string) {
  fireEvent.change(byId('data-confirm-code'), { target: { value: text } })
  await click('data-confirm-delete')
}

describe('passport data box: delete asks first', () => {
  it('explains what is removed, refuses a different code, then deletes with the staff token', async () => {
    typeCode(code)
    await click('data-delete')
    expect(byId('data-confirm').textContent).toContain(`删除护照 ${shown} 的数据？`)
    expect(byId('data-confirm').textContent).toContain('统计数据只保留不带护照号码的匿名计数')
    act(() => useLangStore.setState({ lang: 'en' }))
    expect(byId('data-confirm').textContent).toContain('Statistics keep only anonymous counts')
    expect(fetchMock).not.toHaveBeenCalled()

    const other = [...CROCKFORD].find((c) => c !== code[0])!
    await confirmWith(other + code.slice(1))
    expect(message()).toBe('The two codes are not the same.')
    expect(fetchMock).not.toHaveBeenCalled()

    // Typed again as a person would: lower case, with the printed dash.
    await confirmWith(shown.toLowerCase())
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe(`/api/passports/${code}`)
    expect(init?.method).toBe('DELETE')
    expect(init?.headers).toMatchObject({ authorization: 'Bearer tok' })
    expect(message()).toBe(`The data of passport ${shown} has been deleted.`)
    expect(screen.queryByTestId('data-confirm')).toBeNull()
  })

  it('cancel deletes nothing', async () => {
    typeCode(code)
    await click('data-delete')
    await click('data-cancel')
    expect(screen.queryByTestId('data-confirm')).toBeNull()
    expect(message()).toBe('没有删除任何数据。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('a mistyped code is caught before any request, with its position', async () => {
    typeCode(code.slice(0, 3) + [...CROCKFORD].find((c) => c !== code[3])! + code.slice(4))
    await click('data-delete')
    expect(message()).toBe('请检查第 4 位。')
    expect(screen.queryByTestId('data-confirm')).toBeNull()
    await click('data-export')
    expect(message()).toBe('请检查第 4 位。')
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it.each([
    // Another guide's class set (issue 14): the guide learns whom to ask.
    [403, '只有发放这组护照的辅导员或管理员能打开它。请找管理员帮忙。'],
    [404, '本馆没有发过这个号码的护照。请核对号码。'],
    [410, '这本护照已经删除或停用了。'],
  ])('a %i answer is told plainly', async (status, text) => {
    fetchMock.mockResolvedValueOnce(answer(status, { error: 'x', reasons: [] }))
    typeCode(code)
    await click('data-delete')
    await confirmWith(code)
    expect(message()).toBe(text)
  })

  it('a lapsed sign-in sends the guide back to sign in', async () => {
    fetchMock.mockResolvedValueOnce(answer(401, { error: 'unauthorized', reasons: [] }))
    typeCode(code)
    await click('data-delete')
    await confirmWith(code)
    expect(onUnauthorized).toHaveBeenCalledTimes(1)
  })
})

describe('passport data box: export', () => {
  it('downloads the JSON the server sent as passport-<code>.json', async () => {
    const body = { code, status: 'active', events: [{ id: 'e1' }, { id: 'e2' }], centerName: '科普馆' }
    fetchMock.mockResolvedValueOnce(answer(200, body))
    const blobs: Blob[] = []
    // jsdom has no object URLs (each test file gets its own jsdom, so this does not leak).
    Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:test'), revokeObjectURL: () => {} })
    const saved: string[] = []
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(`${this.download} ${this.getAttribute('href')}`)
    })
    typeCode(code)
    await click('data-export')
    expect(fetchMock.mock.calls[0]![0]).toBe(`/api/passports/${code}/export`)
    expect(saved).toEqual([`passport-${code}.json blob:test`])
    expect(JSON.parse(await blobs[0]!.text())).toEqual(body)
    expect(message()).toBe(`已导出护照 ${shown} 的数据（2 条记录）。`)
  })
})
