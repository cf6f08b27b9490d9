import { BufferAttribute, BufferGeometry } from 'three'
import { tessellateBoxes } from '../core/bake-grid.ts'
import type { BakedShell } from '../core/bake-spec.ts'

function bytes(b64: string): Uint8Array {
  const s = atob(b64)
  const out = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i)
  return out
}

const toLinear = (x: number) => (x <= 0.04045 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4)

/**
 * Turns a baked shell (the default export of `import shell from './room.bake.ts?bake'`) into a
 * geometry whose vertex colours already hold the light: sky, sun, lamps, ambient occlusion and
 * one bounce, ray-cast at build time from the spec in `room.bake.ts` (a `BakeSpec`). Draw it
 * **unlit** — it costs one draw call and no per-pixel light, in flat and in VR. Moving props
 * keep one cheap light (an ambient or hemisphere light) tuned to match. The caller owns the
 * result: create it with `useTracked` so it is disposed on exit. See docs/authoring-exhibits.md.
 *
 * @example
 * import corridorLight from './corridor.bake.ts?bake'
 * const shell = useTracked(() => bakedGeometry(corridorLight))
 * return <mesh geometry={shell}><meshBasicMaterial vertexColors /></mesh>
 */
export function bakedGeometry(shell: BakedShell): BufferGeometry {
  const grid = tessellateBoxes(shell.boxes, shell.cell)
  if (grid.positions.length / 3 !== shell.vertices)
    throw new Error(`bakedGeometry: ${shell.vertices} baked vertices, the grid has ${grid.positions.length / 3}`)
  const c8 = bytes(shell.colors)
  // the 256 possible bytes decoded once: sRGB bytes back to linear light, times the stored range
  const lut = Float32Array.from({ length: 256 }, (_, k) => toLinear(k / 255) * shell.range)
  const col = new Float32Array(c8.length)
  const run = [0, 0, 0]
  for (let i = 0; i < c8.length; i++) {
    const a = i % 3
    run[a] = (run[a]! + c8[i]!) & 255
    col[i] = lut[run[a]!]!
  }
  const keep = bytes(shell.keep)
  const tris = grid.index.length / 3
  const index = new Uint32Array(shell.triangles * 3)
  let n = 0
  for (let f = 0; f < tris; f++) {
    if (!((keep[f >> 3]! >> (f & 7)) & 1)) continue
    index.set(grid.index.subarray(f * 3, f * 3 + 3), n)
    n += 3
  }
  const geo = new BufferGeometry()
  geo.setAttribute('position', new BufferAttribute(grid.positions, 3))
  geo.setAttribute('color', new BufferAttribute(col, 3))
  geo.setIndex(new BufferAttribute(shell.vertices > 65535 ? index : Uint16Array.from(index), 1))
  geo.computeBoundingSphere()
  return geo
}
