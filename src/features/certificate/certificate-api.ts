import { TlsInfoSchema } from '../../core/tls-info.ts'
import type { TlsInfo } from '../../core/tls-info.ts'

export { CA_CRT_PATH, CA_PEM_PATH } from '../../core/tls-info.ts'
export type { TlsInfo }

/** `GET /api/tls`, checked on the way in; null when the server cannot be reached or answers something else. */
export async function fetchTlsInfo(doFetch: typeof fetch = (i, init) => globalThis.fetch(i, init)): Promise<TlsInfo | null> {
  try {
    const res = await doFetch('/api/tls', { cache: 'no-store' })
    if (!res.ok) return null
    const parsed = TlsInfoSchema.safeParse(await res.json())
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
