import { BoxGeometry, Color, Float32BufferAttribute, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'

export type Vec3 = readonly [number, number, number]

/** One coloured piece of a static model: any geometry, already placed. */
export interface Part {
  geo: BufferGeometry
  color: string
}

/** A box piece, translated to `at`. */
export function box(size: Vec3, at: Vec3, color: string): Part {
  const g = new BoxGeometry(size[0], size[1], size[2])
  g.translate(at[0], at[1], at[2])
  return { geo: g, color }
}

/**
 * Merge coloured pieces into one vertex-coloured geometry: a whole model becomes one draw
 * call with one plain material and no texture. Consumes (disposes) the pieces; the caller
 * owns the result (wrap it in `ctx.track`).
 */
export function mergeParts(parts: readonly Part[]): BufferGeometry {
  const c = new Color()
  const ready = parts.map(({ geo, color }) => {
    const g = geo.index ? geo.toNonIndexed() : geo
    if (g !== geo) geo.dispose()
    for (const name of Object.keys(g.attributes)) if (name !== 'position' && name !== 'normal') g.deleteAttribute(name)
    if (!g.getAttribute('normal')) g.computeVertexNormals()
    c.set(color)
    const n = g.getAttribute('position').count
    const rgb = new Float32Array(n * 3)
    for (let i = 0; i < n; i++) {
      rgb[i * 3] = c.r
      rgb[i * 3 + 1] = c.g
      rgb[i * 3 + 2] = c.b
    }
    g.setAttribute('color', new Float32BufferAttribute(rgb, 3))
    return g
  })
  const merged = mergeGeometries(ready, false)
  for (const g of ready) g.dispose()
  if (!merged) throw new Error('mergeParts: pieces have mismatching attributes')
  merged.computeBoundingSphere()
  return merged
}
