import type { AppConfig } from '../config.ts'
import { isLoopback } from './http-front.ts'
import type { TlsRuntime } from './tls-runtime.ts'

/** What `npm start` prints: where to open the app, on this machine and from the LAN, and where to get the CA. */
export function startMessage(config: AppConfig, tls: TlsRuntime | null, httpPort: number, httpsPort: number | null): string {
  const wildcard = config.host === '0.0.0.0' || config.host === '::'
  const bracket = (h: string) => (h.includes(':') ? `[${h}]` : h)
  const plain = `http://${wildcard ? 'localhost' : bracket(config.host)}:${httpPort}`
  if (!tls || httpsPort === null) return `Sophora is running at ${plain} (plain HTTP: TLS=off)`
  const info = tls.info()
  // PORT serves the app to loopback only: bound to a LAN address, this machine too goes through HTTPS.
  const local = wildcard || config.host === 'localhost' || isLoopback(config.host) ? plain : (info.httpsUrls[0] ?? plain).replace(/\/$/, '')
  const lines = [`Sophora is running at ${local} (this machine)`]
  for (const u of info.httpsUrls) lines.push(`  ${wildcard ? 'on the LAN' : 'HTTPS'}: ${u}`)
  if (info.ca) {
    lines.push(`  stations trust this server once: ${local}/admin/certificate (CA SHA-256 ${info.ca.sha256})`)
  } else if (info.certificate) {
    lines.push(`  certificate: TLS_CERT (${info.certificate.subject}, until ${info.certificate.validTo.slice(0, 10)})`)
  }
  return lines.join('\n')
}
