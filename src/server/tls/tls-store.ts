import { X509Certificate, createPrivateKey } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { coversExactly, createCa, issueServerCert } from './local-ca.ts'
import type { KeyPairPem } from './local-ca.ts'
import type { LanNames } from './lan-names.ts'

/** The files of the built-in TLS in its folder (data/tls by default). Keys are 0600, the folder 0700. */
export const TLS_FILES = {
  caCert: 'ca.crt',
  caKey: 'ca-key.pem',
  serverCert: 'server.crt',
  serverKey: 'server-key.pem',
} as const

const DAY_MS = 86_400_000
/** A server certificate this close to its end is replaced (the check runs at start and hourly). */
export const RENEW_BEFORE_DAYS = 30

export interface LocalTls {
  ca: KeyPairPem
  server: KeyPairPem
  /** What changed on this call, for the log: nothing, or why a certificate was made. */
  made: string[]
}

function writePrivate(path: string, data: string, mode: number): void {
  // A fresh file then a rename: the mode is set at creation and a crash leaves the old file whole.
  const tmp = `${path}.${process.pid}.tmp`
  writeFileSync(tmp, data, { mode })
  chmodSync(tmp, mode)
  renameSync(tmp, path)
}

function readPair(dir: string, certFile: string, keyFile: string): KeyPairPem | null {
  const c = join(dir, certFile)
  const k = join(dir, keyFile)
  if (!existsSync(c) || !existsSync(k)) return null
  chmodSync(k, 0o600) // tighten a key that was copied in with wider rights
  return { cert: readFileSync(c, 'utf8'), key: readFileSync(k, 'utf8') }
}

/** True when the pair's key belongs to its certificate and it is valid for more than `days` from `now`. */
function usable(pair: KeyPairPem, now: number, days: number): boolean {
  try {
    const cert = new X509Certificate(pair.cert)
    return cert.checkPrivateKey(createPrivateKey(pair.key)) && Date.parse(cert.validTo) - now > days * DAY_MS
  } catch {
    return false
  }
}

/**
 * The built-in TLS in `dir`: the CA is made once and kept (devices that trusted it keep
 * trusting it); the server certificate is (re)issued when missing, not signed by this CA,
 * not covering exactly `names`, or within RENEW_BEFORE_DAYS of its end.
 */
export function ensureLocalTls(dir: string, names: LanNames, hostname: string, now: number = Date.now()): LocalTls {
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  const made: string[] = []
  let ca = readPair(dir, TLS_FILES.caCert, TLS_FILES.caKey)
  if (!ca || !usable(ca, now, RENEW_BEFORE_DAYS)) {
    made.push(ca ? 'the certificate authority was unusable or near its end: a new one (devices must trust it again)' : 'a new certificate authority')
    ca = createCa(hostname, now)
    writePrivate(join(dir, TLS_FILES.caKey), ca.key, 0o600)
    writePrivate(join(dir, TLS_FILES.caCert), ca.cert, 0o644)
  }
  const caCert = new X509Certificate(ca.cert)
  let server = readPair(dir, TLS_FILES.serverCert, TLS_FILES.serverKey)
  const why = !server
    ? 'none yet'
    : !usable(server, now, RENEW_BEFORE_DAYS)
      ? 'the old one is near its end'
      : !new X509Certificate(server.cert).verify(caCert.publicKey)
        ? 'the old one is not signed by this certificate authority'
        : !coversExactly(new X509Certificate(server.cert), names)
          ? "the machine's names or addresses changed"
          : null
  if (!server || why) {
    made.push(`a new server certificate (${why ?? 'none yet'})`)
    server = issueServerCert(ca, names, now)
    writePrivate(join(dir, TLS_FILES.serverKey), server.key, 0o600)
    writePrivate(join(dir, TLS_FILES.serverCert), server.cert, 0o644)
  }
  return { ca, server, made }
}
