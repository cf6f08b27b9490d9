import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TlsInfo } from '../../../core/tls-info.ts'
import { useLangStore } from '../../../i18n/lang-store.ts'
import { CertificatePage } from '../certificate-page.tsx'

const CA = { subject: 'CN=Sophora local CA kexue-pc 2026-11-30', validTo: '2036-11-28T00:00:00.000Z', sha256: 'AA:BB', sha1: 'CC:DD' }
const LOCAL: TlsInfo = {
  mode: 'local-ca',
  ca: CA,
  certificate: { subject: 'CN=kexue-pc', issuer: CA.subject, validTo: '2027-12-01T00:00:00.000Z', names: ['dns:kexue-pc'], sha256: 'EE', sha1: 'FF' },
  httpsUrls: ['https://192.168.1.20:8443/', 'https://kexue-pc.local:8443/'],
  caDownloads: ['http://192.168.1.20:8080/api/tls/ca.crt'],
}

function serve(answer: TlsInfo | Error) {
  vi.stubGlobal('fetch', async (path: string) => {
    expect(path).toBe('/api/tls')
    if (answer instanceof Error) throw answer
    return new Response(JSON.stringify(answer), { headers: { 'content-type': 'application/json' } })
  })
}

// Generous: under a loaded machine the first render (lazy chunks, jsdom) can take seconds.
const WAIT = { timeout: 15_000 }

beforeEach(() => useLangStore.setState({ lang: 'zh-CN' }))
afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('the certificate page', { timeout: 30_000 }, () => {
  it('built-in CA: the download, the fingerprint, the HTTPS addresses and steps for every platform (English)', async () => {
    useLangStore.setState({ lang: 'en' })
    serve(LOCAL)
    render(<CertificatePage />)
    const page = await screen.findByTestId('certificate-page', {}, WAIT)
    expect(page.dataset.mode).toBe('local-ca')
    expect(screen.getByTestId('ca-download').getAttribute('href')).toBe('/api/tls/ca.crt')
    expect(screen.getByTestId('ca-sha256').textContent).toBe('AA:BB')
    expect(screen.getByTestId('ca-qr-url').textContent).toBe('http://192.168.1.20:8080/api/tls/ca.crt')
    expect(screen.getAllByTestId('https-url').map((a) => a.getAttribute('href'))).toEqual(LOCAL.httpsUrls)
    // jsdom's page is http://localhost: not HTTPS, and the page says so.
    expect(screen.getByTestId('secure-status').dataset.secure).toBe('false')
    const platforms = [...page.querySelectorAll('details.cert-platform')].map((d) => [d.getAttribute('data-platform'), d.querySelectorAll('li').length])
    expect(platforms).toEqual([
      ['windows', 4],
      ['android', 4],
      ['ios', 4],
      ['headset', 3],
      ['chromeos', 3],
    ])
    expect(page.textContent).toContain('Certificate Trust Settings')
  })

  it("the center's own certificate: who issued it, nothing to download (Chinese)", async () => {
    serve({ ...LOCAL, mode: 'files', ca: null, caDownloads: [], certificate: { ...LOCAL.certificate!, issuer: 'CN=Example Public CA' } })
    render(<CertificatePage />)
    const page = await screen.findByTestId('certificate-page', {}, WAIT)
    expect(page.textContent).toContain('本馆服务器使用自己的证书（颁发者：CN=Example Public CA），设备不需要安装任何证书。')
    expect(screen.queryByTestId('ca-download')).toBeNull()
    expect(page.querySelectorAll('details.cert-platform')).toHaveLength(0)
  })

  it('TLS=off and an unreachable server each say what is going on', async () => {
    serve({ mode: 'off', ca: null, certificate: null, httpsUrls: [], caDownloads: [] })
    render(<CertificatePage />)
    expect((await screen.findByTestId('certificate-page', {}, WAIT)).textContent).toContain('TLS=off')
    cleanup()
    serve(new TypeError('Failed to fetch'))
    render(<CertificatePage />)
    expect((await screen.findByRole('alert', {}, WAIT)).textContent).toBe('连不上服务器，请稍后再试。')
  })
})
