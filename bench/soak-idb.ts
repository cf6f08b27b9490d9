import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A Chromium profile's IndexedDB folder on disk, KB by LevelDB file kind. LevelDB appends every
 * put and delete to its write-ahead `.log` and only rewrites it into `.ldb` tables when the log
 * passes its write buffer or the database is opened again; `navigator.storage.estimate()`
 * counts those files, so a store that keeps no records still "grows" until then.
 */
export interface IdbDisk {
  log: number
  ldb: number
  other: number
  total: number
}

const kb = (n: number) => Math.round(n / 102.4) / 10

export function idbDiskKB(profile: string): IdbDisk {
  const out = { log: 0, ldb: 0, other: 0, total: 0 }
  const walk = (dir: string) => {
    if (!existsSync(dir)) return
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name)
      if (e.isDirectory()) walk(p)
      else if (e.isFile()) {
        const size = statSync(p).size
        const kind = e.name.endsWith('.log') && e.name !== 'LOG' ? 'log' : e.name.endsWith('.ldb') ? 'ldb' : 'other'
        out[kind] += size
        out.total += size
      }
    }
  }
  walk(join(profile, 'Default', 'IndexedDB'))
  return { log: kb(out.log), ldb: kb(out.ldb), other: kb(out.other), total: kb(out.total) }
}
