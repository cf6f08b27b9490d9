import { BoxGeometry, type BufferGeometry } from 'three'
import { mergeParts } from './merge-parts.ts'

/** `[x, y, z]` in metres (or radians for `BoxPart.rot`). */
export type Vec3 = readonly [number, number, number]

/** One box of a static, vertex-coloured shell. Units are metres, y up (the scene's own). */
export interface BoxPart {
  /** width (x), height (y), depth (z) */
  size: Vec3
  /** the box's centre (not a corner): a 2 m tall wall standing on the floor has `at[1] = 1` */
  at: Vec3
  /** any CSS colour, as for `Part.color` of mergeParts (`'#8a6f52'`, `'tomato'`, `'rgb(…)'`) */
  color: string
  /**
   * Optional tilt for rubble, beams and fallen shelves, in **radians** (degrees × π / 180):
   * `[x, y, z]`, turned about the box's own centre about the world X axis first, then Y, then Z
   * (a geometry rotation, not an Object3D Euler), before the box is moved to `at`.
   */
  rot?: Vec3
}

/** A box as a mergeParts piece: centred on `at`, optionally tilted (see BoxPart). */
export function boxPart(p: BoxPart): { geo: BufferGeometry; color: string } {
  const g = new BoxGeometry(p.size[0], p.size[1], p.size[2])
  if (p.rot) g.rotateX(p.rot[0]).rotateY(p.rot[1]).rotateZ(p.rot[2])
  g.translate(p.at[0], p.at[1], p.at[2])
  return { geo: g, color: p.color }
}

/**
 * Merge many coloured boxes into one geometry: a whole static room becomes a single draw
 * call with one plain material and no textures (mergeParts, for boxes). The material **must**
 * set `vertexColors`: `<meshLambertMaterial vertexColors />` (lit) or `<meshBasicMaterial
 * vertexColors />` (unlit). Positions, normals and colours, no UVs. Create it once with
 * `useTracked` so it is disposed on exit.
 *
 * @example
 * const shell = useTracked(() => mergeBoxes([
 *   { size: [6, 0.1, 8], at: [0, -0.05, -3], color: '#9e9e9e' },            // floor
 *   { size: [6, 3, 0.2], at: [0, 1.5, -7], color: '#e8e0d0' },              // back wall
 *   { size: [2, 0.2, 0.3], at: [1, 0.3, -4], color: 'saddlebrown', rot: [0, 0, Math.PI / 12] }, // a beam, 15°
 * ]))
 * return <mesh geometry={shell}><meshLambertMaterial vertexColors /></mesh>
 */
export function mergeBoxes(parts: readonly BoxPart[]): BufferGeometry {
  return mergeParts(parts.map(boxPart))
}
