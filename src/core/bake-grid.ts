/**
 * The boxes of a bake as one indexed triangle mesh whose faces are cut into grids of at most
 * `cell` metres: per-vertex light needs vertices where light changes (a 19 m floor as 4
 * corners would be one flat colour). Each face keeps its own vertices (hard edges), and
 * `neighbours` links grid neighbours so a vertex buried in another box can borrow light.
 *
 * Plain arithmetic, no three.js: the build bakes on this mesh and the scene rebuilds the very
 * same mesh from the box list, so only the colours travel (src/sdk/baked-light.ts).
 */
export interface GridBox {
  size: readonly [number, number, number]
  at: readonly [number, number, number]
  /** radians, turned about X, then Y, then Z (as the SDK's boxPart does) */
  rot?: readonly [number, number, number] | undefined
}

export interface BakeGrid {
  positions: Float32Array
  normals: Float32Array
  index: Uint32Array
  /** which box each vertex belongs to */
  box: Uint32Array
  /** 4-neighbourhood in the face grid, -1 where none */
  neighbours: Int32Array
}

type V3 = [number, number, number]

/** The six faces of a box: normal, then the two in-face axes (u × v = normal, so triangles face out). */
const FACES: ReadonlyArray<readonly [V3, V3, V3]> = [
  [
    [1, 0, 0],
    [0, 0, -1],
    [0, 1, 0],
  ],
  [
    [-1, 0, 0],
    [0, 0, 1],
    [0, 1, 0],
  ],
  [
    [0, 1, 0],
    [1, 0, 0],
    [0, 0, -1],
  ],
  [
    [0, -1, 0],
    [1, 0, 0],
    [0, 0, 1],
  ],
  [
    [0, 0, 1],
    [1, 0, 0],
    [0, 1, 0],
  ],
  [
    [0, 0, -1],
    [-1, 0, 0],
    [0, 1, 0],
  ],
]

/** Rotates about X, then Y, then Z (geometry.rotateX().rotateY().rotateZ()). */
function rotate(v: V3, r: readonly [number, number, number]): V3 {
  let [x, y, z] = v
  const [cx, sx, cy, sy, cz, sz] = [Math.cos(r[0]), Math.sin(r[0]), Math.cos(r[1]), Math.sin(r[1]), Math.cos(r[2]), Math.sin(r[2])]
  ;[y, z] = [y * cx - z * sx, y * sx + z * cx]
  ;[x, z] = [x * cy + z * sy, -x * sy + z * cy]
  ;[x, y] = [x * cz - y * sz, x * sz + y * cz]
  return [x, y, z]
}

const extent = (v: V3, size: readonly number[]) => Math.abs(v[0]) * size[0]! + Math.abs(v[1]) * size[1]! + Math.abs(v[2]) * size[2]!

export function tessellateBoxes(boxes: readonly GridBox[], cell: number): BakeGrid {
  const pos: number[] = []
  const nor: number[] = []
  const idx: number[] = []
  const owner: number[] = []
  const nb: number[] = []
  boxes.forEach((box, b) => {
    const r = box.rot ?? [0, 0, 0]
    for (const [normal, u, v] of FACES) {
      const lu = extent(u, box.size)
      const lv = extent(v, box.size)
      const half = extent(normal, box.size) / 2
      const nu = Math.max(1, Math.ceil(lu / cell - 1e-6))
      const nv = Math.max(1, Math.ceil(lv / cell - 1e-6))
      const base = pos.length / 3
      const n = rotate(normal, r)
      const at = (i: number, j: number) => (i < 0 || j < 0 || i > nu || j > nv ? -1 : base + j * (nu + 1) + i)
      for (let j = 0; j <= nv; j++) {
        for (let i = 0; i <= nu; i++) {
          const a = (i / nu - 0.5) * lu
          const c = (j / nv - 0.5) * lv
          const p = rotate([normal[0] * half + u[0] * a + v[0] * c, normal[1] * half + u[1] * a + v[1] * c, normal[2] * half + u[2] * a + v[2] * c], r)
          pos.push(p[0] + box.at[0], p[1] + box.at[1], p[2] + box.at[2])
          nor.push(...n)
          owner.push(b)
          nb.push(at(i - 1, j), at(i + 1, j), at(i, j - 1), at(i, j + 1))
        }
      }
      for (let j = 0; j < nv; j++) {
        for (let i = 0; i < nu; i++) {
          const a = base + j * (nu + 1) + i
          const d = a + nu + 1
          idx.push(a, a + 1, d + 1, a, d + 1, d)
        }
      }
    }
  })
  return {
    positions: new Float32Array(pos),
    normals: new Float32Array(nor),
    index: new Uint32Array(idx),
    box: new Uint32Array(owner),
    neighbours: new Int32Array(nb),
  }
}
