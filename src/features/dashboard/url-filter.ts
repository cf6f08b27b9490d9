import { DashboardFilterFields, type DashboardFilter } from '../../core/dashboard.ts'

const KEYS = ['from', 'to', 'school', 'grade', 'session', 'exhibit', 'kind', 'bucket'] as const

/**
 * The dashboard's filters live in the URL (`?from=…&school=…`), so a refresh or a shared
 * link shows the same figures. Each value is checked on its own: a bad one is dropped
 * rather than spoiling the rest; a range the wrong way round loses its `from`.
 */
export function readFilter(search: string): DashboardFilter {
  const q = new URLSearchParams(search)
  const out: Record<string, string> = {}
  for (const k of KEYS) {
    const v = q.get(k)
    if (v === null || v === '') continue
    const r = DashboardFilterFields.shape[k].safeParse(v)
    if (r.success && r.data !== undefined) out[k] = r.data
  }
  const f = out as DashboardFilter
  if (f.from && f.to && f.from > f.to) delete f.from
  return f
}

/** The filter as a query string in a fixed key order, without empty values (no leading `?`). */
export function writeFilter(f: DashboardFilter): string {
  const q = new URLSearchParams()
  for (const k of KEYS) {
    const v = f[k]
    if (v) q.set(k, v)
  }
  return q.toString()
}
