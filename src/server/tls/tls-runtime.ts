import { X509Certificate, createPrivateKey } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'
import { hostname as osHostname } from 'node:os'
import type { TlsConfig } from '../config.ts'
import { CA_CRT_PATH } from '../../core/tls-info.ts'
import type { TlsInfo } from '../../core/tls-info.ts'
import { lanNames, nameKeys, reachableAddresses } from './lan-names.ts'
import type { LanNames } from './lan-names.ts'
import { coveredNames } from './local-ca.ts'
import { ensureLocalTls } from './tls-store.ts'

/** What the HTTPS server presents: key and certificate chain (PEM). */
export interface ServedPair {
  key: string
  cert: string
}

export interface TlsRuntime {
  readonly mode: 'local-ca' | 'files'
  current(): ServedPair
  /** The built-in CA's certificate (PEM); null with the center's own certificate. */
  caPem(): string | null
  /** Where the server listens, for the URLs in info() (set once it does). */
  setListening(where: Listening): void
  info(): TlsInfo
  /** Checks every minute for new addresses (and hourly for expiry or renewed files); calls onChange with what to serve. */
  watch(onChange: (pair: ServedPair, why: string) => void): () => void
}

export interface Listening {
  host: string
  http: number
  https: number
}

/** The hosts a station can use for a server bound to `host`: 0.0.0.0 takes IPv4 only, :: both, an address itself. */
export function urlHosts(host: string, names: LanNames): string[] {
  if (host !== '0.0.0.0' && host !== '::') return [host.includes(':') ? `[${host}]` : host]
  const ips = reachableAddresses(names).filter((ip) => host === '::' || !ip.includes(':'))
  return [...ips.map((ip) => (ip.includes(':') ? `[${ip}]` : ip)), ...names.dns.filter((d) => d.endsWith('.local'))]
}

export class TlsSetupError extends Error {
  override name = 'TlsSetupError'
}

export interface TlsDeps {
  names?: () => LanNames
  hostname?: () => string
  now?: () => number
  log?: (line: string) => void
}

function describe(pem: string) {
  const c = new X509Certificate(pem)
  return {
    subject: c.subject.replace(/\n/g, ', '),
    issuer: c.issuer.replace(/\n/g, ', '),
    validTo: new Date(c.validTo).toISOString(),
    sha256: c.fingerprint256,
    sha1: c.fingerprint,
  }
}

function readOwnPair(certFile: string, keyFile: string): ServedPair {
  let pair: ServedPair
  try {
    pair = { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') }
  } catch (e) {
    throw new TlsSetupError(`TLS_CERT/TLS_KEY: cannot read (${e instanceof Error ? e.message : String(e)})`)
  }
  let matches: boolean
  try {
    matches = new X509Certificate(pair.cert).checkPrivateKey(createPrivateKey(pair.key))
  } catch (e) {
    throw new TlsSetupError(`TLS_CERT/TLS_KEY: not a PEM certificate and key (${e instanceof Error ? e.message : String(e)})`)
  }
  if (!matches) throw new TlsSetupError(`TLS_KEY (${keyFile}) is not the key of TLS_CERT (${certFile})`)
  return pair
}

/** The TLS the server runs with, or null for TLS=off. Throws TlsSetupError on an unusable TLS_CERT/TLS_KEY. */
export function startTls(tls: TlsConfig, deps: TlsDeps = {}): TlsRuntime | null {
  if (tls.mode === 'off') return null
  const names = deps.names ?? (() => lanNames())
  const hostname = deps.hostname ?? osHostname
  const now = deps.now ?? Date.now
  const log = deps.log ?? (() => {})
  let listening: Listening = { host: '0.0.0.0', http: 0, https: 0 }
  let served: ServedPair
  let ca: string | null = null
  let refresh: () => string | null

  if (tls.mode === 'files') {
    const mtimes = () => `${statSync(tls.certFile).mtimeMs} ${statSync(tls.keyFile).mtimeMs}`
    served = readOwnPair(tls.certFile, tls.keyFile)
    let seen = mtimes()
    // A renewed certificate (certbot, the center's IT) is picked up without a restart.
    refresh = () => {
      const m = mtimes()
      if (m === seen) return null
      served = readOwnPair(tls.certFile, tls.keyFile)
      seen = m
      return 'TLS_CERT/TLS_KEY changed on disk'
    }
  } else {
    const load = () => {
      let r: ReturnType<typeof ensureLocalTls>
      try {
        r = ensureLocalTls(tls.dir, names(), hostname(), now())
      } catch (e) {
        throw new TlsSetupError(`TLS_DIR (${tls.dir}): cannot keep the certificates there (${e instanceof Error ? e.message : String(e)})`)
      }
      for (const m of r.made) log(`TLS (${tls.dir}): ${m}`)
      ca = r.ca.cert
      // The CA goes with the chain: a device or test that trusts this CA's key finds it in the handshake.
      served = { key: r.server.key, cert: r.server.cert + r.ca.cert }
      return r.made.length ? r.made.join('; ') : null
    }
    load()
    refresh = load
  }

  return {
    mode: tls.mode,
    current: () => served,
    caPem: () => ca,
    setListening(where) {
      listening = where
    },
    info() {
      const hosts = urlHosts(listening.host, names())
      const own = describe(served.cert)
      return {
        mode: tls.mode,
        ca: ca ? (({ subject, validTo, sha256, sha1 }) => ({ subject, validTo, sha256, sha1 }))(describe(ca)) : null,
        certificate: { ...own, names: coveredNames(new X509Certificate(served.cert)) },
        httpsUrls: hosts.map((h) => `https://${h}:${listening.https}/`),
        // By address: a phone that has not met this server may not resolve `.local` names.
        caDownloads: ca ? hosts.filter((h) => !h.endsWith('.local')).map((h) => `http://${h}:${listening.http}${CA_CRT_PATH}`) : [],
      }
    },
    watch(onChange) {
      let lastNames = nameKeys(names()).join(' ')
      let lastFull = now()
      const timer = setInterval(() => {
        try {
          const keys = nameKeys(names()).join(' ')
          if (keys === lastNames && now() - lastFull < 3600_000) return
          lastNames = keys
          lastFull = now()
          const why = refresh()
          if (why) onChange(served, why)
        } catch (e) {
          log(`TLS: could not renew the certificate, keeping the current one (${e instanceof Error ? e.message : String(e)})`)
        }
      }, 60_000)
      timer.unref()
      return () => clearInterval(timer)
    },
  }
}
