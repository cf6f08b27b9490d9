import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'

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

/**
 * Where the log stops: writes and deletes 4 KB records in a scratch database of the page's
 * origin (Chromium keeps one LevelDB per origin, so it shares the outbox's log) until the log
 * on disk shrinks, i.e. LevelDB rolled it into a table. Returns the largest log seen, the folder
 * after, and the MB written; the scratch database is deleted at the end.
 */
export interface LogRollover {
  peakLogKB: number
  after: IdbDisk
  writtenMB: number
  rolledOver: boolean
  /** the log's KB after each MB written */
  trace: number[]
}

export async function logRollover(page: Page, profile: string, maxMB = 32): Promise<LogRollover> {
  let peak = idbDiskKB(profile).log
  const trace: number[] = []
  for (let mb = 1; mb <= maxMB; mb++) {
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('soak-log-probe', 1)
        r.onupgradeneeded = () => r.result.createObjectStore('x')
        r.onsuccess = () => ok(r.result)
        r.onerror = () => fail(r.error)
      })
      // small records, as the outbox writes (Chromium moves large values out to blob files)
      const value = 'x'.repeat(4 * 1024)
      for (let i = 0; i < 256; i++)
        await new Promise<void>((ok, fail) => {
          const t = db.transaction('x', 'readwrite')
          t.objectStore('x').put(value, i)
          t.objectStore('x').delete(i)
          t.oncomplete = () => ok()
          t.onerror = () => fail(t.error)
        })
      db.close()
    })
    const now = idbDiskKB(profile)
    trace.push(now.log)
    if (now.log < peak / 2) {
      await page.evaluate(() => indexedDB.deleteDatabase('soak-log-probe'))
      return { peakLogKB: peak, after: now, writtenMB: mb, rolledOver: true, trace }
    }
    peak = Math.max(peak, now.log)
  }
  await page.evaluate(() => indexedDB.deleteDatabase('soak-log-probe'))
  return { peakLogKB: peak, after: idbDiskKB(profile), writtenMB: maxMB, rolledOver: false, trace }
}
