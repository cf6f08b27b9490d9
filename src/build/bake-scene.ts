import { Color } from 'three'
import type { BakeSpecSchema } from '../core/bake-spec.ts'
import { tessellateBoxes, type BakeGrid } from '../core/bake-grid.ts'
import type { z } from 'zod'

type Spec = z.output<typeof BakeSpecSchema>

/**
 * Everything a bake lights, as one vertex set: the boxes' grid first (its vertex order is what
 * the scene rebuilds), then each mesh's own vertices in order.
 */
export interface BakeScene {
  grid: BakeGrid
  positions: Float32Array
  normals: Float32Array
  /** every triangle, grid first, as vertex indices into `positions` */
  index: Uint32Array
  /** linear albedo per vertex and self-lit strength */
  albedo: Float32Array
  emit: Float32Array
  /** vertices of the grid (the first ones); the rest belong to the meshes */
  gridVertices: number
  meshVertices: number[]
  /** neighbours of vertex v: adj[adjStart[v] .. adjStart[v + 1]) */
  adjStart: Int32Array
  adj: Int32Array
  /** for a mesh vertex, a number in [0, 1) from its position and normal (the grid's come from the seeded sequence) */
  spin: Float32Array
}

/** FNV-1a of a string, to [0, 1): equal positions and normals get equal spins, so seams do not show. */
function hash01(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0
  return h / 4294967296
}

export function bakeScene(spec: Spec): BakeScene {
  const grid = tessellateBoxes(spec.boxes, spec.cell)
  const gridVertices = grid.positions.length / 3
  const attr = (m: Spec['meshes'][number], name: string) => m.geometry.attributes[name]!.array
  const meshVertices = spec.meshes.map((m) => attr(m, 'position').length / 3)
  const count = gridVertices + meshVertices.reduce((a, n) => a + n, 0)
  const positions = new Float32Array(count * 3)
  const normals = new Float32Array(count * 3)
  const albedo = new Float32Array(count * 3)
  const emit = new Float32Array(count)
  const spin = new Float32Array(count)
  positions.set(grid.positions)
  normals.set(grid.normals)
  const colour = spec.boxes.map((b) => new Color(b.color))
  for (let v = 0; v < gridVertices; v++) {
    const b = grid.box[v]!
    albedo.set([colour[b]!.r, colour[b]!.g, colour[b]!.b], v * 3)
    emit[v] = spec.boxes[b]!.emit ?? 0
  }
  const tris: number[] = Array.from(grid.index)
  // neighbours: the grid's 4-neighbourhood, then per mesh the vertices sharing a triangle, welded by position and normal
  const lists: number[][] = Array.from({ length: gridVertices }, (_, v) => [0, 1, 2, 3].map((j) => grid.neighbours[v * 4 + j]!).filter((u) => u >= 0))
  let base = gridVertices
  spec.meshes.forEach((m, k) => {
    const n = meshVertices[k]!
    const [position, normal, color] = [attr(m, 'position'), attr(m, 'normal'), attr(m, 'color')]
    if (normal.length !== n * 3 || color.length !== n * 3) throw new Error(`bake mesh ${k}: position, normal and color must have one entry per vertex`)
    const group = new Int32Array(n)
    const first: number[] = []
    const keys = new Map<string, number>()
    for (let i = 0; i < n; i++) {
      const v = base + i
      for (let a = 0; a < 3; a++) {
        positions[v * 3 + a] = position[i * 3 + a]!
        normals[v * 3 + a] = normal[i * 3 + a]!
        albedo[v * 3 + a] = color[i * 3 + a]!
      }
      emit[v] = m.emit ?? 0
      const q = (x: number, s: number) => Math.round(x * s)
      const key = [0, 1, 2].map((a) => q(positions[v * 3 + a]!, 1e4)).join() + '|' + [0, 1, 2].map((a) => q(normals[v * 3 + a]!, 20)).join()
      let g = keys.get(key)
      if (g === undefined) keys.set(key, (g = first.push(v) - 1))
      group[i] = g
      spin[v] = hash01(`${spec.seed}:${key}`)
    }
    const near = first.map(() => new Set<number>())
    const idx = m.geometry.index?.array
    const triangles = (idx ? idx.length : n) / 3
    for (let f = 0; f < triangles; f++) {
      const c = [0, 1, 2].map((j) => (idx ? idx[f * 3 + j]! : f * 3 + j))
      tris.push(...c.map((i) => base + i))
      for (const i of c) for (const o of c) if (group[i] !== group[o]) near[group[i]!]!.add(first[group[o]!]!)
    }
    for (let i = 0; i < n; i++) lists.push([...near[group[i]!]!])
    base += n
  })
  const adjStart = new Int32Array(count + 1)
  lists.forEach((l, v) => (adjStart[v + 1] = adjStart[v]! + l.length))
  const adj = Int32Array.from(lists.flat())
  return { grid, positions, normals, index: Uint32Array.from(tris), albedo, emit, gridVertices, meshVertices, adjStart, adj, spin }
}
