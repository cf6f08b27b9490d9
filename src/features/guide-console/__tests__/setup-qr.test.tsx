import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { SetupQr } from '../setup-qr.tsx'

const answer = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
const TOKEN_A = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'
const TOKEN_B = 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'

let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>
beforeEach(() => {
  useLangStore.setState({ lang: 'en' })
  fetchMock = vi.fn<typeof fetch>()
  vi.stubGlobal('fetch', fetchMock)
})
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

/** As a tap on the summary does: the element fires its own 'toggle'. */
async function open(details: HTMLElement) {
  await act(async () => {
    ;(details as HTMLDetailsElement).open = true
  })
}

describe("the console's setup QR", () => {
  it('mints a one-time token when opened, as the guide, and puts it in the fragment of the setup URL; "New QR code" mints another', async () => {
    fetchMock.mockResolvedValueOnce(answer(201, { token: TOKEN_A, expiresAt: '2026-11-30T05:10:00.000Z' }))
    fetchMock.mockResolvedValueOnce(answer(201, { token: TOKEN_B, expiresAt: '2026-11-30T05:12:00.000Z' }))
    render(<SetupQr setupUrl="https://sophora.lan/station/setup" token="guide-token" />)
    expect(fetchMock).not.toHaveBeenCalled()
    await open(screen.getByTestId('setup-qr'))
    const valid = await screen.findByTestId('setup-qr-valid')
    expect(valid.dataset.url).toBe(`https://sophora.lan/station/setup#setup=${TOKEN_A}`)
    expect(valid.textContent).toMatch(/^Scanning it is enough: no sign-in on the device\. One use only, valid until .+\.$/)
    const [url, init] = fetchMock.mock.calls[0]!
    expect(url).toBe('/api/console/setup-tokens')
    expect(init?.method).toBe('POST')
    expect(new Headers(init?.headers).get('authorization')).toBe('Bearer guide-token')
    await act(async () => {
      fireEvent.click(screen.getByTestId('setup-qr-new'))
    })
    expect(screen.getByTestId('setup-qr-valid').dataset.url).toBe(`https://sophora.lan/station/setup#setup=${TOKEN_B}`)
    expect(fetchMock).toHaveBeenCalledTimes(2)
  })

  it('says so when no token can be had, and shows no stale QR', async () => {
    useLangStore.setState({ lang: 'zh-CN' })
    fetchMock.mockResolvedValueOnce(answer(500, { error: 'internal' }))
    render(<SetupQr setupUrl="https://sophora.lan/station/setup" token="guide-token" />)
    await open(screen.getByTestId('setup-qr'))
    expect((await screen.findByRole('alert')).textContent).toBe('没能生成设置二维码，请检查网络后重试。')
    expect(screen.queryByTestId('setup-qr-valid')).toBeNull()
  })
})
