import { BoxGeometry, Color, Float32BufferAttribute, type BufferGeometry } from 'three'
import { mergeGeometries } from 'three/addons/utils/BufferGeometryUtils.js'

export type Vec3 = readonly [number, number, number]

/** One box of a static, vertex-coloured shell. Units are metres, y up (the scene's own). */
export interface BoxPart {
  /** width (x), height (y), depth (z) */
  size: Vec3
  /** the box's centre (not a corner): a 2 m tall wall standing on the floor has `at[1] = 1` */
  at: Vec3
  /**
   * Any CSS colour three.js `Color.set` reads: `'#8a6f52'`, `'#fff'`, `'rgb(200, 40, 30)'`,
   * `'hsl(30, 50%, 40%)'` or a CSS name (`'tomato'`). Written as sRGB, like a colour picker shows
   * it; stored linear in the vertex colours, so it looks the same as `<meshLambertMaterial color=…>`.
   */
  color: string
  /**
   * Optional tilt for rubble, beams and fallen shelves, in **radians** (degrees × π / 180):
   * `[x, y, z]`, turned about the box's own centre about the world X axis first, then Y, then Z
   * (a geometry rotation, not an Object3D Euler), before the box is moved to `at`.
   */
  rot?: Vec3
}

/**
 * Merge many coloured boxes into one geometry: a whole static room becomes a single
 * draw call with one plain material, and no textures at all.
 *
 * The colours are vertex colours, so the material **must** set `vertexColors` (and leave its
 * own `color` white, which multiplies them): `<meshLambertMaterial vertexColors />` (lit, cheap)
 * or `<meshBasicMaterial vertexColors />` (unlit). The geometry has positions, normals and
 * colours, no UVs (no textures). The caller owns the result: create it once and wrap it in
 * `ctx.track` so it is disposed on exit.
 *
 * @example
 * const shell = useMemo(() => ctx.track(mergeBoxes([
 *   { size: [6, 0.1, 8], at: [0, -0.05, -3], color: '#9e9e9e' },            // floor
 *   { size: [6, 3, 0.2], at: [0, 1.5, -7], color: '#e8e0d0' },              // back wall
 *   { size: [2, 0.2, 0.3], at: [1, 0.3, -4], color: 'saddlebrown', rot: [0, 0, Math.PI / 12] }, // a beam, 15°
 * ])), [ctx])
 * return <mesh geometry={shell}><meshLambertMaterial vertexColors /></mesh>
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
