import type { BufferGeometry } from 'three'
import { BoxGeometry, CapsuleGeometry, Color, ConeGeometry, CylinderGeometry, Euler, Matrix4, Quaternion, SphereGeometry, Vector3 } from 'three'

export type V3 = readonly [number, number, number]

/** One coloured piece of a model, already placed in the model's space (metres, y up, front +z). */
export interface Piece {
  geo: BufferGeometry
  color: string
}

const tmp = { m: new Matrix4(), q: new Quaternion(), e: new Euler(), up: new Vector3(0, 1, 0), d: new Vector3() }

function place(geo: BufferGeometry, at: V3, rot: V3 = [0, 0, 0], scale: V3 = [1, 1, 1]): BufferGeometry {
  tmp.q.setFromEuler(tmp.e.set(rot[0], rot[1], rot[2]))
  geo.applyMatrix4(tmp.m.compose(new Vector3(...at), tmp.q, new Vector3(...scale)))
  return geo
}

export const box = (size: V3, at: V3, color: string, rot?: V3): Piece => ({ geo: place(new BoxGeometry(...size), at, rot), color })

export const ball = (r: number, at: V3, color: string, scale?: V3, seg = 10): Piece => ({
  geo: place(new SphereGeometry(r, seg, Math.max(4, Math.round(seg * 0.7))), at, undefined, scale),
  color,
})

/** A cylinder standing on y (rot turns it); `r2` makes a tapered one. */
export const cyl = (r: number, h: number, at: V3, color: string, rot?: V3, seg = 12, r2 = r): Piece => ({
  geo: place(new CylinderGeometry(r2, r, h, seg), at, rot),
  color,
})

export const cone = (r: number, h: number, at: V3, color: string, rot?: V3, seg = 10): Piece => ({ geo: place(new ConeGeometry(r, h, seg), at, rot), color })

/** A rounded limb from a to b (a capsule), the way arms and legs are drawn. */
export function limb(a: V3, b: V3, r: number, color: string, seg = 7): Piece {
  const d = tmp.d.set(b[0] - a[0], b[1] - a[1], b[2] - a[2])
  const len = d.length()
  const geo = new CapsuleGeometry(r, Math.max(1e-3, len), 2, seg)
  tmp.q.setFromUnitVectors(tmp.up, d.normalize())
  geo.applyMatrix4(tmp.m.compose(new Vector3((a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2), tmp.q, new Vector3(1, 1, 1)))
  return { geo, color }
}

/** Pieces merged into one indexed geometry with a linear-light COLOR_0, what glTF stores. */
export function mergePieces(pieces: readonly Piece[]): {
  position: Float32Array<ArrayBuffer>
  normal: Float32Array<ArrayBuffer>
  color: Float32Array<ArrayBuffer>
  index: Uint32Array<ArrayBuffer>
} {
  let nv = 0
  let ni = 0
  for (const p of pieces) {
    nv += p.geo.attributes.position!.count
    ni += p.geo.index ? p.geo.index.count : p.geo.attributes.position!.count
  }
  const position = new Float32Array(nv * 3)
  const normal = new Float32Array(nv * 3)
  const color = new Float32Array(nv * 3)
  const index = new Uint32Array(ni)
  const c = new Color()
  let v = 0
  let i = 0
  for (const p of pieces) {
    const pos = p.geo.attributes.position!
    const nor = p.geo.attributes.normal!
    c.set(p.color) // three stores linear light after parsing an sRGB hex
    for (let k = 0; k < pos.count; k++) {
      position.set([pos.getX(k), pos.getY(k), pos.getZ(k)], (v + k) * 3)
      normal.set([nor.getX(k), nor.getY(k), nor.getZ(k)], (v + k) * 3)
      color.set([c.r, c.g, c.b], (v + k) * 3)
    }
    if (p.geo.index) for (let k = 0; k < p.geo.index.count; k++) index[i + k] = p.geo.index.getX(k) + v
    else for (let k = 0; k < pos.count; k++) index[i + k] = v + k
    i += p.geo.index ? p.geo.index.count : pos.count
    v += pos.count
    p.geo.dispose()
  }
  return { position, normal, color, index }
}
