import { readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { bakedGeometry } from '../../sdk/baked-light.ts'
import type { BakeSpec } from '../../core/bake-spec.ts'
import { tessellateBoxes } from '../../core/bake-grid.ts'
import { bakeLight } from '../bake-light.ts'
import { bakeCachePath, bakeHash, encodeBake, readBakeCache } from '../bake-cache.ts'

/** A closed 4 × 3 × 4 m room, a lamp near one corner, and a crate standing in the middle. */
const ROOM: BakeSpec = {
  boxes: [
    { size: [4, 0.1, 4], at: [0, -0.05, 0], color: '#bbbbbb' },
    { size: [4, 0.1, 4], at: [0, 3.05, 0], color: '#bbbbbb' },
    { size: [0.1, 3, 4], at: [-2.05, 1.5, 0], color: '#bbbbbb' },
    { size: [0.1, 3, 4], at: [2.05, 1.5, 0], color: '#bbbbbb' },
    { size: [4, 3, 0.1], at: [0, 1.5, -2.05], color: '#bbbbbb' },
    { size: [4, 3, 0.1], at: [0, 1.5, 2.05], color: '#bbbbbb' },
    { size: [0.8, 0.8, 0.8], at: [0, 0.4, 0], color: '#bbbbbb' },
  ],
  ambient: { color: '#ffffff', intensity: 0.3 },
  lamps: [{ at: [1.4, 2.8, 1.4], color: '#ffffff', intensity: 4, facing: [0, -1, 0] }],
  cell: 0.4,
  samples: 16,
}

/** Linear brightness of the floor vertex nearest to (x, z). */
function floorAt(result: ReturnType<typeof bakeLight>, x: number, z: number): number {
  const { positions: p, normals: n } = result.mesh
  let best = -1
  let dist = Infinity
  for (let v = 0; v < p.length / 3; v++) {
    if (n[v * 3 + 1]! < 0.99 || Math.abs(p[v * 3 + 1]!) > 1e-4) continue
    const d = Math.hypot(p[v * 3]! - x, p[v * 3 + 2]! - z)
    if (d < dist) [best, dist] = [v, d]
  }
  return result.colors[best * 3]! + result.colors[best * 3 + 1]! + result.colors[best * 3 + 2]!
}

describe('baked light', () => {
  const result = bakeLight(ROOM)

  it('is the same, byte for byte, every time for one spec and seed', () => {
    const again = bakeLight(ROOM)
    expect(Buffer.from(again.colors.buffer).equals(Buffer.from(result.colors.buffer))).toBe(true)
    const other = bakeLight({ ...ROOM, seed: 2 })
    expect(Buffer.from(other.colors.buffer).equals(Buffer.from(result.colors.buffer))).toBe(false)
  })

  it('lights the floor under the lamp more than the far corner, and darkens the crate’s shadow side', () => {
    expect(floorAt(result, 1.4, 1.4)).toBeGreaterThan(2 * floorAt(result, -1.7, -1.7))
    // just behind the crate, seen from the lamp: shadowed and occluded, darker than open floor as far from the lamp
    expect(floorAt(result, -0.55, -0.55)).toBeLessThan(floorAt(result, 0.9, -1.6))
  })

  it('drops the faces buried inside other boxes (the crate’s bottom)', () => {
    const drawn = result.keep.reduce((a, k) => a + k, 0)
    expect(drawn).toBeLessThan(result.keep.length)
    // the crate's bottom face (lies on the floor, faces down into it) is gone: 2 × 2 cells × 2 triangles at least
    expect(result.keep.length - drawn).toBeGreaterThanOrEqual(8)
  })

  it('ships as colours only: the scene rebuilds the same grid and reads the light back within 8-bit rounding', () => {
    const shell = encodeBake(ROOM, result, 'test', 0)
    const geo = bakedGeometry(shell)
    const grid = tessellateBoxes(shell.boxes, shell.cell)
    expect(Array.from(geo.getAttribute('position').array)).toEqual(Array.from(grid.positions))
    expect(geo.index!.count).toBe(shell.triangles * 3)
    const col = geo.getAttribute('color').array
    let worst = 0
    for (let i = 0; i < col.length; i++) worst = Math.max(worst, Math.abs(col[i]! - Math.min(result.colors[i]!, shell.range)))
    // an sRGB byte step near white, in linear units times the range, is below 1.5 %
    expect(worst).toBeLessThan(0.02 * shell.range)
  })
})

describe('committed bakes', () => {
  const root = resolve('.')
  const specs = readdirSync('exhibits').flatMap((id) => {
    const dir = join('exhibits', id, 'scene')
    try {
      return readdirSync(dir)
        .filter((f) => /\.bake\.tsx?$/.test(f))
        .map((f) => resolve(dir, f))
    } catch {
      return []
    }
  })

  it('fire-escape declares its corridor light', () => {
    expect(specs.some((s) => s.endsWith('fire-escape/scene/corridor.bake.ts'))).toBe(true)
  })

  it.each(specs.map((s) => relative(root, s)))('%s has its bake committed and current (a clean clone does not bake)', (file) => {
    const spec = resolve(root, file)
    const cache = bakeCachePath(spec, root)
    expect(readBakeCache(cache, bakeHash(spec, root)), `${cache} is missing or stale: run a build (or npm run dev) and commit it`).toBeDefined()
  })
})
