import { readdirSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CylinderGeometry, PlaneGeometry, SphereGeometry } from 'three'
import { applyBakedLight, bakedGeometry } from '../../sdk/baked-light.ts'
import { mergeParts } from '../../sdk/merge-parts.ts'
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

describe('baked light on meshes (shapes that are not boxes)', () => {
  // a meadow in 0.5 m cells under a ball on a post, lit by a high sun: the ball's shadow falls on the meadow
  const meadow = new PlaneGeometry(6, 6, 12, 12).rotateX(-Math.PI / 2)
  const build = () =>
    mergeParts([
      { geo: meadow.clone(), color: '#7cc35b' },
      { geo: new SphereGeometry(0.8, 12, 8).translate(0, 1.6, 0), color: '#3f9b3a' },
      { geo: new CylinderGeometry(0.1, 0.1, 0.8, 8).translate(0, 0.4, 0), color: '#7a5431' },
    ])
  const PARK: BakeSpec = {
    meshes: [{ geometry: build() }],
    ambient: { color: '#ffffff', intensity: 0.1 },
    sky: { color: '#d9ebff', intensity: 0.5 },
    sun: { direction: [0, -1, 0], color: '#ffffff', intensity: 1 },
    samples: 16,
  }
  const result = bakeLight(PARK)
  const light = (x: number, z: number) => {
    // the meadow's vertices come first in the merged mesh
    const i = Math.round(z / 0.5 + 6) * 13 + Math.round(x / 0.5 + 6)
    return result.colors[i * 3]! + result.colors[i * 3 + 1]! + result.colors[i * 3 + 2]!
  }

  it('shades the meadow under the ball and keeps open meadow bright', () => {
    expect(result.meshes).toEqual([build().getAttribute('position').count])
    expect(light(0.5, 0.5)).toBeLessThan(0.5 * light(2.5, 2.5))
  })

  it('gives vertices at one place with one normal (a sphere’s seam) the same light', () => {
    const geo = PARK.meshes![0]!.geometry
    const p = geo.attributes.position!.array
    const seen = new Map<string, number>()
    let pairs = 0
    for (let v = 0; v < p.length / 3; v++) {
      const key = [
        p[v * 3],
        p[v * 3 + 1],
        p[v * 3 + 2],
        ...Array.from(geo.attributes.normal!.array)
          .slice(v * 3, v * 3 + 3)
          .map((n) => n.toFixed(2)),
      ].join()
      const other = seen.get(key)
      if (other === undefined) seen.set(key, v)
      else {
        pairs++
        for (let a = 0; a < 3; a++) expect(result.colors[v * 3 + a]).toBe(result.colors[other * 3 + a])
      }
    }
    expect(pairs).toBeGreaterThan(8)
  })

  it('ships the light into the scene’s own geometry, and refuses one that was changed since', () => {
    const shell = encodeBake(PARK, result, 'test', 0)
    const [geo] = applyBakedLight(shell, [build()])
    const col = geo!.getAttribute('color').array
    expect(col.length).toBe(result.colors.length)
    let worst = 0
    for (let i = 0; i < col.length; i++) worst = Math.max(worst, Math.abs(col[i]! - Math.min(result.colors[i]!, shell.range)))
    expect(worst).toBeLessThan(0.02 * shell.range)
    expect(() => applyBakedLight(shell, [new PlaneGeometry(6, 6, 4, 4)])).toThrow(/vertices/)
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
