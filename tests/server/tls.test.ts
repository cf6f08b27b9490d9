// @vitest-environment node
import { X509Certificate } from 'node:crypto'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { checkServerIdentity, connect } from 'node:tls'
import type { PeerCertificate } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildAppOver } from '../../src/server/app.ts'
import { ConfigError, loadConfig } from '../../src/server/config.ts'
import { createAppContext } from '../../src/server/context.ts'
import { TlsInfoSchema } from '../../src/core/tls-info.ts'
import { createCa, issueServerCert } from '../../src/server/tls/local-ca.ts'
import type { KeyPairPem } from '../../src/server/tls/local-ca.ts'
import type { LanNames } from '../../src/server/tls/lan-names.ts'
import { TlsSetupError, startTls } from '../../src/server/tls/tls-runtime.ts'
import { startMessage } from '../../src/server/tls/start-message.ts'
import type { TlsRuntime } from '../../src/server/tls/tls-runtime.ts'
import { tempDir, testConfig } from './helpers.ts'

const NAMES: LanNames = { dns: ['kexue-pc', 'kexue-pc.local', 'localhost'], ips: ['127.0.0.1', '192.168.1.20', '::1', 'fd00::2'] }
const deps = { names: () => NAMES, hostname: () => 'kexue-pc' }

let t: ReturnType<typeof tempDir>
// The center's own certificate: from another CA than the built-in one.
let own: KeyPairPem
let otherKey: string
beforeAll(() => {
  t = tempDir()
  const theirCa = createCa('center-it')
  own = issueServerCert(theirCa, { dns: ['kexue.example.cn'], ips: [] })
  otherKey = theirCa.key
  writeFileSync(join(t.dir, 'own.crt'), own.cert)
  writeFileSync(join(t.dir, 'own.key'), own.key)
  writeFileSync(join(t.dir, 'wrong.key'), otherKey)
})
afterAll(() => t.cleanup())

describe('TLS settings', () => {
  it('default: the built-in CA next to the database, HTTPS on 8443 beside PORT 8080; PORT=0 makes both random', () => {
    const c = loadConfig({ DB_PATH: '/srv/sophora/data/s.db' })
    expect(c.tls).toEqual({ mode: 'local-ca', dir: '/srv/sophora/data/tls' })
    expect([c.port, c.httpsPort]).toEqual([8080, 8443])
    expect(loadConfig({ PORT: '0' }).httpsPort).toBe(0)
    expect(loadConfig({ TLS_DIR: '/etc/sophora/tls' }).tls).toEqual({ mode: 'local-ca', dir: '/etc/sophora/tls' })
    expect(loadConfig({ TLS: 'off' }).tls).toEqual({ mode: 'off' })
    expect(loadConfig({ TLS_CERT: '/a.crt', TLS_KEY: '/a.key' }).tls).toEqual({ mode: 'files', certFile: '/a.crt', keyFile: '/a.key' })
  })

  it.each([
    [{ TLS_CERT: '/a.crt' }, /TLS_CERT and TLS_KEY: set both/],
    [{ TLS_KEY: '/a.key' }, /TLS_CERT and TLS_KEY: set both/],
    [{ TLS: 'off', TLS_CERT: '/a.crt', TLS_KEY: '/a.key' }, /TLS: off serves plain HTTP/],
    [{ TLS: 'on' }, /TLS: /],
    [{ PORT: '9000', HTTPS_PORT: '9000' }, /HTTPS_PORT: must differ from PORT/],
  ])('refuses %o', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(message)
  })
})

describe("the center's own certificate (TLS_CERT/TLS_KEY)", () => {
  it('is served as it is, with no built-in CA made or offered', () => {
    const tls = startTls({ mode: 'files', certFile: join(t.dir, 'own.crt'), keyFile: join(t.dir, 'own.key') }, deps)!
    expect(tls.current()).toEqual(own)
    expect(tls.caPem()).toBeNull()
    const info = tls.info()
    expect(info.mode).toBe('files')
    expect(info.ca).toBeNull()
    expect(info.caDownloads).toEqual([])
    expect(info.certificate?.names).toEqual(['dns:kexue.example.cn'])
    expect(info.certificate?.sha256).toBe(new X509Certificate(own.cert).fingerprint256)
  })

  it('refuses a key that is not the certificate’s, or a file that is missing, naming the setting', () => {
    expect(() => startTls({ mode: 'files', certFile: join(t.dir, 'own.crt'), keyFile: join(t.dir, 'wrong.key') }, deps)).toThrow(TlsSetupError)
    expect(() => startTls({ mode: 'files', certFile: join(t.dir, 'own.crt'), keyFile: join(t.dir, 'wrong.key') }, deps)).toThrow(
      /TLS_KEY .* is not the key of TLS_CERT/,
    )
    expect(() => startTls({ mode: 'files', certFile: join(t.dir, 'none.crt'), keyFile: join(t.dir, 'own.key') }, deps)).toThrow(
      /TLS_CERT\/TLS_KEY: cannot read/,
    )
  })

  it('a TLS_DIR the server cannot write stops the start with a message naming it', () => {
    const blocked = join(t.dir, 'own.crt', 'tls') // under a file: no folder can be made there
    expect(() => startTls({ mode: 'local-ca', dir: blocked }, deps)).toThrow(TlsSetupError)
    expect(() => startTls({ mode: 'local-ca', dir: blocked }, deps)).toThrow(/^TLS_DIR \(.*\): cannot keep the certificates there/)
  })

  it('TLS=off: no TLS at all', () => {
    expect(startTls({ mode: 'off' }, deps)).toBeNull()
  })
})

describe('a running server', () => {
  it('serves a new certificate from the same CA when the machine gets a new address, without a restart', async () => {
    let names = NAMES
    const lines: string[] = []
    const tls = startTls({ mode: 'local-ca', dir: join(t.dir, 'tls') }, { ...deps, names: () => names, log: (l) => lines.push(l) })!
    const ca = tls.caPem()!
    const server = createServer(tls.current(), (_q, r) => r.end('ok'))
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
    const peer = () =>
      new Promise<PeerCertificate>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port: (server.address() as AddressInfo).port, ca }, () => {
          resolve(s.getPeerCertificate())
          s.end()
        })
        s.once('error', reject)
      })
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
    const stop = tls.watch((pair) => server.setSecureContext(pair))
    try {
      expect(checkServerIdentity('10.9.8.7', await peer())).toBeInstanceOf(Error)
      names = { ...NAMES, ips: [...NAMES.ips, '10.9.8.7'] } // DHCP gave the machine another address
      vi.advanceTimersByTime(60_000)
      expect(checkServerIdentity('10.9.8.7', await peer())).toBeUndefined()
      expect(tls.caPem()).toBe(ca)
      expect(lines.at(-1)).toMatch(/a new server certificate \(the machine's names or addresses changed\)/)
    } finally {
      stop()
      vi.useRealTimers()
      server.close()
    }
  })
})

describe('the start message', () => {
  const own = () => startTls({ mode: 'files', certFile: join(t.dir, 'own.crt'), keyFile: join(t.dir, 'own.key') }, deps)!
  const message = (host: string, tls = own()) => {
    tls.setListening({ host, http: 8080, https: 8443 })
    return startMessage(loadConfig({ HOST: host }), tls, 8080, 8443)
  }

  it('on every interface: this machine on plain localhost, the LAN on HTTPS by address and .local name', () => {
    expect(message('0.0.0.0').split('\n').slice(0, 3)).toEqual([
      'Sophora is running at http://localhost:8080 (this machine)',
      '  on the LAN: https://192.168.1.20:8443/',
      '  on the LAN: https://kexue-pc.local:8443/',
    ])
  })

  it('bound to a LAN address this machine uses HTTPS too (plain HTTP there serves loopback only); bound to loopback, plain HTTP', () => {
    expect(message('192.168.1.20')).toMatch(/^Sophora is running at https:\/\/192\.168\.1\.20:8443 \(this machine\)/)
    expect(message('127.0.0.1')).toMatch(/^Sophora is running at http:\/\/127\.0\.0\.1:8080 \(this machine\)/)
    expect(startMessage(loadConfig({ TLS: 'off' }), null, 8080, null)).toBe('Sophora is running at http://localhost:8080 (plain HTTP: TLS=off)')
  })
})

describe('GET /api/tls and the CA download', () => {
  async function appWith(tls: TlsRuntime | null) {
    const ctx = createAppContext(testConfig(t.dir, { dbPath: join(t.dir, `db-${Math.random()}.db`) }))
    return buildAppOver(ctx, { logger: false, tls })
  }

  it('built-in CA: fingerprints, the LAN addresses to open, and the CA as DER (.crt) and PEM', async () => {
    const tls = startTls({ mode: 'local-ca', dir: join(t.dir, 'tls') }, deps)!
    tls.setListening({ host: '0.0.0.0', http: 8080, https: 8443 })
    const app = await appWith(tls)
    try {
      const info = TlsInfoSchema.parse((await app.inject('/api/tls')).json())
      const ca = new X509Certificate(tls.caPem()!)
      expect(info.mode).toBe('local-ca')
      expect(info.ca).toMatchObject({ sha256: ca.fingerprint256, sha1: ca.fingerprint })
      // 0.0.0.0 listens on IPv4 only: no IPv6 address offered.
      expect(info.httpsUrls).toEqual(['https://192.168.1.20:8443/', 'https://kexue-pc.local:8443/'])
      expect(info.caDownloads).toEqual(['http://192.168.1.20:8080/api/tls/ca.crt'])

      const der = await app.inject('/api/tls/ca.crt')
      expect(der.statusCode).toBe(200)
      expect(der.headers['content-type']).toBe('application/x-x509-ca-cert')
      expect(der.headers['content-disposition']).toBe('attachment; filename="sophora-local-ca.crt"')
      expect(der.rawPayload.equals(ca.raw)).toBe(true)
      const pem = await app.inject('/api/tls/ca.pem')
      expect(pem.headers['content-type']).toMatch(/^application\/x-pem-file/)
      expect(new X509Certificate(pem.body).fingerprint256).toBe(ca.fingerprint256)
    } finally {
      await app.close()
    }
  })

  it('without the built-in CA (TLS=off): mode off and no CA to download', async () => {
    const app = await appWith(null)
    try {
      expect((await app.inject('/api/tls')).json()).toEqual({ mode: 'off', ca: null, certificate: null, httpsUrls: [], caDownloads: [] })
      const r = await app.inject('/api/tls/ca.crt')
      expect(r.statusCode).toBe(404)
      expect(r.json().error).toBe('not-found')
    } finally {
      await app.close()
    }
  })
})
