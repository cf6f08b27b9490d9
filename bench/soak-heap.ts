/**
 * Where the soak's heap growth lives: `npx tsx bench/soak-heap.ts [--exhibits a,b] [--at 10,40]`
 * (`--compare a.heapsnapshot,b.heapsnapshot`: two snapshots of an earlier run, compared again).
 * Plays soak visits (bench/soak-bench.ts) on the e2e build, takes a heap snapshot after GC at the
 * lobby at each count in `--at` (after one warm-up round), and prints the objects allocated
 * between the first and the last snapshot that are still alive, by constructor, with the
 * shortest retainer path of a few of each: what keeps a visit's objects after it ended; and the
 * net change by constructor between the two (objects made and dropped each visit cancel out).
 * Each reading's snapshot keeps the heap profiler on: turning it off (as a plain soak reading
 * does) drops its object-id map, and ids of a later snapshot would not match the earlier ones.
 * A diagnostic, not a test; the snapshots stay in the printed folder.
 */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { CDPSession } from 'playwright-core'
import { buildE2E, staleBecause } from '../tests/e2e/e2e-build.ts'
import { HeapSnapshot } from './heap-snapshot.ts'
import { openSoakStation } from './soak-bench.ts'

async function snapshot(cdp: CDPSession, file: string): Promise<void> {
  const chunks: string[] = []
  const onChunk = (c: { chunk: string }) => chunks.push(c.chunk)
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk)
  await cdp.send('HeapProfiler.enable')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false })
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk)
  writeFileSync(file, chunks.join(''))
}

/** Count and self size by node type and constructor (ids-free: holds even if the ids were reset). */
function tally(s: HeapSnapshot): Map<string, { count: number; size: number }> {
  const m = new Map<string, { count: number; size: number }>()
  for (let i = 0; i < s.count; i++) {
    const n = s.node(i)
    if (n.type === 'synthetic') continue
    // V8's internal kinds by their own name (`system / Map`…), without the per-object `@id`
    const k = `${n.type}: ${(['code', 'hidden', 'array', 'object shape'].includes(n.type) ? n.name : HeapSnapshot.key(n)).replace(/ @\d+/g, '')}`
    const g = m.get(k) ?? { count: 0, size: 0 }
    g.count++
    g.size += n.selfSize
    m.set(k, g)
  }
  return m
}

function compare(aFile: string, bFile: string, top = 25, paths = 8): void {
  const a = new HeapSnapshot(aFile)
  const before = new Map<number, string>()
  for (let i = 0; i < a.count; i++) before.set(a.node(i).id, a.node(i).name)
  const b = new HeapSnapshot(bFile)
  const [ta, tb] = [tally(a), tally(b)]
  const net = [...new Set([...ta.keys(), ...tb.keys()])]
    .map((k) => ({
      k,
      count: (tb.get(k)?.count ?? 0) - (ta.get(k)?.count ?? 0),
      KB: Math.round(((tb.get(k)?.size ?? 0) - (ta.get(k)?.size ?? 0)) / 102.4) / 10,
    }))
    .sort((x, y) => y.KB - x.KB)
  const kb = (p: Record<string, number>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, Math.round(v / 1024)]))
  console.log(`\nparts (HeapSnapshot.parts), KB: first ${JSON.stringify(kb(a.parts()))}, last ${JSON.stringify(kb(b.parts()))}`)
  console.log('net change by constructor, first → last snapshot (largest gains and losses):')
  console.table([...net.slice(0, top), ...net.slice(-5)].map(({ k, count, KB }) => ({ constructor: k.slice(0, 100), count, KB })))
  // ids mean the same object only while the profiler kept its id map: then an id seen in both
  // snapshots names the same constructor (99.9 % in a 3-visit check; 16 % when the map was reset)
  let shared = 0
  let sameName = 0
  for (let i = 0; i < b.count; i++) {
    const name = before.get(b.node(i).id)
    if (name === undefined) continue
    shared++
    if (name === b.node(i).name) sameName++
  }
  if (sameName < 0.95 * shared) {
    console.log(
      `\nobject ids not comparable (${Math.round((100 * sameName) / shared)} % of shared ids name the same constructor): the profiler's id map was reset between the snapshots`,
    )
    return
  }
  const groups = new Map<string, { count: number; size: number; samples: number[] }>()
  let total = 0
  for (let i = 0; i < b.count; i++) {
    const n = b.node(i)
    if (before.has(n.id) || n.type === 'synthetic') continue
    const k = HeapSnapshot.key(n)
    const g = groups.get(k) ?? { count: 0, size: 0, samples: [] }
    g.count++
    g.size += n.selfSize
    total += n.selfSize
    // the newest few: ids grow with allocation
    g.samples.push(i)
    if (g.samples.length > 3) g.samples.shift()
    groups.set(k, g)
  }
  const rows = [...groups.entries()].sort((x, y) => y[1].size - x[1].size)
  console.log(`\nalive in the last snapshot, not in the first: ${Math.round(total / 1024)} KB self size in ${rows.reduce((s, r) => s + r[1].count, 0)} objects`)
  console.table(rows.slice(0, top).map(([k, g]) => ({ constructor: k, count: g.count, KB: Math.round(g.size / 102.4) / 10 })))
  for (const [k, g] of rows.slice(0, paths)) {
    console.log(`\n${k} (${g.count}) — retainer path of the newest:`)
    for (const i of g.samples.slice(-2)) console.log(`  ${b.retainerPath(i).join(' ← ')}`)
  }
}

async function main() {
  const args = process.argv.slice(2)
  const option = (name: string) => {
    const i = args.indexOf(`--${name}`)
    return i >= 0 ? args[i + 1] : undefined
  }
  // two snapshots of an earlier run, compared again without playing
  const saved = option('compare')?.split(',')
  if (saved) {
    if (saved.length !== 2) throw new Error('--compare: two heap snapshot files, a,b')
    return compare(saved[0]!, saved[1]!)
  }
  const only = option('exhibits')?.split(',')
  const at = (option('at') ?? '10,40').split(',').map(Number)
  if (at.some((x) => !Number.isInteger(x) || x < 0)) throw new Error(`--at: visit counts, not ${option('at')}`)
  if (staleBecause() !== null) await buildE2E()
  const dir = mkdtempSync('/tmp/sophora-soak-heap-')
  const station = await openSoakStation({ only, keepHeapIds: true })
  const files: string[] = []
  try {
    for (let i = 0; i < station.ids.length; i++) await station.visit(i)
    let done = 0
    for (const target of at) {
      while (done < target) await station.visit(done++)
      await station.page.locator('[data-testid="attract"]').click()
      const p = await station.read(done)
      const file = join(dir, `visit-${done}.heapsnapshot`)
      await snapshot(station.cdp, file)
      files.push(file)
      // V8's compiled code grows as the JIT warms up, DevTools' network log with every request: shown apart
      const parts = new HeapSnapshot(file).parts()
      const mb = (n: number) => Math.round((n / 2 ** 20) * 100) / 100
      console.log(
        `${done} visits: heap ${p.heapMB} MB (snapshot: station ${mb(parts.station)} MB, compiled code ${mb(parts.code)} MB, DevTools' network log ${mb(parts.devtools)} MB), geometries ${p.geometries}, textures ${p.textures}, DOM ${p.domNodes}, listeners ${p.jsEventListeners} → ${file}`,
      )
    }
    console.log(`median ms per visit: ${JSON.stringify(station.phaseMedians())}`)
  } finally {
    await station.close()
  }
  if (files.length >= 2) compare(files[0]!, files.at(-1)!)
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
