import { X509Certificate } from 'node:crypto'
import type { PeerCertificate } from 'node:tls'
import { checkServerIdentity, connect } from 'node:tls'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LanNames } from '../lan-names.ts'
import { coveredNames } from '../local-ca.ts'
import { RENEW_BEFORE_DAYS, TLS_FILES, ensureLocalTls } from '../tls-store.ts'
import type { LocalTls } from '../tls-store.ts'

const NAMES: LanNames = { dns: ['kexue-pc', 'kexue-pc.local', 'localhost'], ips: ['127.0.0.1', '192.168.1.20', '::1', 'fd00::2'] }
const DAY = 86_400_000
const mode = (p: string) => statSync(p).mode & 0o777

let dir: string
let first: LocalTls
beforeAll(() => {
  dir = join(mkdtempSync(join(tmpdir(), 'sophora-tls-')), 'tls')
  first = ensureLocalTls(dir, NAMES, 'kexue-pc')
})
afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }))

/** The server certificate as a TLS client sees it, over a real handshake with `ca` as the only trusted root. */
async function handshake(tls: LocalTls): Promise<PeerCertificate> {
  const server = createServer({ key: tls.server.key, cert: tls.server.cert + tls.ca.cert }, (_q, r) => r.end('ok'))
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  try {
    return await new Promise((resolve, reject) => {
      // host 127.0.0.1: Node checks the IP address against the certificate's names, as a browser does.
      const s = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, ca: tls.ca.cert }, () => {
        const peer = s.getPeerCertificate()
        s.end()
        resolve(peer)
      })
      s.once('error', reject)
    })
  } finally {
    server.close()
  }
}

describe('the built-in TLS in data/tls', () => {
  it('makes a CA and a server certificate with private files: folder 0700, keys 0600', () => {
    expect(first.made).toEqual(['a new certificate authority', 'a new server certificate (none yet)'])
    expect(mode(dir)).toBe(0o700)
    expect(mode(join(dir, TLS_FILES.caKey))).toBe(0o600)
    expect(mode(join(dir, TLS_FILES.serverKey))).toBe(0o600)
    expect(readFileSync(join(dir, TLS_FILES.caCert), 'utf8')).toBe(first.ca.cert)
    const ca = new X509Certificate(first.ca.cert)
    expect(ca.ca).toBe(true)
    expect(ca.subject).toMatch(/CN=Sophora local CA kexue-pc \d{4}-\d\d-\d\d/)
  })

  it('the server certificate covers every name and address, chains to the CA in a real handshake, and is for servers only', async () => {
    const cert = new X509Certificate(first.server.cert)
    expect(coveredNames(cert)).toEqual(['dns:kexue-pc', 'dns:kexue-pc.local', 'dns:localhost', 'ip:127.0.0.1', 'ip:192.168.1.20', 'ip:::1', 'ip:fd00::2'])
    expect(cert.ca).toBe(false)
    expect(cert.checkIssued(new X509Certificate(first.ca.cert))).toBe(true)
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1']) // serverAuth
    // Apple refuses TLS certificates valid for more than 825 days; this one is under the 398 public CAs keep to.
    expect((Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / DAY).toBeLessThanOrEqual(398)

    const peer = await handshake(first)
    expect(peer.fingerprint256).toBe(cert.fingerprint256)
    for (const host of ['kexue-pc.local', 'kexue-pc', 'localhost', '192.168.1.20', 'fd00::2']) expect(checkServerIdentity(host, peer), host).toBeUndefined()
    expect(checkServerIdentity('192.168.1.21', peer)).toBeInstanceOf(Error)
    expect(checkServerIdentity('evil.example', peer)).toBeInstanceOf(Error)
  })

  it('a restart keeps both when nothing changed; new addresses get a new server certificate from the same CA', async () => {
    const again = ensureLocalTls(dir, NAMES, 'kexue-pc')
    expect(again.made).toEqual([])
    expect(again.ca.cert).toBe(first.ca.cert)
    expect(again.server.cert).toBe(first.server.cert)

    const moved: LanNames = { ...NAMES, ips: ['10.1.2.3', '127.0.0.1', '::1'] }
    const renamed = ensureLocalTls(dir, moved, 'kexue-pc')
    expect(renamed.made).toEqual(["a new server certificate (the machine's names or addresses changed)"])
    expect(renamed.ca.cert).toBe(first.ca.cert)
    expect(coveredNames(new X509Certificate(renamed.server.cert))).toContain('ip:10.1.2.3')
    expect(coveredNames(new X509Certificate(renamed.server.cert))).not.toContain('ip:192.168.1.20')
    expect(checkServerIdentity('10.1.2.3', await handshake(renamed))).toBeUndefined()
  })

  it(`reissues the server certificate ${RENEW_BEFORE_DAYS} days before its end, keeping the CA`, () => {
    const current = ensureLocalTls(dir, NAMES, 'kexue-pc')
    const end = Date.parse(new X509Certificate(current.server.cert).validTo)
    expect(ensureLocalTls(dir, NAMES, 'kexue-pc', end - (RENEW_BEFORE_DAYS + 1) * DAY).made).toEqual([])
    const late = ensureLocalTls(dir, NAMES, 'kexue-pc', end - (RENEW_BEFORE_DAYS - 1) * DAY)
    expect(late.made).toEqual(['a new server certificate (the old one is near its end)'])
    expect(late.ca.cert).toBe(first.ca.cert)
  })
})
