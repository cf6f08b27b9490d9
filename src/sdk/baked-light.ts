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

/** The shell's light per vertex, linear: delta-coded sRGB bytes back to floats times the stored range. */
function decodeColors(shell: BakedShell): Float32Array {
  const c8 = bytes(shell.colors)
  // the 256 possible bytes decoded once
  const lut = Float32Array.from({ length: 256 }, (_, k) => toLinear(k / 255) * shell.range)
  const col = new Float32Array(c8.length)
  const run = [0, 0, 0]
  for (let i = 0; i < c8.length; i++) {
    const a = i % 3
    run[a] = (run[a]! + c8[i]!) & 255
    col[i] = lut[run[a]!]!
  }
  return col
}

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
  const gridVertices = shell.vertices - (shell.meshes ?? []).reduce((a, n) => a + n, 0)
  if (grid.positions.length / 3 !== gridVertices)
    throw new Error(`bakedGeometry: ${gridVertices} baked grid vertices, the grid has ${grid.positions.length / 3}`)
  const col = decodeColors(shell).subarray(0, gridVertices * 3)
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

/**
 * Writes a bake's light into the scene's own meshes: the ones its spec listed under `meshes`,
 * built by the same code (e.g. `mergeParts`), in the same order. Their vertex colours become
 * albedo × light; draw them unlit like `bakedGeometry`'s shell. Throws when a mesh no longer has
 * the vertex count that was baked (the geometry code changed without a new bake).
 *
 * @example
 * import parkLight from './park.bake.ts?bake'
 * const shell = useTracked(() => applyBakedLight(parkLight, [parkShell()])[0]!)
 * return <mesh geometry={shell}><meshBasicMaterial vertexColors /></mesh>
 */
export function applyBakedLight(shell: BakedShell, meshes: readonly BufferGeometry[]): BufferGeometry[] {
  const sizes = shell.meshes ?? []
  if (meshes.length !== sizes.length) throw new Error(`applyBakedLight: ${sizes.length} meshes were baked, ${meshes.length} given`)
  const col = decodeColors(shell)
  let at = (shell.vertices - sizes.reduce((a, n) => a + n, 0)) * 3
  meshes.forEach((geo, k) => {
    const n = geo.getAttribute('position').count
    if (n !== sizes[k]) throw new Error(`applyBakedLight: mesh ${k} has ${n} vertices, ${sizes[k]} were baked (bake again: any build does)`)
    geo.setAttribute('color', new BufferAttribute(col.slice(at, at + n * 3), 3))
    at += n * 3
  })
  return [...meshes]
}
