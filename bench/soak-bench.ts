import Database from 'better-sqlite3'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import type { CDPSession, Page } from 'playwright-core'
import { launchChromiumContext } from '../tests/e2e/chromium.ts'
import { createGuide, issuePassports, startServer, type Counts } from '../tests/e2e/harness.ts'
import { HeapSnapshot } from './heap-snapshot.ts'
import { idbDiskKB, logRollover, type IdbDisk, type LogRollover } from './soak-idb.ts'

/** One reading of the station's footprint. */
export interface SoakPoint {
  /** cold: the lobby just loaded, no exhibit opened yet; warm: after one visit to each exhibit */
  reading: 'cold' | 'warm' | 'soak'
  visits: number
  heapMB: number
  /** V8's compiled code in a heap snapshot taken right after (node type `code`: bytecode, machine code, function infos) */
  codeMB: number
  /** the snapshot's self sizes without compiled code: the app's objects */
  heapWithoutCodeMB: number
  /** the snapshot's self sizes by V8 node type (object, closure, array, hidden, string…), MB */
  heapByTypeMB: Record<string, number>
  /** DevTools' network log in the snapshot (the bench's CDP session keeps every request; HeapSnapshot.parts) */
  devtoolsMB: number
  /** the snapshot without compiled code (and its dependency lists) and without DevTools' log: what the verdict counts */
  stationHeapMB: number
  geometries: number
  textures: number
  /** DOM nodes alive in the renderer, detached ones included (DevTools' DOM counters) */
  domNodes: number
  jsEventListeners: number
  indexedDbKB: number
  /** records in each IndexedDB store, `database/store` */
  indexedDbRecords: Record<string, number>
  /** what those records hold: their keys and values as JSON, bytes */
  indexedDbRecordBytes: number
  /** the profile's IndexedDB folder on disk, by LevelDB file kind */
  indexedDbDisk: IdbDisk
  /** events this page recorded so far, and those the server stored */
  eventsRecorded: number
  eventsStored: number
  outboxPending: number
}

/** Median ms of each part of a visit. */
export interface SoakPhases {
  checkIn: number
  ready: number
  firstStep: number
  walkAwayToReset: number
}

export interface SoakBench {
  visits: number
  /** V8 flags of this run (INTERPRETER_ONLY: the control run), none for a station as shipped */
  jsFlags?: string
  exhibits: string[]
  idleSeconds: number
  minutes: number
  secondsPerVisit: number
  points: SoakPoint[]
  phases: SoakPhases
  /** load average (1/5/15 min) at the start and at the end */
  loadavg: { start: number[]; end: number[] }
  /** the same profile after the station closed, and opened again in a fresh browser (LevelDB replays and compacts its log) */
  indexedDbAfterReopen: { beforeClose: IdbDisk; closed: IdbDisk; reopenedKB: number; reopened: IdbDisk; rollover?: LogRollover }
  /** against the warm reading (the cold one is before any exhibit's code was loaded) */
  verdict: {
    flat: boolean
    heapChangePct: number
    /** the same without V8's compiled code (JIT warm-up is not a leak) */
    heapWithoutCodeChangePct: number
    flatWithoutCode: boolean
    /** the snapshot without compiled code and without DevTools' network log (stationHeapMB): what `flat` judges */
    stationHeapChangePct: number
    geometriesDelta: number
    texturesDelta: number
    domNodesDelta: number
  }
}

const GUIDE = { name: 'guide-soak', password: 'soak-bench-password-1' }
/**
 * V8 with its compilers off (Sparkplug, Maglev, TurboFan): only the interpreter's bytecode. The
 * soak's control run: V8 compiles more functions to machine code as the day goes on, and that
 * code counts in the JS heap; with the compilers off, what still grows is the page's own.
 */
export const INTERPRETER_ONLY = '--no-sparkplug --no-maglev --no-turbofan'
/** The shortest idle reset the station settings allow (kiosk-settings.ts: at least 3 s each). */
const IDLE_S = 3
const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d

/**
 * Self sizes by V8 node type, and the verdict's parts (HeapSnapshot.parts), in a heap snapshot of
 * the page (taken after GC; the file is removed). `keepIds`: leave the profiler on, so object ids
 * stay comparable with a later snapshot (bench/soak-heap.ts); disabling it drops its id map.
 */
async function snapshotParts(cdp: CDPSession, keepIds = false): Promise<{ byType: Record<string, number>; parts: ReturnType<HeapSnapshot['parts']> }> {
  const chunks: string[] = []
  const onChunk = (c: { chunk: string }) => chunks.push(c.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  // the profiler keeps its object-id map for the page's life (native memory, not the JS heap)
  if (!keepIds) await cdp.send('HeapProfiler.disable')
  const dir = mkdtempSync('/tmp/sophora-soak-snap-')
  const file = join(dir, 'heap.heapsnapshot')
  writeFileSync(file, chunks.join(''))
  try {
    const snap = new HeapSnapshot(file)
    return { byType: snap.selfSizeByType(), parts: snap.parts() }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** One station on one page, driven as walk-in students use it (see runSoakBench). */
export interface SoakStation {
  ids: string[]
  page: Page
  cdp: CDPSession
  /** Chromium's profile folder */
  profile: string
  /** visit number n (0-based): exhibit ids[n % ids.length] */
  visit(n: number): Promise<void>
  /** the footprint after two forced GCs, at the lobby */
  read(done: number, reading?: SoakPoint['reading']): Promise<SoakPoint>
  /** close Chromium, open the same profile in a fresh one at the lobby: IndexedDB on disk at each stage */
  reopen(): Promise<SoakBench['indexedDbAfterReopen']>
  /** median ms of each part of a visit so far */
  phaseMedians(): SoakPhases
  close(): Promise<void>
}

/**
 * The station of a soak: its own stats server, a guide, 20 passports, one Chromium page at the
 * lobby with the idle reset at its shortest. `only` limits the round robin to those exhibits
 * (bench/soak-heap.ts bisects a leak by exhibit); `keepHeapIds` keeps heap-snapshot ids comparable
 * across readings (soak-heap.ts compares objects by id).
 */
export async function openSoakStation(opts: { only?: string[]; keepHeapIds?: boolean; jsFlags?: string } = {}): Promise<SoakStation> {
  const ids = readdirSync('exhibits')
    .filter((d) => existsSync(`exhibits/${d}/manifest.json`) && (!opts.only || opts.only.includes(d)))
    .sort()
  if (ids.length === 0) throw new Error(`no exhibit folder among ${opts.only?.join(', ')}`)

  const server = await startServer()
  createGuide(server, GUIDE)
  const codes = await issuePassports(server, GUIDE, 20)
  const profile = mkdtempSync('/tmp/sophora-soak-')
  const ctx = await launchChromiumContext(profile, {
    // jsFlags (INTERPRETER_ONLY for the control run) and SOPHORA_SOAK_JS_FLAGS: more V8 flags,
    // for diagnosis only (e.g. earlier tier-up, or a code log)
    args: [
      '--enable-precise-memory-info',
      `--js-flags=--expose-gc ${opts.jsFlags ?? ''} ${process.env.SOPHORA_SOAK_JS_FLAGS ?? ''}`.replace(/ +/g, ' ').trim(),
    ],
  })
  const page = ctx.pages()[0] ?? (await ctx.newPage())
  const cdp = await ctx.newCDPSession(page)
  // the station's settings as a guide saves them at /station/setup: idle reset on, the shortest times
  await page.addInitScript((s) => {
    if (!localStorage.getItem('sophora.kiosk'))
      localStorage.setItem('sophora.kiosk', JSON.stringify({ state: { kiosk: false, idleReset: true, idleSeconds: s, warnSeconds: s, pin: null }, version: 1 }))
  }, IDLE_S)
  // A student at the station answers "还在吗？" (a slow check-in on a busy machine can outlast 3 s);
  // once they walked away (window.__soakAway) nobody does, and the reset runs.
  await page.addInitScript(() => {
    setInterval(() => {
      if ((window as unknown as { __soakAway?: boolean }).__soakAway) return
      document.querySelector<HTMLElement>('[data-testid="idle-countdown"]')?.click()
    }, 250)
  })
  const away = (v: boolean) => page.evaluate((x) => ((window as unknown as { __soakAway?: boolean }).__soakAway = x), v)
  const go = (path: string) => page.evaluate((p) => history.pushState(null, '', p), path)
  const stored = () => {
    const db = new Database(server.dbPath, { readonly: true })
    try {
      return (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n
    } finally {
      db.close()
    }
  }

  const read = async (done: number, reading: SoakPoint['reading'] = 'soak'): Promise<SoakPoint> => {
    type Bridge = { counts(): Counts | null; events: unknown[]; outbox: { countPending(): Promise<number> } }
    const inPage = await page.evaluate(async () => {
      const b = (window as unknown as { __sophora: Bridge }).__sophora
      const recorded = b.events.length
      // The bridge's event list is the bench's own instrument (e2e builds only): not the station's memory.
      b.events.length = 0
      const records: Record<string, number> = {}
      let bytes = 0
      for (const { name } of await indexedDB.databases()) {
        if (!name) continue
        const db = await new Promise<IDBDatabase>((ok, fail) => {
          const r = indexedDB.open(name)
          r.onsuccess = () => ok(r.result)
          r.onerror = () => fail(r.error)
        })
        for (const store of db.objectStoreNames) {
          records[`${name}/${store}`] = await new Promise<number>((ok, fail) => {
            const r = db.transaction(store).objectStore(store).count()
            r.onsuccess = () => ok(r.result)
            r.onerror = () => fail(r.error)
          })
          bytes += await new Promise<number>((ok, fail) => {
            let n = 0
            const r = db.transaction(store).objectStore(store).openCursor()
            r.onsuccess = () => {
              const c = r.result
              if (!c) return ok(n)
              n += new TextEncoder().encode(JSON.stringify([c.primaryKey, c.value])).length
              c.continue()
            }
            r.onerror = () => fail(r.error)
          })
        }
        db.close()
      }
      const est = (await navigator.storage.estimate()) as StorageEstimate & { usageDetails?: { indexedDB?: number } }
      const gc = (window as unknown as { gc?: () => void }).gc
      gc?.()
      gc?.()
      return {
        recorded,
        records,
        bytes,
        counts: b.counts(),
        pending: await b.outbox.countPending(),
        idb: est.usageDetails?.indexedDB ?? 0,
        heap: (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20,
      }
    })
    const dom = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number }
    const { byType: parts, parts: verdictParts } = await snapshotParts(cdp, opts.keepHeapIds)
    const mb = (n: number) => round(n / 2 ** 20, 2)
    return {
      reading,
      visits: done,
      heapMB: round(inPage.heap),
      codeMB: mb(parts.code ?? 0),
      heapWithoutCodeMB: mb(Object.entries(parts).reduce((a, [k, v]) => (k === 'code' ? a : a + v), 0)),
      heapByTypeMB: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, mb(v)])),
      devtoolsMB: mb(verdictParts.devtools),
      stationHeapMB: mb(verdictParts.station),
      geometries: inPage.counts?.geometries ?? 0,
      textures: inPage.counts?.textures ?? 0,
      domNodes: dom.nodes,
      jsEventListeners: dom.jsEventListeners,
      indexedDbKB: round(inPage.idb / 1024),
      indexedDbRecords: inPage.records,
      indexedDbRecordBytes: inPage.bytes,
      indexedDbDisk: idbDiskKB(profile),
      eventsRecorded: inPage.recorded,
      eventsStored: stored(),
      outboxPending: inPage.pending,
    }
  }

  /** per visit, ms: check-in, open → ready, play the first step, walk away → attract loop */
  const phases: number[][] = []
  const visit = async (n: number) => {
    const id = ids[n % ids.length]!
    const code = codes[n % codes.length]!
    // the attract loop of the last reset: the next student touches it
    const attract = page.locator('[data-testid="attract"]')
    const t = [Date.now()]
    await away(false)
    if (await attract.count()) await attract.click()
    await go('/check-in')
    await page.fill('[data-testid="code-input"]', code)
    await page.click('[data-testid="code-submit"]')
    // locators, not waitForSelector: DevTools keeps every returned ElementHandle's DOM tree alive
    await page.locator(`[data-testid="checked-in"][data-code="${code}"][data-confirmed="true"]`).waitFor()
    t.push(Date.now())
    await go(`/exhibit/${id}`)
    await page.locator('[data-testid="exhibit-view"][data-status="ready"]').waitFor({ timeout: 90_000 })
    t.push(Date.now())
    await page.click('[data-testid="run-start"]')
    // the first choice on the panel, right or wrong (the bench reads no exhibit's answers)
    await page.locator('[data-testid="run-panel"] [data-testid^="choice-"]').first().click()
    // past the explanation (the reset never fires while one is on screen)
    await page.click('[data-testid="run-next"]')
    await away(true)
    t.push(Date.now())
    // walks away: the idle reset ends the visit (after the step's narration and the countdown)
    await attract.waitFor({ timeout: 120_000 })
    t.push(Date.now())
    phases.push(t.slice(1).map((x, i) => x - t[i]!))
  }

  await page.goto(server.url)
  await page.locator('[data-testid="lobby"]').waitFor()
  let closed = false
  return {
    ids,
    page,
    cdp,
    profile,
    visit,
    read,
    async reopen() {
      const beforeClose = idbDiskKB(profile)
      await ctx.close()
      closed = true
      const closedDisk = idbDiskKB(profile)
      const again = await launchChromiumContext(profile)
      try {
        const p = again.pages()[0] ?? (await again.newPage())
        await p.goto(server.url)
        await p.locator('[data-testid="lobby"]').waitFor()
        const est = (await p.evaluate(() => navigator.storage.estimate())) as StorageEstimate & { usageDetails?: { indexedDB?: number } }
        const reopened = idbDiskKB(profile)
        // reopening reuses the log (it is not compacted then): show where LevelDB rolls it over instead
        const rollover = await logRollover(p, profile)
        return { beforeClose, closed: closedDisk, reopenedKB: round((est.usageDetails?.indexedDB ?? 0) / 1024), reopened, rollover }
      } finally {
        await again.close()
      }
    },
    phaseMedians() {
      const mid = (i: number) => {
        const xs = phases.map((p) => p[i]!).sort((a, b) => a - b)
        return xs[Math.floor(xs.length / 2)] ?? 0
      }
      return { checkIn: mid(0), ready: mid(1), firstStep: mid(2), walkAwayToReset: mid(3) }
    },
    async close() {
      if (!closed) await ctx.close()
      await server.stop()
    },
  }
}

/**
 * A whole day at one station on ONE page: `visits` exhibit visits in a row, all exhibits round
 * robin. Each visit is what a walk-in student does at the least: check in with a passport, open
 * the exhibit, start it, answer its first step (the first choice), go on, then walk away; the station's own idle reset
 * (3 s, countdown 3 s) exits the visit, checks the passport out and shows the attract loop, which
 * the next student touches. Footprint readings at 0 and every `every` visits; the verdict
 * "flat" = the station's heap after two GCs within ±10 % of the warm reading and renderer
 * geometries, textures and DOM nodes back to it. The station's heap is the heap snapshot less
 * V8's compiled code (the JIT keeps optimising as the day goes on) and less DevTools' network log
 * (the bench's CDP session records every request; no station runs with DevTools attached): see
 * HeapSnapshot.parts. The JS heap with both (usedJSHeapSize) stays in each reading and in the verdict.
 */
export async function runSoakBench(
  opts: { visits?: number; every?: number; jsFlags?: string; log?: (s: string) => void; onPoint?: (points: SoakPoint[]) => void } = {},
): Promise<SoakBench> {
  const visits = opts.visits ?? 200
  const every = opts.every ?? 50
  const log = opts.log ?? ((s: string) => console.log(s))
  const loadStart = loadavg().map((x) => round(x))
  const station = await openSoakStation({ jsFlags: opts.jsFlags })
  const { ids, page, visit, read } = station
  const points: SoakPoint[] = []
  const t0 = Date.now()
  let reopened: SoakBench['indexedDbAfterReopen'] | undefined
  try {
    // The lobby as loaded, before any exhibit's code was fetched or compiled: shown, not the baseline
    points.push(await read(0, 'cold'))
    log(`soak: cold ${JSON.stringify(points[0])}`)
    // One round first: each exhibit's chunk, the 3D stage's shared caches and the JIT's first
    // tiers are made once per page, not per visit; the baseline is taken after them.
    for (let i = 0; i < ids.length; i++) await visit(i)
    await page.locator('[data-testid="attract"]').click()
    points.push(await read(0, 'warm'))
    log(`soak: warm baseline ${JSON.stringify(points[1])}`)
    for (let done = 1; done <= visits; done++) {
      await visit(done - 1)
      if (done % every === 0 || done === visits) {
        await page.locator('[data-testid="attract"]').click()
        points.push(await read(done))
        opts.onPoint?.(points)
        log(`soak: ${done} visits, ${round((Date.now() - t0) / 60_000)} min: ${JSON.stringify(points.at(-1))}`)
      }
    }
    reopened = await station.reopen()
    log(`soak: IndexedDB on disk, closed and reopened ${JSON.stringify(reopened)}`)
  } finally {
    await station.close()
  }
  const first = points.find((p) => p.reading === 'warm')!
  const last = points.at(-1)!
  const pct = (a: number, b: number) => round(((b - a) / a) * 100)
  const heapChangePct = pct(first.heapMB, last.heapMB)
  const heapWithoutCodeChangePct = pct(first.heapWithoutCodeMB, last.heapWithoutCodeMB)
  const stationHeapChangePct = pct(first.stationHeapMB, last.stationHeapMB)
  const verdict = {
    heapChangePct,
    heapWithoutCodeChangePct,
    stationHeapChangePct,
    flatWithoutCode: false,
    geometriesDelta: last.geometries - first.geometries,
    texturesDelta: last.textures - first.textures,
    domNodesDelta: last.domNodes - first.domNodes,
    flat: false,
  }
  // DOM nodes: a handful either way is the lobby's own state (a focus ring, a toast); not growth
  const rest = verdict.geometriesDelta <= 0 && verdict.texturesDelta <= 0 && verdict.domNodesDelta <= 50
  verdict.flat = Math.abs(stationHeapChangePct) <= 10 && rest
  verdict.flatWithoutCode = Math.abs(heapWithoutCodeChangePct) <= 10 && rest
  const minutes = round((Date.now() - t0) / 60_000)
  return {
    visits,
    ...(opts.jsFlags ? { jsFlags: opts.jsFlags } : {}),
    exhibits: ids,
    idleSeconds: IDLE_S,
    minutes,
    secondsPerVisit: round((minutes * 60) / (visits + ids.length)),
    points,
    phases: station.phaseMedians(),
    loadavg: { start: loadStart, end: loadavg().map((x) => round(x)) },
    indexedDbAfterReopen: reopened!,
    verdict,
  }
}
