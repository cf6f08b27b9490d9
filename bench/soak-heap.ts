/**
 * Where the soak's heap growth lives: `npx tsx bench/soak-heap.ts [--exhibits a,b] [--at 10,40]`.
 * Plays soak visits (bench/soak-bench.ts) on the e2e build, takes a heap snapshot after GC at the
 * lobby at each count in `--at` (after one warm-up round), and prints the objects allocated
 * between the first and the last snapshot that are still alive, by constructor, with the
 * shortest retainer path of a few of each: what keeps a visit's objects after it ended.
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

function compare(aFile: string, bFile: string, top = 25, paths = 8): void {
  const a = new HeapSnapshot(aFile)
  const before = a.ids()
  const b = new HeapSnapshot(bFile)
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
  const only = option('exhibits')?.split(',')
  const at = (option('at') ?? '10,40').split(',').map(Number)
  if (at.some((x) => !Number.isInteger(x) || x < 0)) throw new Error(`--at: visit counts, not ${option('at')}`)
  if (staleBecause() !== null) await buildE2E()
  const dir = mkdtempSync('/tmp/sophora-soak-heap-')
  const station = await openSoakStation({ only })
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
      // V8's compiled code (optimised functions, their deopt data) grows as the JIT warms up: shown apart
      const parts = new HeapSnapshot(file).selfSizeByType()
      const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10
      const all = Object.values(parts).reduce((a, b) => a + b, 0)
      console.log(
        `${done} visits: heap ${p.heapMB} MB (snapshot ${mb(all)} MB, of which compiled code ${mb(parts.code ?? 0)} MB), geometries ${p.geometries}, textures ${p.textures}, DOM ${p.domNodes}, listeners ${p.jsEventListeners} → ${file}`,
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
