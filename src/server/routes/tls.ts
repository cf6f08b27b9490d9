import { X509Certificate } from 'node:crypto'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { CA_CRT_PATH, CA_PEM_PATH, TlsInfoSchema } from '../../core/tls-info.ts'
import { HttpError } from '../http-error.ts'
import { errorResponses } from '../schemas/common.ts'
import type { TlsRuntime } from '../tls/tls-runtime.ts'

const CA_FILE = 'sophora-local-ca'

/**
 * The certificate page's data and the CA download. No sign-in: a device needs the CA
 * before it can reach the sign-in page without a warning, and a CA certificate is public
 * by design (its key stays in TLS_DIR).
 */
export const tlsRoutes: FastifyPluginAsyncZod<{ tls: TlsRuntime | null }> = async (app, { tls }) => {
  app.get('/api/tls', { schema: { response: { 200: TlsInfoSchema, ...errorResponses } } }, async (_req, reply) => {
    reply.header('cache-control', 'no-store')
    return tls ? tls.info() : { mode: 'off' as const, ca: null, certificate: null, httpsUrls: [], caDownloads: [] }
  })

  const caPem = () => {
    const pem = tls?.caPem()
    if (!pem) throw new HttpError(404, 'not-found', ['this server has no built-in certificate authority (TLS=off or TLS_CERT is set)'])
    return pem
  }
  // DER in a .crt with the type certificate installers look for (Windows, Android, iOS, ChromeOS).
  app.get(CA_CRT_PATH, async (_req, reply) =>
    reply
      .type('application/x-x509-ca-cert')
      .header('content-disposition', `attachment; filename="${CA_FILE}.crt"`)
      .header('cache-control', 'no-cache')
      .send(new X509Certificate(caPem()).raw),
  )
  // PEM for Linux, Firefox and command-line tools.
  app.get(CA_PEM_PATH, async (_req, reply) =>
    reply
      .type('application/x-pem-file')
      .header('content-disposition', `attachment; filename="${CA_FILE}.pem"`)
      .header('cache-control', 'no-cache')
      .send(caPem()),
  )
}
