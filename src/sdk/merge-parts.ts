import { Color, Float32BufferAttribute, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'

/** One coloured piece of a static model: any three.js geometry, already placed (translated, rotated). */
export interface Part {
  geo: BufferGeometry
  /**
   * Any CSS colour three.js `Color.set` reads: `'#8a6f52'`, `'#fff'`, `'rgb(200, 40, 30)'`,
   * `'hsl(30, 50%, 40%)'` or a CSS name (`'tomato'`). Written as sRGB, like a colour picker shows
   * it; stored linear in the vertex colours, so it looks the same as `<meshLambertMaterial color=…>`.
   */
  color: string
}

/**
 * Merge coloured pieces of any shape (boxes, cylinders, spheres, extrusions) into one
 * vertex-coloured geometry: a whole static model becomes a single draw call with one plain
 * material and no textures. For plain boxes, `mergeBoxes` is shorter.
 *
 * The pieces are consumed: UVs and other attributes are dropped (normals kept or computed),
 * indices kept when every piece has them (else all are de-indexed), and every piece is disposed. The material **must** set
 * `vertexColors` and leave its own `color` white: `<meshLambertMaterial vertexColors />` (lit,
 * cheap) or `<meshBasicMaterial vertexColors />` (unlit). The caller owns the result: create it
 * once with `useTracked` (or wrap it in `ctx.track`) so it is disposed on exit.
 *
 * @example
 * const bin = useTracked(() => mergeParts([
 *   { geo: new CylinderGeometry(0.3, 0.25, 0.8, 16).translate(0, 0.4, 0), color: '#2e7d32' },
 *   { geo: new BoxGeometry(0.7, 0.06, 0.7).translate(0, 0.83, 0), color: 'white' },
 * ]))
 * return <mesh geometry={bin}><meshLambertMaterial vertexColors /></mesh>
 */
export function mergeParts(parts: readonly Part[]): BufferGeometry {
  const c = new Color()
  const indexed = parts.every((p) => p.geo.index)
  const ready = parts.map(({ geo, color }) => {
    const g = geo.index && !indexed ? geo.toNonIndexed() : geo
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
  if (!merged) throw new Error('mergeParts: pieces have mismatching attributes (morph targets or groups?)')
  merged.computeBoundingSphere()
  return merged
}
