import { boxPart, mergeParts, type BoxPart, type Part } from '@sophora/sdk'
import { CircleGeometry, ConeGeometry, CylinderGeometry, PlaneGeometry, RingGeometry, SphereGeometry, TorusGeometry, type BufferGeometry } from 'three'
import { COLORS as C, POND, POST, SIGN, STUMP } from './layout.ts'

/** Lay a flat xy shape on the ground (facing up) as an ellipse over the pond. */
const onPond = (g: BufferGeometry, y: number) =>
  g
    .rotateX(-Math.PI / 2)
    .scale(POND.rx, 1, POND.rz)
    .translate(POND.x, y, POND.z)

function tree(x: number, z: number, h: number): Part[] {
  return [
    { geo: new CylinderGeometry(0.12, 0.16, h, 8, 3).translate(x, h / 2, z), color: C.trunk },
    { geo: new SphereGeometry(h * 0.42, 12, 10).translate(x, h + h * 0.2, z), color: C.leaves },
    { geo: new SphereGeometry(h * 0.3, 12, 10).translate(x + h * 0.25, h + h * 0.05, z + 0.2), color: C.leavesLight },
  ]
}

function reeds(x: number, z: number): Part[] {
  return [0, 1, 2, 3, 4].map((i) => ({
    geo: new ConeGeometry(0.03, 0.55 + (i % 3) * 0.15, 5).translate(x + (i - 2) * 0.09, 0.3 + (i % 3) * 0.07, z + (i % 2) * 0.08),
    color: C.reed,
  }))
}

/**
 * Everything that never moves, as one vertex-coloured geometry (one draw call): the meadow, the
 * pond and its muddy rim, reeds, trees and hills, the 禁止游泳 sign with its red no-swimming
 * symbol, the rescue post (without the ring and pole, which are tapped) and a tree stump.
 */
export function parkShell(): BufferGeometry {
  const sign = (g: BufferGeometry) => g.rotateY(SIGN.turn).translate(SIGN.x, 0, SIGN.z)
  const post = (g: BufferGeometry) => g.rotateY(POST.turn).translate(POST.x, 0, POST.z)
  const signBox = (b: BoxPart): Part => {
    const p = boxPart(b)
    return { geo: sign(p.geo), color: p.color }
  }
  return mergeParts([
    // the meadow in 1.5 m cells: its baked light (park.bake.ts) changes only between vertices
    { geo: new PlaneGeometry(60, 60, 40, 40).rotateX(-Math.PI / 2), color: C.grass },
    { geo: onPond(new CircleGeometry(1.13, 48), 0.006), color: C.mud },
    { geo: onPond(new RingGeometry(1.13, 1.3, 48), 0.004), color: C.grassDark },
    // far hills and a line of trees behind the pond
    { geo: new SphereGeometry(9, 20, 10).scale(1.6, 0.35, 1).translate(-8, 0, -30), color: C.hill },
    { geo: new SphereGeometry(8, 20, 10).scale(1.5, 0.4, 1).translate(9, 0, -28), color: C.hill },
    ...tree(-5.2, -8.5, 2.6),
    ...tree(-1.8, -9.5, 3),
    ...tree(2.2, -9, 2.4),
    ...tree(5.6, -7.8, 2.8),
    ...reeds(-3.8, -3.7),
    ...reeds(3.4, -5.4),
    ...reeds(-1.2, -6.5),
    // the sign, on two tall posts so it shows above the VR panel: a red-edged white board, a red circle with a bar
    { geo: sign(new CylinderGeometry(0.07, 0.07, 2.6, 8, 4).translate(-0.7, 1.3, -0.05)), color: C.wood },
    { geo: sign(new CylinderGeometry(0.07, 0.07, 2.6, 8, 4).translate(0.7, 1.3, -0.05)), color: C.wood },
    signBox({ size: [1.9, 0.92, 0.05], at: [0, 2.15, 0], color: C.red }),
    signBox({ size: [1.78, 0.8, 0.06], at: [0, 2.15, 0.002], color: C.board }),
    { geo: sign(new TorusGeometry(0.27, 0.05, 8, 28).translate(-0.55, 2.15, 0.04)), color: C.red },
    { geo: sign(new PlaneGeometry(0.09, 0.52).rotateZ(Math.PI / 4).translate(-0.55, 2.15, 0.039)), color: C.red },
    // the rescue post: a pole and a small roof-board, and a hook for the ring
    { geo: post(new CylinderGeometry(0.06, 0.07, 1.9, 8, 3).translate(0, 0.95, 0)), color: C.wood },
    { geo: post(new CylinderGeometry(0.02, 0.02, 0.16, 6).rotateX(Math.PI / 2).translate(0, 1.45, 0.08)), color: '#5d4037' },
    // a tree stump on the near bank (the phone lies on it)
    { geo: new CylinderGeometry(0.24, 0.3, 0.42, 12).translate(STUMP.x, 0.21, STUMP.z), color: C.trunk },
    { geo: new CylinderGeometry(0.22, 0.22, 0.01, 12).translate(STUMP.x, 0.425, STUMP.z), color: '#d7b98a' },
  ])
}

/** The life ring: orange and white quarters, lying in the xy plane, centred at the origin. */
export function lifeRing(): BufferGeometry {
  return mergeParts(
    [0, 1, 2, 3, 4, 5, 6, 7].map((i) => ({
      geo: new TorusGeometry(0.2, 0.055, 8, 8, Math.PI / 4).rotateZ((i * Math.PI) / 4),
      color: i % 2 ? C.ringWhite : C.ringOrange,
    })),
  )
}

/** The water: an ellipse a little above the mud, so what is below the waterline is hidden. */
export const pondWater = (): BufferGeometry => onPond(new CircleGeometry(1.02, 48), POND.water)
