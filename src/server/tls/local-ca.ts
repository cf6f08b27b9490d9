import { randomBytes } from 'node:crypto'
import type { X509Certificate } from 'node:crypto'
import forge from 'node-forge'
import { canonicalIp, nameKeys } from './lan-names.ts'
import type { LanNames } from './lan-names.ts'

/** A certificate and its private key, both PEM. */
export interface KeyPairPem {
  cert: string
  key: string
}

const DAY_MS = 86_400_000
/** Ten years: devices that trusted the CA keep trusting it for the life of the machine. */
export const CA_DAYS = 3650
/** Apple refuses TLS server certificates valid for more than 825 days and public CAs stop at 398; stay under both. */
export const SERVER_DAYS = 397
/** A station's clock that is a little behind must not see a certificate "not yet valid". */
const BACKDATE_MS = DAY_MS

// RSA 2048: every browser and OS accepts it, node-forge makes the key with Node's own
// generator (native, ~0.1–0.3 s here) and signs in JavaScript (only at issue time).
const KEY_BITS = 2048

function serial(): string {
  const b = randomBytes(16)
  b[0] = b[0]! & 0x7f // a positive INTEGER in DER
  return b.toString('hex')
}

function validity(cert: forge.pki.Certificate, now: number, days: number): void {
  cert.validity.notBefore = new Date(now - BACKDATE_MS)
  cert.validity.notAfter = new Date(now - BACKDATE_MS + days * DAY_MS)
}

/** A host name safe inside a certificate's common name (ASCII). */
function label(hostname: string): string {
  return hostname.replace(/[^A-Za-z0-9.-]/g, '').slice(0, 40) || 'server'
}

/** A new certificate authority for this machine (self-signed, may sign server certificates only: path length 0). */
export function createCa(hostname: string, now: number = Date.now()): KeyPairPem {
  const keys = forge.pki.rsa.generateKeyPair({ bits: KEY_BITS })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serial()
  validity(cert, now, CA_DAYS)
  // The date tells two CAs of one machine apart in a device's list of trusted certificates.
  const subject = [
    { name: 'commonName', value: `Sophora local CA ${label(hostname)} ${new Date(now).toISOString().slice(0, 10)}` },
    { name: 'organizationName', value: 'Sophora science center (local)' },
  ]
  cert.setSubject(subject)
  cert.setIssuer(subject)
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ])
  cert.sign(keys.privateKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) }
}

/** A server certificate for `names`, signed by `ca`. */
export function issueServerCert(ca: KeyPairPem, names: LanNames, now: number = Date.now()): KeyPairPem {
  const caCert = forge.pki.certificateFromPem(ca.cert)
  const caKey = forge.pki.privateKeyFromPem(ca.key)
  const keys = forge.pki.rsa.generateKeyPair({ bits: KEY_BITS })
  const cert = forge.pki.createCertificate()
  cert.publicKey = keys.publicKey
  cert.serialNumber = serial()
  validity(cert, now, SERVER_DAYS)
  cert.setSubject([{ name: 'commonName', value: names.dns.find((d) => d !== 'localhost') ?? 'localhost' }])
  cert.setIssuer(caCert.subject.attributes)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // Browsers read only the subject alternative names (type 2: DNS name, 7: IP address).
    { name: 'subjectAltName', altNames: [...names.dns.map((value) => ({ type: 2, value })), ...names.ips.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
  ])
  cert.sign(caKey, forge.md.sha256.create())
  return { cert: forge.pki.certificateToPem(cert), key: forge.pki.privateKeyToPem(keys.privateKey) }
}

/** The `dns:` / `ip:` names a certificate covers (its subject alternative names), as nameKeys writes them. */
export function coveredNames(cert: X509Certificate): string[] {
  return (cert.subjectAltName ?? '')
    .split(', ')
    .flatMap((entry) => {
      if (entry.startsWith('DNS:')) return [`dns:${entry.slice(4).toLowerCase()}`]
      if (entry.startsWith('IP Address:')) return [`ip:${canonicalIp(entry.slice(11))}`]
      return []
    })
    .sort()
}

/** True when `cert` covers exactly `names` (a removed address is reissued away too). */
export function coversExactly(cert: X509Certificate, names: LanNames): boolean {
  return coveredNames(cert).join(' ') === nameKeys(names).join(' ')
}
