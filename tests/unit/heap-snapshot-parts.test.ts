/**
 * The soak's verdict (bench/soak-bench.ts) counts the "station" part of a heap snapshot: what
 * HeapSnapshot.parts leaves after V8's compiled code and DevTools' network log. A snapshot in
 * V8's format, small enough to know every part by hand.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { HeapSnapshot } from '../../bench/heap-snapshot.ts'

const NODE_TYPES = [
  'hidden',
  'array',
  'string',
  'object',
  'code',
  'closure',
  'regexp',
  'number',
  'native',
  'synthetic',
  'concatenated string',
  'sliced string',
  'symbol',
  'bigint',
  'object shape',
]
const EDGE_TYPES = ['context', 'element', 'property', 'internal', 'hidden', 'shortcut', 'weak']
const NODE_FIELDS = ['type', 'name', 'id', 'self_size', 'edge_count']

/** The string table starts with these: an edge's name is an index into it. */
const STRINGS = ['', 'dependent_code']

/** nodes as [type, name, size], edges as [from, type, name (or element index), to] */
function snapshotFile(nodes: [string, string, number][], edges: [number, string, string | number, number][]): string {
  const strings = [...STRINGS]
  const str = (s: string) => (strings.includes(s) ? strings.indexOf(s) : strings.push(s) - 1)
  const flatNodes = nodes.flatMap(([type, name, size], i) => [NODE_TYPES.indexOf(type), str(name), i * 2 + 1, size, edges.filter((e) => e[0] === i).length])
  // V8 lists the edges node by node
  const flatEdges = [...edges]
    .sort((a, b) => a[0] - b[0])
    .flatMap(([, type, name, to]) => [EDGE_TYPES.indexOf(type), typeof name === 'number' ? name : str(name), to * NODE_FIELDS.length])
  const meta = { node_fields: NODE_FIELDS, node_types: [NODE_TYPES], edge_fields: ['type', 'name_or_index', 'to_node'], edge_types: [EDGE_TYPES] }
  const file = join(dir, 'parts.heapsnapshot')
  writeFileSync(file, JSON.stringify({ snapshot: { meta }, nodes: flatNodes, edges: flatEdges, strings }))
  return file
}

const dir = mkdtempSync(join(tmpdir(), 'sophora-heap-parts-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('HeapSnapshot.parts (what the soak verdict counts)', () => {
  it('puts compiled code and its dependency lists, DevTools’ network log and the rest apart', () => {
    const s = new HeapSnapshot(
      snapshotFile(
        [
          ['synthetic', '(GC roots)', 0],
          ['object', 'Object', 100],
          ['code', 'system / BytecodeArray', 50],
          ['native', 'blink::NetworkResourcesData::ResourceData', 30],
          ['native', 'blink::XHRReplayData', 20],
          ['object shape', 'system / Map', 40],
          // optimised code's dependency list on an object shape: the JIT's
          ['native', 'system / WeakArrayList', 16],
          // another list, held by an element edge whose index is the string index of 'dependent_code'
          ['native', 'system / WeakArrayList', 8],
        ],
        [
          [0, 'element', 0, 1],
          [0, 'element', 1, 2],
          [0, 'element', 2, 3],
          [3, 'internal', 'replay', 4],
          [1, 'property', 'map', 5],
          [5, 'internal', 'dependent_code', 6],
          [1, 'element', STRINGS.indexOf('dependent_code'), 7],
        ],
      ),
    )
    expect(s.parts()).toEqual({ code: 50 + 16, devtools: 30 + 20, station: 100 + 40 + 8 })
    // the parts add up to the snapshot (synthetic roots left out in both)
    const all = Object.values(s.selfSizeByType()).reduce((a, b) => a + b, 0)
    expect(Object.values(s.parts()).reduce((a, b) => a + b, 0)).toBe(all)
  })
})
