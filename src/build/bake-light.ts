import { BufferAttribute, BufferGeometry, Color, DoubleSide, Ray, Triangle, Vector3 } from 'three'
import { MeshBVH } from 'three-mesh-bvh'
import { BakeSpecSchema, type BakeSpec } from '../core/bake-spec.ts'
import type { BakeGrid } from '../core/bake-grid.ts'
import { bakeScene, type BakeScene } from './bake-scene.ts'

/** Per-vertex light of a shell: linear RGB (can exceed 1) and the triangles worth drawing. */
export interface BakeResult {
  mesh: BakeGrid
  /** vertex count of each mesh (their colours follow the grid's) */
  meshes: number[]
  /** linear colour of each vertex (grid, then meshes), albedo × light */
  colors: Float32Array
  /** per grid triangle: 1 = drawn (at least one vertex in the open), 0 = buried in other boxes */
  keep: Uint8Array
}

/** mulberry32: small, fast, and the same sequence everywhere for one seed. */
function random(seed: number) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Cosine-weighted hemisphere directions about +Z, stratified (Hammersley) so 64 rays are smooth. */
function hemisphere(count: number): Vector3[] {
  return Array.from({ length: count }, (_, i) => {
    let bits = i
    bits = ((bits << 16) | (bits >>> 16)) >>> 0
    bits = (((bits & 0x55555555) << 1) | ((bits & 0xaaaaaaaa) >>> 1)) >>> 0
    bits = (((bits & 0x33333333) << 2) | ((bits & 0xcccccccc) >>> 2)) >>> 0
    bits = (((bits & 0x0f0f0f0f) << 4) | ((bits & 0xf0f0f0f0) >>> 4)) >>> 0
    bits = (((bits & 0x00ff00ff) << 8) | ((bits & 0xff00ff00) >>> 8)) >>> 0
    const u = (i + 0.5) / count
    const phi = (bits / 4294967296) * 2 * Math.PI
    const r = Math.sqrt(u)
    return new Vector3(r * Math.cos(phi), r * Math.sin(phi), Math.sqrt(1 - u))
  })
}

const EPS = 2e-3
/** A vertex whose rays hit this share of back faces sits inside another box. */
const BURIED = 0.25
/** Passes of neighbour averaging over the indirect light. */
const SMOOTHING = 2

/**
 * Bakes sky, sun, lamps, ambient occlusion and one bounce into vertex colours by ray casting
 * (three-mesh-bvh). Deterministic: the rays depend only on the spec and its seed.
 */
export function bakeLight(input: BakeSpec): BakeResult {
  const spec = BakeSpecSchema.parse(input)
  const scene = bakeScene(spec)
  const { grid: mesh, positions: P, normals: N, albedo: A, emit: E, gridVertices } = scene
  const count = P.length / 3
  const geo = new BufferGeometry()
  geo.setAttribute('position', new BufferAttribute(P, 3))
  // a copy: MeshBVH reorders the index it is given, and the shipped triangle order must be the grid's
  const bvhIndex = scene.index.slice()
  geo.setIndex(new BufferAttribute(bvhIndex, 1))
  const bvh = new MeshBVH(geo)
  const ray = new Ray()
  const o = new Vector3()
  const n = new Vector3()
  const d = new Vector3()
  // self-lit boxes (lamp panels, a sky panel outside a window) are lights, not shadow casters
  const occluded = (far: number) => {
    const hit = bvh.raycastFirst(ray, DoubleSide, 0, far)
    return hit !== null && !(E[bvhIndex[(hit.faceIndex ?? 0) * 3]!]! > 0)
  }
  const origin = (v: number) => {
    n.set(N[v * 3]!, N[v * 3 + 1]!, N[v * 3 + 2]!)
    o.set(P[v * 3]!, P[v * 3 + 1]!, P[v * 3 + 2]!).addScaledVector(n, EPS)
  }

  // pass 1: direct light (lamps, sun) at every vertex
  const direct = new Float32Array(count * 3)
  const lamps = spec.lamps.map((l) => ({ ...l, c: new Color(l.color), at: new Vector3(...l.at), facing: l.facing && new Vector3(...l.facing).normalize() }))
  const sun = spec.sun && { c: new Color(spec.sun.color), i: spec.sun.intensity, to: new Vector3(...spec.sun.direction).normalize().negate() }
  for (let v = 0; v < count; v++) {
    origin(v)
    let r = 0
    let g = 0
    let b = 0
    for (const l of lamps) {
      d.subVectors(l.at, o)
      const dist = d.length()
      d.divideScalar(dist)
      const cos = n.dot(d)
      const lobe = l.facing ? Math.max(0, -d.dot(l.facing)) : 1
      if (cos <= 0 || lobe <= 0) continue
      ray.set(o, d)
      if (occluded(dist - EPS)) continue
      // 1 / (d² + 0.25): physical fall-off that stays finite right under a lamp
      const k = (l.intensity * cos * lobe) / (dist * dist + 0.25)
      r += l.c.r * k
      g += l.c.g * k
      b += l.c.b * k
    }
    if (sun) {
      const cos = n.dot(sun.to)
      ray.set(o, sun.to)
      if (cos > 0 && !occluded(Infinity)) {
        r += sun.c.r * sun.i * cos
        g += sun.c.g * sun.i * cos
        b += sun.c.b * sun.i * cos
      }
    }
    direct[v * 3] = r
    direct[v * 3 + 1] = g
    direct[v * 3 + 2] = b
  }

  // pass 2: hemisphere rays for ambient occlusion, sky and one bounce
  const dirs = hemisphere(spec.samples)
  const rand = random(spec.seed)
  const amb = new Color(spec.ambient.color).multiplyScalar(spec.ambient.intensity)
  const ambient = [amb.r, amb.g, amb.b] as const
  const sky = spec.sky ? new Color(spec.sky.color).multiplyScalar(spec.sky.intensity) : new Color(0, 0, 0)
  const colors = new Float32Array(count * 3)
  const indirect = new Float32Array(count * 3)
  const buried = new Uint8Array(count)
  const t = new Vector3()
  const bt = new Vector3()
  const bary = new Vector3()
  const tri = new Triangle()
  const va = new Vector3()
  const vb = new Vector3()
  const vc = new Vector3()
  const idx = bvhIndex
  const vtx = (i: number, out: Vector3) => out.set(P[i * 3]!, P[i * 3 + 1]!, P[i * 3 + 2]!)
  for (let v = 0; v < count; v++) {
    origin(v)
    // a tangent frame, turned by a random angle per vertex so neighbours do not share the pattern
    t.set(Math.abs(n.x) < 0.9 ? 1 : 0, Math.abs(n.x) < 0.9 ? 0 : 1, 0)
      .cross(n)
      .normalize()
    bt.crossVectors(n, t)
    // grid vertices draw from the seeded sequence (their bakes stay as they were), mesh vertices from their position
    const spin = (v < gridVertices ? rand() : scene.spin[v]!) * 2 * Math.PI
    const cs = Math.cos(spin)
    const sn = Math.sin(spin)
    let open = 0
    let back = 0
    let r = 0
    let g = 0
    let b = 0
    for (const s of dirs) {
      const x = s.x * cs - s.y * sn
      const y = s.x * sn + s.y * cs
      d.set(0, 0, 0).addScaledVector(t, x).addScaledVector(bt, y).addScaledVector(n, s.z)
      ray.set(o, d)
      const hit = bvh.raycastFirst(ray, DoubleSide)
      if (!hit) {
        open++
        r += sky.r
        g += sky.g
        b += sky.b
        continue
      }
      if (hit.distance > spec.aoDistance) open++
      const f = hit.faceIndex ?? 0
      const ia = idx[f * 3]!
      const ib = idx[f * 3 + 1]!
      const ic = idx[f * 3 + 2]!
      if (N[ia * 3]! * d.x + N[ia * 3 + 1]! * d.y + N[ia * 3 + 2]! * d.z > 0) {
        back++
        continue
      }
      tri.set(vtx(ia, va), vtx(ib, vb), vtx(ic, vc))
      tri.getBarycoord(hit.point, bary)
      for (let ch = 0; ch < 3; ch++) {
        const w = (i: number) => A[i * 3 + ch]! * (direct[i * 3 + ch]! + ambient[ch]! * 0.5 + E[i]!)
        const lit = bary.x * w(ia) + bary.y * w(ib) + bary.z * w(ic)
        if (ch === 0) r += lit
        else if (ch === 1) g += lit
        else b += lit
      }
    }
    // a buried mesh vertex (a post's top inside the sign board) is filled like a grid one, else the
    // visible face that reaches it fades to black; only the grid's buried faces are dropped
    if (back / dirs.length > BURIED) buried[v] = 1
    const ao = open / dirs.length
    const k = spec.bounce / dirs.length
    for (let ch = 0; ch < 3; ch++) indirect[v * 3 + ch] = ambient[ch]! * ao + (ch === 0 ? r : ch === 1 ? g : b) * k
  }
  // the hemisphere estimate is noisy vertex to vertex (blotches at grid size); direct light is exact,
  // so only the indirect part is smoothed, keeping sun patches and lamp pools sharp
  for (let pass = 0; pass < SMOOTHING; pass++) smoothOpen(scene, indirect, buried)
  for (let i = 0; i < colors.length; i++) colors[i] = A[i]! * (direct[i]! + indirect[i]! + E[Math.floor(i / 3)]!)
  fillBuried(scene, colors, buried)
  const grid = mesh.index
  const keep = new Uint8Array(grid.length / 3)
  for (let f = 0; f < keep.length; f++) keep[f] = buried[grid[f * 3]!] && buried[grid[f * 3 + 1]!] && buried[grid[f * 3 + 2]!] ? 0 : 1
  geo.dispose()
  return { mesh, meshes: scene.meshVertices, colors, keep }
}

/** One pass of averaging each open vertex with its open neighbours (half self, half neighbours). */
function smoothOpen({ adjStart, adj }: BakeScene, light: Float32Array, buried: Uint8Array) {
  const src = light.slice()
  for (let v = 0; v < buried.length; v++) {
    if (buried[v]) continue
    let k = 0
    let r = 0
    let g = 0
    let b = 0
    for (let j = adjStart[v]!; j < adjStart[v + 1]!; j++) {
      const u = adj[j]!
      if (buried[u]) continue
      k++
      r += src[u * 3]!
      g += src[u * 3 + 1]!
      b += src[u * 3 + 2]!
    }
    if (!k) continue
    light[v * 3] = 0.5 * src[v * 3]! + (0.5 * r) / k
    light[v * 3 + 1] = 0.5 * src[v * 3 + 1]! + (0.5 * g) / k
    light[v * 3 + 2] = 0.5 * src[v * 3 + 2]! + (0.5 * b) / k
  }
}

/** Buried vertices take the mean of their open neighbours, spreading inwards until none is left. */
function fillBuried({ adjStart, adj }: BakeScene, colors: Float32Array, buried: Uint8Array) {
  const state = Uint8Array.from(buried)
  for (let changed = true; changed;) {
    changed = false
    const next = Uint8Array.from(state)
    for (let v = 0; v < state.length; v++) {
      if (!state[v]) continue
      let k = 0
      let r = 0
      let g = 0
      let b = 0
      for (let j = adjStart[v]!; j < adjStart[v + 1]!; j++) {
        const u = adj[j]!
        if (state[u]) continue
        k++
        r += colors[u * 3]!
        g += colors[u * 3 + 1]!
        b += colors[u * 3 + 2]!
      }
      if (!k) continue
      colors[v * 3] = r / k
      colors[v * 3 + 1] = g / k
      colors[v * 3 + 2] = b / k
      next[v] = 0
      changed = true
    }
    state.set(next)
  }
}
