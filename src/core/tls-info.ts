import { z } from 'zod'

/**
 * `GET /api/tls`: how this server speaks HTTPS, shared by the stats server (response schema)
 * and the certificate page (answer checked on the way in). Nothing in it is secret: the CA
 * certificate is meant to be handed out; its key never leaves the server.
 */
const Fingerprints = {
  /** Colon-separated hex, as iOS and Android show it. */
  sha256: z.string(),
  /** Windows shows this one ("Thumbprint"). */
  sha1: z.string(),
}

export const TlsInfoSchema = z.object({
  /** local-ca: the built-in CA (devices trust it once); files: the center's own certificate; off: plain HTTP (a reverse proxy does TLS). */
  mode: z.enum(['local-ca', 'files', 'off']),
  ca: z.object({ subject: z.string(), validTo: z.string(), ...Fingerprints }).nullable(),
  certificate: z.object({ subject: z.string(), issuer: z.string(), validTo: z.string(), names: z.array(z.string()), ...Fingerprints }).nullable(),
  /** The app's address on each of the machine's LAN addresses. */
  httpsUrls: z.array(z.string()),
  /** Where a device downloads the CA before it trusts it: plain HTTP, so the first visit shows no warning. */
  caDownloads: z.array(z.string()),
})
export type TlsInfo = z.infer<typeof TlsInfoSchema>

/** The CA download's path (DER, for every platform's certificate installer) and its PEM twin. */
export const CA_CRT_PATH = '/api/tls/ca.crt'
export const CA_PEM_PATH = '/api/tls/ca.pem'
