import { readFileSync } from 'node:fs'

/**
 * A V8 heap snapshot (CDP HeapProfiler.takeHeapSnapshot) read enough to compare two of them:
 * objects by constructor, and the shortest strong retainer path of an object to the GC roots.
 * Object ids are stable across snapshots of one page, so "alive in B, not in A" = allocated
 * between the two and still retained, as DevTools' comparison view shows.
 */
interface RawSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] } }
  nodes: number[]
  edges: number[]
  strings: string[]
}

/** Blink's objects that only a DevTools session's network agent makes and keeps (see `parts`). */
const DEVTOOLS_NATIVES = ['blink::NetworkResourcesData', 'blink::XHRReplayData']

export interface HeapNode {
  index: number
  type: string
  name: string
  id: number
  selfSize: number
}

export class HeapSnapshot {
  private readonly raw: RawSnapshot
  private readonly nf: number
  private readonly ef: number
  private readonly firstEdge: Int32Array
  private retainers?: { from: Int32Array; edge: Int32Array; start: Int32Array }
  private depth?: Int32Array

  constructor(path: string) {
    this.raw = JSON.parse(readFileSync(path, 'utf8')) as RawSnapshot
    this.nf = this.raw.snapshot.meta.node_fields.length
    this.ef = this.raw.snapshot.meta.edge_fields.length
    const n = this.count
    this.firstEdge = new Int32Array(n + 1)
    const ec = this.raw.snapshot.meta.node_fields.indexOf('edge_count')
    for (let i = 0; i < n; i++) this.firstEdge[i + 1] = this.firstEdge[i]! + this.raw.nodes[i * this.nf + ec]!
  }

  get count(): number {
    return this.raw.nodes.length / this.nf
  }

  node(i: number): HeapNode {
    const b = i * this.nf
    const r = this.raw
    return { index: i, type: r.snapshot.meta.node_types[0][r.nodes[b]!]!, name: r.strings[r.nodes[b + 1]!]!, id: r.nodes[b + 2]!, selfSize: r.nodes[b + 3]! }
  }

  /** (type, name, to) of node i's edges */
  *edges(i: number): Generator<{ type: string; name: string; to: number; at: number }> {
    const r = this.raw
    for (let e = this.firstEdge[i]!; e < this.firstEdge[i + 1]!; e++) {
      const b = e * this.ef
      const type = r.snapshot.meta.edge_types[0][r.edges[b]!]!
      const nameOrIndex = r.edges[b + 1]!
      const name = type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : (r.strings[nameOrIndex] ?? '?')
      yield { type, name, to: r.edges[b + 2]! / this.nf, at: e }
    }
  }

  /** What DevTools' summary groups by: the constructor for objects, the kind otherwise. */
  static key(n: HeapNode): string {
    if (n.type === 'object' || n.type === 'native') return n.name
    if (n.type === 'closure') return `(closure) ${n.name || 'anonymous'}`
    if (n.type.includes('string')) return '(string)'
    return `(${n.type})`
  }

  /** self size summed by node type (`code`, `object`, `closure`, `native`…); synthetic roots left out */
  selfSizeByType(): Record<string, number> {
    const out: Record<string, number> = {}
    for (let i = 0; i < this.count; i++) {
      const n = this.node(i)
      if (n.type !== 'synthetic') out[n.type] = (out[n.type] ?? 0) + n.selfSize
    }
    return out
  }

  /**
   * The snapshot's self sizes in the parts the soak's verdict tells apart (synthetic roots left out):
   * - `code`: V8's compiled code (node type `code`: bytecode, machine code, feedback vectors, function
   *   infos) and the dependency lists optimised code keeps on object shapes and protectors
   *   (`system / WeakArrayList` held by a `dependent_code` edge): the JIT warming up, not the app;
   * - `devtools`: the network log of a DevTools session (Playwright's CDP Network domain keeps a
   *   record of every request, and an XHR's replay data, for the page's life): the bench's own
   *   instrument, absent at a station nobody debugs;
   * - `station`: the rest, the app's objects, the DOM and the browser's own buffers (performance
   *   timeline entries and the like, capped by the browser).
   */
  parts(): { code: number; devtools: number; station: number } {
    this.index()
    const { edge, start } = this.retainers!
    const out = { code: 0, devtools: 0, station: 0 }
    const dependentCode = this.raw.strings.indexOf('dependent_code')
    const [elementEdge, hiddenEdge] = ['element', 'hidden'].map((t) => this.raw.snapshot.meta.edge_types[0].indexOf(t))
    for (let i = 0; i < this.count; i++) {
      const n = this.node(i)
      if (n.type === 'synthetic') continue
      let part: keyof typeof out = 'station'
      if (n.type === 'code') part = 'code'
      else if (DEVTOOLS_NATIVES.some((p) => n.name.startsWith(p))) part = 'devtools'
      else if (n.name === 'system / WeakArrayList' && dependentCode >= 0)
        for (let k = start[i]!; k < start[i + 1]!; k++) {
          const b = edge[k]! * this.ef
          // element and hidden edges carry an index, not a name
          if (this.raw.edges[b] !== elementEdge && this.raw.edges[b] !== hiddenEdge && this.raw.edges[b + 1] === dependentCode) part = 'code'
        }
      out[part] += n.selfSize
    }
    return out
  }

  ids(): Set<number> {
    const s = new Set<number>()
    for (let i = 0; i < this.count; i++) s.add(this.raw.nodes[i * this.nf + 2]!)
    return s
  }

  /** The shortest strong path from a GC root to node i, as `Owner.edge` steps. */
  retainerPath(i: number, maxSteps = 14): string[] {
    this.index()
    const { from, edge, start } = this.retainers!
    const depth = this.depth!
    const path: string[] = []
    let cur = i
    for (let s = 0; s < maxSteps && depth[cur]! > 0; s++) {
      let best = -1
      let bestEdge = -1
      for (let k = start[cur]!; k < start[cur + 1]!; k++) {
        const f = from[k]!
        if (depth[f]! >= 0 && depth[f]! < depth[cur]! && (best < 0 || depth[f]! < depth[best]!)) {
          best = f
          bestEdge = edge[k]!
        }
      }
      if (best < 0) break
      const owner = this.node(best)
      const b = bestEdge * this.ef
      const type = this.raw.snapshot.meta.edge_types[0][this.raw.edges[b]!]!
      const nameOrIndex = this.raw.edges[b + 1]!
      const label = type === 'element' || type === 'hidden' ? `[${nameOrIndex}]` : this.raw.strings[nameOrIndex]
      path.push(`${HeapSnapshot.key(owner)}.${label}`)
      cur = best
    }
    return path
  }

  /** Reverse edges and BFS depth from the root over strong edges (weak ones retain nothing). */
  private index(): void {
    if (this.retainers) return
    const n = this.count
    const types = this.raw.snapshot.meta.edge_types[0]
    const weak = types.indexOf('weak')
    const shortcut = types.indexOf('shortcut')
    const counts = new Int32Array(n + 1)
    const edges = this.raw.edges
    for (let e = 0; e < edges.length / this.ef; e++) {
      const t = edges[e * this.ef]!
      if (t !== weak && t !== shortcut) counts[edges[e * this.ef + 2]! / this.nf + 1]!++
    }
    const start = new Int32Array(n + 1)
    for (let i = 0; i < n; i++) start[i + 1] = start[i]! + counts[i + 1]!
    const fill = start.slice()
    const from = new Int32Array(start[n]!)
    const edge = new Int32Array(start[n]!)
    for (let i = 0; i < n; i++)
      for (let e = this.firstEdge[i]!; e < this.firstEdge[i + 1]!; e++) {
        const t = edges[e * this.ef]!
        if (t === weak || t === shortcut) continue
        const to = edges[e * this.ef + 2]! / this.nf
        from[fill[to]!] = i
        edge[fill[to]!++] = e
      }
    const depth = new Int32Array(n).fill(-1)
    depth[0] = 0
    const queue = [0]
    for (let q = 0; q < queue.length; q++) {
      const i = queue[q]!
      for (let e = this.firstEdge[i]!; e < this.firstEdge[i + 1]!; e++) {
        const t = edges[e * this.ef]!
        if (t === weak || t === shortcut) continue
        const to = edges[e * this.ef + 2]! / this.nf
        if (depth[to] === -1) {
          depth[to] = depth[i]! + 1
          queue.push(to)
        }
      }
    }
    this.retainers = { from, edge, start }
    this.depth = depth
  }
}
