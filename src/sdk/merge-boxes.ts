import { BoxGeometry, Color, Float32BufferAttribute, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'

export type Vec3 = readonly [number, number, number]

/** One box of a static, vertex-coloured shell. */
export interface BoxPart {
  size: Vec3
  at: Vec3
  color: string
  /** optional tilt (radians about x, y, z, applied in that order) for rubble and beams */
  rot?: Vec3
}

/**
 * Merge many coloured boxes into one geometry: a whole static room becomes a single
 * draw call with one plain material (`vertexColors`), and no textures at all.
 * The caller owns the result (wrap it in `ctx.track`).
 */
export function mergeBoxes(parts: readonly BoxPart[]): BufferGeometry {
  const c = new Color()
  const boxes = parts.map((p) => {
    const g = new BoxGeometry(p.size[0], p.size[1], p.size[2])
    if (p.rot) g.rotateX(p.rot[0]).rotateY(p.rot[1]).rotateZ(p.rot[2])
    g.translate(p.at[0], p.at[1], p.at[2])
    g.deleteAttribute('uv')
    c.set(p.color)
    const n = g.getAttribute('position').count
    const rgb = new Float32Array(n * 3)
    for (let i = 0; i < n; i++) rgb.set([c.r, c.g, c.b], i * 3)
    g.setAttribute('color', new Float32BufferAttribute(rgb, 3))
    return g
  })
  const merged = mergeGeometries(boxes, false)
  for (const g of boxes) g.dispose()
  if (!merged) throw new Error('mergeBoxes: boxes have mismatching attributes')
  return merged
}
