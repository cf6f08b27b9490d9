import { CylinderGeometry } from 'three'
import { BINS, BIN_COLORS } from '../items.ts'
import { BELT_FROM_X, BELT_TO_X, BELT_TOP, BELT_Z, BIN_X, BOARD, COLORS as C, SIGN_SIZE, SIGN_Y, WALL_Z } from './layout.ts'
import type { BoxPart, Part, Vec3 } from '@sophora/sdk'

const box = (size: Vec3, at: Vec3, color: string): BoxPart => ({ size, at, color })

/**
 * The static room as boxes: floor, wall, the conveyor and the scoreboard's frame. Plain data,
 * so the build can bake their light (hall.bake.ts) and the scene draws them in one call.
 */
export function shellBoxes(): BoxPart[] {
  const beltLen = BELT_TO_X - BELT_FROM_X
  const beltMid = (BELT_TO_X + BELT_FROM_X) / 2
  const parts: BoxPart[] = [
    box([9, 0.02, 8], [0, -0.01, -2], C.floor),
    box([12, 6, 0.1], [0, 3, WALL_Z - 0.05], C.wall),
    box([12, 0.25, 0.02], [0, 0.125, WALL_Z + 0.01], C.skirting),
    // conveyor: frame, dark belt, legs
    box([beltLen, 0.08, 0.5], [beltMid, BELT_TOP - 0.05, BELT_Z], C.beltFrame),
    box([beltLen - 0.04, 0.012, 0.42], [beltMid, BELT_TOP - 0.004, BELT_Z], C.belt),
    box([beltLen, 0.06, 0.03], [beltMid, BELT_TOP + 0.01, BELT_Z - 0.24], C.beltFrame),
    box([beltLen, 0.06, 0.03], [beltMid, BELT_TOP + 0.01, BELT_Z + 0.24], C.beltFrame),
    // scoreboard
    box([1.5, 0.62, 0.04], [BOARD[0], BOARD[1], BOARD[2] - 0.03], C.boardFrame),
    box([1.42, 0.54, 0.02], [BOARD[0], BOARD[1], BOARD[2] - 0.005], C.board),
  ]
  // a sign in each bin's colour on the wall above it (its name is a Label3D)
  for (const b of BINS) parts.push(box([SIGN_SIZE[0], SIGN_SIZE[1], 0.02], [BIN_X[b], SIGN_Y, WALL_Z + 0.01], BIN_COLORS[b]))
  for (const x of [BELT_FROM_X + 0.1, beltMid, BELT_TO_X - 0.1]) {
    for (const dz of [-0.2, 0.2]) parts.push(box([0.05, BELT_TOP - 0.09, 0.05], [x, (BELT_TOP - 0.09) / 2, BELT_Z + dz], C.leg))
  }
  return parts
}

/** The conveyor's two end rollers (round, so not in the bake; lit by the hall's one light). */
export function rollerParts(): Part[] {
  const parts: Part[] = []
  for (const x of [BELT_FROM_X, BELT_TO_X]) {
    const g = new CylinderGeometry(0.045, 0.045, 0.46, 12)
    g.rotateX(Math.PI / 2)
    g.translate(x, BELT_TOP - 0.05, BELT_Z)
    parts.push({ geo: g, color: C.beltFrame })
  }
  return parts
}
