import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { checkPassportCode, createPassportCode, CROCKFORD, formatPassportCode } from '../../../core/passport-code.ts'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { CheckInForm } from '../check-in-form.tsx'
import { fetchPassportStatus, type PassportStatus } from '../passport-api.ts'

// A fixed valid code: random bytes from a seeded sequence, so failures are reproducible.
let seed = 7
const code = createPassportCode((b) => b.map(() => (seed = (seed * 73 + 41) % 251)))

function setup(confirm: (c: string) => Promise<PassportStatus> = async () => 'active') {
  const onCheckedIn = vi.fn()
  render(<CheckInForm confirm={confirm} onCheckedIn={onCheckedIn} />)
  const type = async (text: string) => {
    fireEvent.change(screen.getByTestId('code-input'), { target: { value: text } })
    await act(async () => {
      fireEvent.click(screen.getByTestId('code-submit'))
    })
  }
  const message = () => screen.getByTestId('code-message').textContent
  return { onCheckedIn, type, message }
}

/** The code with the character at 1-based `pos` replaced by a different valid one. */
function mistype(c: string, pos: number): string {
  const other = [...CROCKFORD].find((x) => x !== c[pos - 1])!
  return c.slice(0, pos - 1) + other + c.slice(pos)
}

beforeEach(() => useLangStore.setState({ lang: 'zh-CN' }))
afterEach(cleanup)

describe('check-in form: what a mistyped code tells the student', () => {
  it('names the position of one mistyped character, in Chinese and English', async () => {
    const f = setup()
    await f.type(mistype(code, 5))
    expect(f.message()).toBe('请检查第 5 位。')
    act(() => useLangStore.setState({ lang: 'en' }))
    expect(f.message()).toBe('Check the 5th character.')
    await f.type(mistype(code, 2))
    expect(f.message()).toBe('Check the 2nd character.')
    expect(f.onCheckedIn).not.toHaveBeenCalled()
  })

  it('says which neighbours look swapped', async () => {
    // Some swaps can be undone in two places (then the form asks for a careful re-check); take one that cannot.
    const swap = (k: number) => code.slice(0, k) + code[k + 1] + code[k] + code.slice(k + 2)
    const i = [...code].findIndex((_, k) => {
      const r = k < 9 ? checkPassportCode(swap(k)) : null
      return r?.ok === false && r.problem === 'swapped' && r.position === k + 1
    })
    expect(i).toBeGreaterThanOrEqual(0)
    const swapped = swap(i)
    const f = setup()
    await f.type(swapped)
    expect(f.message()).toBe(`第 ${i + 1} 位和第 ${i + 2} 位好像写反了。`)
  })

  it('names a character that is not in passport codes, and its position', async () => {
    const f = setup()
    await f.type(`${code.slice(0, 2)}U${code.slice(3)}`)
    expect(f.message()).toBe('护照号码里没有“U”，请检查第 3 位。')
    act(() => useLangStore.setState({ lang: 'en' }))
    expect(f.message()).toBe('“U” is not used in passport codes: check the 3rd character.')
  })

  it('too short, too long and empty are told apart', async () => {
    const f = setup()
    await f.type(code.slice(0, 7))
    expect(f.message()).toBe('号码少了几位：护照号码一共 10 位。')
    await f.type(`${code}7`)
    expect(f.message()).toBe('号码多了几位：护照号码一共 10 位。')
    await f.type('   ')
    expect(f.message()).toBe('请输入护照上的 10 位号码。')
  })

  it('shows what was typed in the printed groups and accepts lower case, spaces and O for 0', async () => {
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5)}`.replace(/0/g, 'o')
    const f = setup()
    fireEvent.change(screen.getByTestId('code-input'), { target: { value: typed } })
    expect(screen.getByTestId('code-grouped').textContent).toBe(formatPassportCode(code.replace(/0/g, 'O')))
    await f.type(typed)
    expect(f.onCheckedIn).toHaveBeenCalledWith(code, true)
    expect(f.message()).toBe(`签到成功！护照 ${formatPassportCode(code)}`)
  })
})

describe('check-in form: what the server says', () => {
  const respond = (status: number, body: unknown) =>
    vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))

  it('an unknown passport is refused with a clear message', async () => {
    const fetch = respond(404, { error: 'unknown passport', reasons: ['no such passport'] })
    const f = setup((c) => fetchPassportStatus(c, 'tok', fetch))
    await f.type(code)
    expect(fetch).toHaveBeenCalledWith(
      `/api/passports/${code}/status`,
      expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer tok' }) }),
    )
    expect(f.message()).toBe('这个号码不是本馆发的护照。请再核对一遍，或者找辅导员老师。')
    expect(f.onCheckedIn).not.toHaveBeenCalled()
  })

  it('a revoked passport is refused', async () => {
    const f = setup((c) => fetchPassportStatus(c, 'tok', respond(410, { error: 'revoked', reasons: [] })))
    act(() => useLangStore.setState({ lang: 'en' }))
    await f.type(code)
    expect(f.message()).toBe('This passport is no longer active. Please ask a guide.')
    expect(f.onCheckedIn).not.toHaveBeenCalled()
  })

  it('offline, a code with valid check characters is accepted, to be confirmed later', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const f = setup((c) => fetchPassportStatus(c, null, fetch))
    await f.type(code)
    expect(f.onCheckedIn).toHaveBeenCalledWith(code, false)
    expect(f.message()).toBe(`已签到护照 ${formatPassportCode(code)}。现在连不上服务器，稍后会再核对这个号码。`)
  })

  it('offline, a mistyped code is still refused before any request', async () => {
    const fetch = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const f = setup((c) => fetchPassportStatus(c, null, fetch))
    await f.type(mistype(code, 9))
    expect(f.message()).toBe('请检查第 9 位。')
    expect(fetch).not.toHaveBeenCalled()
    expect(f.onCheckedIn).not.toHaveBeenCalled()
  })
})
