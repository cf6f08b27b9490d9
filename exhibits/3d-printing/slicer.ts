/**
 * A small, real slicer (pure TS, no three.js): the same idea as Cura/PrusaSlicer, cut down
 * to what a student can watch. The model is a triangle soup in millimetres, **Y up** (three's
 * convention), so a layer is the plane y = h and its contours live in the x/z plane.
 *
 * 1. slice: intersect every triangle with the plane -> line segments
 * 2. chain: join segments end to end into closed loops (contours)
 * 3. infill: a sparse grid of lines inside the loops (even-odd rule)
 * Supports (overhangs) live in supports.ts.
 */

/** A point in a layer: x and z (the layer is horizontal). */
export interface P2 {
  x: number
  z: number
}
export type Loop = P2[]

export interface Layer {
  index: number
  /** height of the slicing plane (the middle of the layer), mm */
  y: number
  loops: Loop[]
}

/** Flat triangle soup: 9 numbers per triangle (x0 y0 z0 x1 y1 z1 x2 y2 z2). */
export type Triangles = Float32Array | number[]

/** Expand an indexed position buffer to a triangle soup. */
export function toTriangles(position: ArrayLike<number>, index?: ArrayLike<number> | null): Float32Array {
  if (!index) return Float32Array.from(position)
  const out = new Float32Array(index.length * 3)
  for (let i = 0; i < index.length; i++) {
    const v = index[i]! * 3
    out[i * 3] = position[v]!
    out[i * 3 + 1] = position[v + 1]!
    out[i * 3 + 2] = position[v + 2]!
  }
  return out
}

export function boundsY(tris: Triangles): [number, number] {
  let lo = Infinity
  let hi = -Infinity
  for (let i = 1; i < tris.length; i += 3) {
    lo = Math.min(lo, tris[i]!)
    hi = Math.max(hi, tris[i]!)
  }
  return [lo, hi]
}

/** Every triangle cut by the plane y = h gives one segment [ax, az, bx, bz]. */
export function sliceSegments(tris: Triangles, h: number): number[][] {
  const segs: number[][] = []
  for (let t = 0; t < tris.length; t += 9) {
    const pts: number[] = []
    for (let e = 0; e < 3; e++) {
      const a = t + e * 3
      const b = t + ((e + 1) % 3) * 3
      const da = tris[a + 1]! - h
      const db = tris[b + 1]! - h
      // a vertex exactly on the plane counts as above it, so each crossing is found once
      if (da < 0 === db < 0) continue
      const k = da / (da - db)
      pts.push(tris[a]! + (tris[b]! - tris[a]!) * k, tris[a + 2]! + (tris[b + 2]! - tris[a + 2]!) * k)
    }
    if (pts.length === 4 && (pts[0] !== pts[2] || pts[1] !== pts[3])) segs.push(pts)
  }
  return segs
}

const key = (x: number, z: number) => `${Math.round(x * 1e4)},${Math.round(z * 1e4)}`

/**
 * Join segments into closed loops by matching end points (meshes merged from primitives
 * repeat their vertices, so points are matched after rounding to 0.1 µm).
 */
export function chainLoops(segs: readonly number[][]): Loop[] {
  const at = new Map<string, number[]>()
  const add = (k: string, i: number) => {
    const list = at.get(k)
    if (list) list.push(i)
    else at.set(k, [i])
  }
  segs.forEach((s, i) => {
    add(key(s[0]!, s[1]!), i)
    add(key(s[2]!, s[3]!), i)
  })
  const used = new Uint8Array(segs.length)
  const loops: Loop[] = []
  for (let start = 0; start < segs.length; start++) {
    if (used[start]) continue
    used[start] = 1
    const s = segs[start]!
    const loop: Loop = [{ x: s[0]!, z: s[1]! }]
    const first = key(s[0]!, s[1]!)
    let x = s[2]!
    let z = s[3]!
    for (;;) {
      const k = key(x, z)
      if (k === first) break
      loop.push({ x, z })
      const next = (at.get(k) ?? []).find((i) => !used[i])
      if (next === undefined) break // open chain (a hole in the mesh): keep what we have
      used[next] = 1
      const n = segs[next]!
      const forward = key(n[0]!, n[1]!) === k
      x = forward ? n[2]! : n[0]!
      z = forward ? n[3]! : n[1]!
    }
    const clean = dropCollinear(loop)
    if (clean.length >= 3) loops.push(clean)
  }
  return loops
}

/** Remove points that lie on the straight line between their neighbours (a box side cut in two). */
export function dropCollinear(loop: Loop): Loop {
  const out: Loop = []
  const n = loop.length
  for (let i = 0; i < n; i++) {
    const a = loop[(i + n - 1) % n]!
    const b = loop[i]!
    const c = loop[(i + 1) % n]!
    const cross = (b.x - a.x) * (c.z - b.z) - (b.z - a.z) * (c.x - b.x)
    const len = Math.hypot(c.x - a.x, c.z - a.z)
    if (Math.abs(cross) > 1e-6 * Math.max(len, 1e-9)) out.push(b)
  }
  return out
}

export function perimeter(loop: Loop): number {
  let p = 0
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!
    const b = loop[(i + 1) % loop.length]!
    p += Math.hypot(b.x - a.x, b.z - a.z)
  }
  return p
}

/** Signed area (shoelace); the sign tells the winding. */
export function area(loop: Loop): number {
  let s = 0
  for (let i = 0; i < loop.length; i++) {
    const a = loop[i]!
    const b = loop[(i + 1) % loop.length]!
    s += a.x * b.z - b.x * a.z
  }
  return s / 2
}

/** Slice the whole model: one layer per `layerHeight`, cut through the middle of each layer. */
export function sliceModel(tris: Triangles, layerHeight: number): Layer[] {
  const [lo, hi] = boundsY(tris)
  const count = Math.round((hi - lo) / layerHeight)
  const layers: Layer[] = []
  for (let i = 0; i < count; i++) {
    const y = lo + (i + 0.5) * layerHeight
    layers.push({ index: i, y, loops: chainLoops(sliceSegments(tris, y)) })
  }
  return layers
}

/** Is the point inside the region the loops enclose (even-odd: a loop inside a loop is a hole)? */
export function insideLoops(loops: readonly Loop[], x: number, z: number): boolean {
  let inside = false
  for (const loop of loops) {
    for (let i = 0, j = loop.length - 1; i < loop.length; j = i++) {
      const a = loop[i]!
      const b = loop[j]!
      if (a.z > z !== b.z > z && x < ((b.x - a.x) * (z - a.z)) / (b.z - a.z) + a.x) inside = !inside
    }
  }
  return inside
}

/** 0 inside the region, else the distance to its nearest edge. */
export function distanceToRegion(loops: readonly Loop[], x: number, z: number): number {
  if (insideLoops(loops, x, z)) return 0
  let best = Infinity
  for (const loop of loops) {
    for (let i = 0; i < loop.length; i++) {
      const a = loop[i]!
      const b = loop[(i + 1) % loop.length]!
      const dx = b.x - a.x
      const dz = b.z - a.z
      const len2 = dx * dx + dz * dz
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - a.x) * dx + (z - a.z) * dz) / len2)) : 0
      best = Math.min(best, Math.hypot(a.x + dx * t - x, a.z + dz * t - z))
    }
  }
  return best
}

/**
 * Sparse infill: parallel lines `spacing` apart, inside the loops by the even-odd rule,
 * along x on even layers and along z on odd ones (a criss-cross grid, like "rectilinear"
 * infill). `inset` keeps the lines off the walls. Returns segments [ax, az, bx, bz].
 */
export function infillLines(loops: readonly Loop[], spacing: number, alongX: boolean, inset = 0): number[][] {
  if (loops.length === 0) return []
  let lo = Infinity
  let hi = -Infinity
  for (const l of loops)
    for (const p of l) {
      const v = alongX ? p.z : p.x
      lo = Math.min(lo, v)
      hi = Math.max(hi, v)
    }
  const out: number[][] = []
  for (let c = Math.ceil(lo / spacing + 0.5) * spacing - spacing / 2; c < hi; c += spacing) {
    const hits: number[] = []
    for (const l of loops) {
      for (let i = 0; i < l.length; i++) {
        const a = l[i]!
        const b = l[(i + 1) % l.length]!
        const av = alongX ? a.z : a.x
        const bv = alongX ? b.z : b.x
        if (av > c === bv > c) continue
        const k = (c - av) / (bv - av)
        hits.push(alongX ? a.x + (b.x - a.x) * k : a.z + (b.z - a.z) * k)
      }
    }
    hits.sort((p, q) => p - q)
    for (let i = 0; i + 1 < hits.length; i += 2) {
      const s = hits[i]! + inset
      const e = hits[i + 1]! - inset
      if (e - s < spacing * 0.25) continue
      out.push(alongX ? [s, c, e, c] : [c, s, c, e])
    }
  }
  return out
}
