import { distanceToRegion, type Layer, type Loop, type Triangles } from './slicer.ts'

/**
 * Overhangs and supports. The rule most slicers default to: a surface that leans out more
 * than 45° from vertical (the angle is measured from the vertical wall, so 0° is a wall
 * and 90° a flat ceiling) (its normal points down by more than 45° below the
 * horizon) cannot be printed on thin air, so it gets vertical support pillars standing on the
 * plate or on the model below. Pillars stop one layer under the model (the "air gap" that
 * lets them snap off afterwards).
 */
export interface Pillar {
  x: number
  z: number
  /** where the pillar stands (0 = the build plate), mm */
  bottom: number
  /** the overhanging surface above it, mm */
  top: number
}

export interface SupportOptions {
  /** overhang limit in degrees from vertical (default 45) */
  maxAngle?: number
  /** distance between pillars, mm (default 4) */
  spacing?: number
  /** gaps lower than this need no pillar (default 0.5 mm) */
  minGap?: number
}

interface Tri {
  ax: number
  ay: number
  az: number
  bx: number
  by: number
  bz: number
  cx: number
  cy: number
  cz: number
  ny: number
}

function readTris(t: Triangles): Tri[] {
  const out: Tri[] = []
  for (let i = 0; i + 8 < t.length; i += 9) {
    const [ax, ay, az, bx, by, bz, cx, cy, cz] = [t[i]!, t[i + 1]!, t[i + 2]!, t[i + 3]!, t[i + 4]!, t[i + 5]!, t[i + 6]!, t[i + 7]!, t[i + 8]!]
    const ux = bx - ax,
      uy = by - ay,
      uz = bz - az
    const vx = cx - ax,
      vy = cy - ay,
      vz = cz - az
    const nx = uy * vz - uz * vy,
      ny = uz * vx - ux * vz,
      nz = ux * vy - uy * vx
    const len = Math.hypot(nx, ny, nz)
    if (len === 0) continue
    out.push({ ax, ay, az, bx, by, bz, cx, cy, cz, ny: ny / len })
  }
  return out
}

/** Height of the triangle straight above/below (x, z), or undefined when (x, z) is outside it. */
function heightAt(t: Tri, x: number, z: number): number | undefined {
  const d = (t.bz - t.cz) * (t.ax - t.cx) + (t.cx - t.bx) * (t.az - t.cz)
  if (Math.abs(d) < 1e-12) return undefined
  const l1 = ((t.bz - t.cz) * (x - t.cx) + (t.cx - t.bx) * (z - t.cz)) / d
  const l2 = ((t.cz - t.az) * (x - t.cx) + (t.ax - t.cx) * (z - t.cz)) / d
  const l3 = 1 - l1 - l2
  const e = -1e-9
  if (l1 < e || l2 < e || l3 < e) return undefined
  return l1 * t.ay + l2 * t.by + l3 * t.cy
}

/** How many triangles face down too steeply (a face lying flat on the plate does not count). */
export function overhangTriangles(tris: Triangles, maxAngle = 45): number {
  const limit = -Math.cos((maxAngle * Math.PI) / 180)
  const all = readTris(tris)
  const floor = Math.min(...all.map((t) => Math.min(t.ay, t.by, t.cy)))
  return all.filter((t) => t.ny < limit - 1e-9 && Math.max(t.ay, t.by, t.cy) > floor + 1e-6).length
}

/** Support pillars on a grid under every overhanging surface. */
export function findSupports(tris: Triangles, opts: SupportOptions = {}): Pillar[] {
  const { maxAngle = 45, spacing = 4, minGap = 0.5 } = opts
  const limit = -Math.cos((maxAngle * Math.PI) / 180)
  const all = readTris(tris)
  if (all.length === 0) return []
  const floor = Math.min(...all.map((t) => Math.min(t.ay, t.by, t.cy)))
  const up = all.filter((t) => t.ny > 1e-6)
  const pillars = new Map<string, Pillar>()
  for (const t of all) {
    if (!(t.ny < limit - 1e-9) || Math.max(t.ay, t.by, t.cy) <= floor + 1e-6) continue
    // grid points offset by half a spacing so they never sit on the model's own edges
    const x0 = Math.ceil(Math.min(t.ax, t.bx, t.cx) / spacing - 0.5)
    const x1 = Math.floor(Math.max(t.ax, t.bx, t.cx) / spacing - 0.5)
    const z0 = Math.ceil(Math.min(t.az, t.bz, t.cz) / spacing - 0.5)
    const z1 = Math.floor(Math.max(t.az, t.bz, t.cz) / spacing - 0.5)
    for (let i = x0; i <= x1; i++) {
      for (let j = z0; j <= z1; j++) {
        const x = (i + 0.5) * spacing
        const z = (j + 0.5) * spacing
        const top = heightAt(t, x, z)
        if (top === undefined) continue
        // stand on the highest upward-facing surface below (or the plate)
        let bottom = floor
        for (const u of up) {
          const h = heightAt(u, x, z)
          if (h !== undefined && h <= top + 1e-6 && h > bottom) bottom = h
        }
        if (top - bottom < minGap) continue
        const k = `${i},${j}`
        const old = pillars.get(k)
        if (!old || top < old.top) pillars.set(k, { x, z, bottom, top })
      }
    }
  }
  return [...pillars.values()].sort((a, b) => a.x - b.x || a.z - b.z)
}

/**
 * Bridging: a flat span held up at BOTH ends (a bridge between two pillars) prints without
 * supports: the nozzle stretches the hot plastic across from one end to the other. So a pillar
 * is dropped when, in the layer just under the overhang, the model stands on both sides of it
 * along one axis within `maxSpan` mm. A one-sided overhang (an arm, a mushroom cap) keeps its
 * pillars: on its open side there is nothing to stretch the plastic to.
 */
export function dropBridged(pillars: readonly Pillar[], layers: readonly Layer[], maxSpan = 20): Pillar[] {
  const step = 0.5
  const hits = (loops: readonly Loop[], x: number, z: number, dx: number, dz: number) => {
    // a point on the model's outline counts as model (pillars may stand on the grid's edge lines)
    for (let d = step; d <= maxSpan; d += step) if (distanceToRegion(loops, x + dx * d, z + dz * d) < 1e-6) return d
    return undefined
  }
  return pillars.filter((p) => {
    const under = layers.filter((l) => l.y < p.top).at(-1)
    if (!under) return true
    for (const [dx, dz] of [
      [1, 0],
      [0, 1],
    ] as const) {
      const a = hits(under.loops, p.x, p.z, dx, dz)
      const b = hits(under.loops, p.x, p.z, -dx, -dz)
      if (a !== undefined && b !== undefined && a + b <= maxSpan) return false
    }
    return true
  })
}

/**
 * How far each point of the failed print would sag: its distance (mm) beyond the layer the
 * overhang starts from. Used only to animate the print that was made without supports.
 */
export function sagFootprint(layers: readonly Layer[], pillars: readonly Pillar[]): { fromY: number; base: Loop[] } | null {
  if (pillars.length === 0) return null
  const fromY = Math.min(...pillars.map((p) => p.top))
  const below = layers.filter((l) => l.y < fromY)
  const base = below[below.length - 1]?.loops ?? []
  return { fromY, base }
}

export function sagAt(f: { fromY: number; base: Loop[] } | null, x: number, y: number, z: number): number {
  if (!f || y < f.fromY) return 0
  return distanceToRegion(f.base, x, z)
}
